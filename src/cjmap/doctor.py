"""``cjmap doctor`` as a library: what a user needs to know when rendered output looks wrong.

It reports the versions that matter (cjmap, Python, WeasyPrint, Pango), whether WeasyPrint has
HarfBuzz's subsetter (fast PDFs), and whether installed fonts cover each script maps are written
in: Latin, Cyrillic (with the Macedonian letters ѓ ќ ѕ љ њ џ), CJK and emoji (:mod:`cjmap.fonts`).

Fonts are checked one of two ways, and the report says which:

- with fontconfig's ``fc-list``, which reads the same font database WeasyPrint (through Pango)
  uses and names the families covering each script;
- by drawing them with WeasyPrint: one small page holding every script's sample goes through
  :func:`cjmap.render.pdf.html_to_pdf`, which names the characters no font could draw. This
  works wherever WeasyPrint works, so it is used when ``fc-list`` is not on PATH (Windows with
  MSYS2's Pango, macOS without Homebrew's fontconfig on PATH), and when ``fc-list`` fails or
  finds no font for any script while WeasyPrint may still draw them.

Both honour ``FONTCONFIG_FILE``. For each gap it names what to install on this platform
(:meth:`cjmap.fonts.Script.advice`): a Debian package, a Homebrew cask, or, on Windows, the font
Windows comes with and why WeasyPrint does not see it.
"""

from __future__ import annotations

import html
import os
import platform
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from importlib import metadata

from cjmap.fonts import MACOS, SCRIPTS, WINDOWS, Script, platform_kind

FONTCONFIG = "fontconfig"
WEASYPRINT = "weasyprint"
METHODS = {
    FONTCONFIG: "checked with fontconfig (fc-list)",
    WEASYPRINT: "checked by drawing them with WeasyPrint",
}
"""How fonts were checked, as the report's heading says it."""

HARFBUZZ_SUBSET_PACKAGE = "libharfbuzz-subset0"
PANGO_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"


@dataclass
class Coverage:
    script: Script
    families: list[str] = field(default_factory=list)
    """fontconfig's answer: the installed families that have every sample character."""
    missing: list[str] | None = None
    """WeasyPrint's answer: the sample characters it could not draw (None: not drawn)."""

    @property
    def ok(self) -> bool:
        if self.missing is not None:
            return not self.missing
        return bool(self.families)


@dataclass
class Report:
    versions: dict[str, str] = field(default_factory=dict)
    fonts: list[Coverage] = field(default_factory=list)
    method: str = ""
    """How :attr:`fonts` were checked: :data:`FONTCONFIG` or :data:`WEASYPRINT` ("" not at all)."""
    platform: str = field(default_factory=lambda: sys.platform)
    """The ``sys.platform`` whose advice the report gives."""
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def charset(sample: str) -> str:
    """A fontconfig charset pattern for the characters of ``sample`` (hex code points)."""
    return " ".join(f"{ord(ch):x}" for ch in dict.fromkeys(sample))


def fonts_covering(sample: str, fc_list: str) -> list[str]:
    """Families of the installed fonts that have every character of ``sample``."""
    return _ask_fc_list(sample, fc_list)[0]


def _ask_fc_list(sample: str, fc_list: str) -> tuple[list[str], str]:
    """``fonts_covering``, and why ``fc-list`` gave no answer ("" when it ran fine)."""
    try:
        done = subprocess.run(
            [fc_list, f":charset={charset(sample)}", "family"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return [], f"{type(exc).__name__}: {exc}"
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()
        return [], f"exit status {done.returncode}" + (f": {said[0]}" if said else "")
    families: set[str] = set()
    for line in done.stdout.splitlines():
        # "WenQuanYi Micro Hei,文泉驛微米黑,文泉驿微米黑": the first name is the English one.
        name = line.split(",")[0].strip()
        if name:
            families.add(name)
    return sorted(families), ""


def sample_page(scripts: tuple[Script, ...] | None = None) -> str:
    """A small HTML page with one paragraph per script, holding its sample characters."""
    scripts = SCRIPTS if scripts is None else scripts
    paragraphs = "".join(f"<p>{html.escape(script.sample)}</p>" for script in scripts)
    return f'<!DOCTYPE html><html lang="en"><title>cjmap doctor</title>{paragraphs}</html>'


def drawn_by_weasyprint(
    scripts: tuple[Script, ...] | None = None,
) -> tuple[list[Coverage], list[str]]:
    """Each script's coverage as WeasyPrint draws it, and what WeasyPrint warned about.

    One page for all scripts, so one layout (~0.3 s once fonts are loaded). Raises what
    WeasyPrint raises when it cannot run at all.
    """
    from cjmap.render.pdf import MissingGlyphs, RenderLog, html_to_pdf

    scripts = SCRIPTS if scripts is None else scripts
    log = RenderLog()
    try:
        html_to_pdf(sample_page(scripts), log=log)
        missing: set[str] = set()
    except MissingGlyphs as exc:
        missing = set(exc.characters)
    coverage = [
        Coverage(script, missing=[ch for ch in dict.fromkeys(script.sample) if ch in missing])
        for script in scripts
    ]
    return coverage, list(dict.fromkeys(log.warnings))


def _weasyprint(report: Report) -> bool:
    """Report WeasyPrint's, Pango's and HarfBuzz's versions; whether WeasyPrint can run."""
    try:
        report.versions["WeasyPrint"] = metadata.version("weasyprint")
    except metadata.PackageNotFoundError:
        report.versions["WeasyPrint"] = "not installed"
        report.problems.append("WeasyPrint is not installed: reinstall cjmap (pip install cjmap)")
        return False
    try:
        import warnings

        from cjmap.render import weasy

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            weasy.load()  # without the slow library search on Linux
            from weasyprint.text.ffi import (  # type: ignore[import-untyped, unused-ignore]
                harfbuzz_subset,
                pango,
            )
    except (OSError, ImportError) as exc:
        report.versions["Pango"] = "not found"
        report.problems.append(
            f"WeasyPrint cannot load Pango ({exc}); {_pango_advice(report.platform)}"
        )
        return False
    number = int(pango.pango_version())
    report.versions["Pango"] = f"{number // 10000}.{number // 100 % 100}.{number % 100}"
    if harfbuzz_subset is None:
        report.versions["HarfBuzz subset"] = "missing"
        report.notes.append(
            "HarfBuzz's subsetter is missing: PDFs with CJK text take seconds longer; "
            + _harfbuzz_subset_advice(report.platform)
        )
    else:
        report.versions["HarfBuzz subset"] = "found"
    return True


def _harfbuzz_subset_advice(platform: str) -> str:
    kind = platform_kind(platform)
    if kind == MACOS:
        return "update HarfBuzz (brew upgrade harfbuzz pango)"
    if kind == WINDOWS:
        return "update MSYS2's HarfBuzz (pacman -S mingw-w64-ucrt-x86_64-harfbuzz)"
    return f"install {HARFBUZZ_SUBSET_PACKAGE}"


def _pango_advice(platform: str) -> str:
    kind = platform_kind(platform)
    if kind == MACOS:
        return (
            "install it with Homebrew (brew install pango); if it is installed, "
            "export DYLD_FALLBACK_LIBRARY_PATH=$(brew --prefix)/lib; see docs/getting-started.md"
        )
    if kind == WINDOWS:
        return (
            "install it with MSYS2 (pacman -S mingw-w64-ucrt-x86_64-pango) and, if MSYS2 is not "
            "in C:\\msys64, set WEASYPRINT_DLL_DIRECTORIES to its ucrt64\\bin folder; see "
            "docs/getting-started.md"
        )
    return f"install {PANGO_PACKAGES} (Debian/Ubuntu: apt-get install {PANGO_PACKAGES})"


def diagnose() -> Report:
    """Collect versions and font coverage; never raises for a missing piece, reports it."""
    from cjmap import __version__

    report = Report()
    report.versions["cjmap"] = __version__
    report.versions["Python"] = f"{platform.python_version()} ({sys.executable})"
    report.versions["Platform"] = platform.platform()
    weasyprint_runs = _weasyprint(report)
    if os.environ.get("FONTCONFIG_FILE"):
        report.notes.append(f"fonts from FONTCONFIG_FILE={os.environ['FONTCONFIG_FILE']}")
    _check_fonts(report, weasyprint_runs)
    for coverage in report.fonts:
        if not coverage.ok:
            script = coverage.script
            report.problems.append(
                f"no installed font covers {script.name} ({script.why}); "
                + script.advice(report.platform)
            )
    return report


def _check_fonts(report: Report, weasyprint_runs: bool) -> None:
    """fontconfig's answer when ``fc-list`` gives a useful one, else WeasyPrint's."""
    fc_list = shutil.which("fc-list")
    answered: list[Coverage] = []
    if fc_list is None:
        why = "fontconfig's fc-list is not on PATH"
    else:
        answers = [(script, *_ask_fc_list(script.sample, fc_list)) for script in SCRIPTS]
        errors = [f"{script.name}: {error}" for script, _, error in answers if error]
        answered = [Coverage(script, families) for script, families, _ in answers]
        if not errors and any(coverage.ok for coverage in answered):
            report.fonts, report.method = answered, FONTCONFIG
            return
        why = f"fc-list ({fc_list}) " + (
            f"failed ({errors[0]})" if errors else "found no font for any script"
        )
    failure = "WeasyPrint cannot run"
    if weasyprint_runs:
        try:
            report.fonts, warned = drawn_by_weasyprint()
        except Exception as exc:  # the doctor reports what breaks, it never raises
            failure = f"WeasyPrint could not draw the font samples ({exc})"
        else:
            report.method = WEASYPRINT
            report.notes.append(f"{why}, so fonts were {METHODS[WEASYPRINT]}")
            report.notes += [f"WeasyPrint warned: {warning}" for warning in warned]
            return
    if answered:
        report.fonts, report.method = answered, FONTCONFIG
        report.notes.append(f"{why}, and {failure}: a font shown missing may be there after all")
    else:
        report.problems.append(f"{why}, and {failure}: fonts cannot be checked")


def format_report(report: Report, *, max_families: int = 4) -> str:
    """The report as plain text lines, for a terminal or a bug report."""
    width = max(len(k) for k in report.versions) if report.versions else 0
    lines = ["Versions:"]
    lines += [f"  {name.ljust(width)}  {value}" for name, value in report.versions.items()]
    if report.fonts:
        lines.append(f"Fonts, {METHODS.get(report.method, 'checked')}:")
        name_width = max(len(c.script.name) for c in report.fonts)
        for coverage in report.fonts:
            label = coverage.script.name.ljust(name_width)
            if coverage.ok and not coverage.families:
                lines.append(f"  {label}  ok: drawn")
            elif coverage.ok:
                shown = ", ".join(coverage.families[:max_families])
                more = len(coverage.families) - max_families
                if more > 0:
                    shown += f" and {more} more"
                lines.append(f"  {label}  ok: {shown}")
            else:
                line = f"  {label}  MISSING: {coverage.script.fix(report.platform)}"
                if coverage.missing:
                    chars = [
                        ch if ch.isprintable() else f"U+{ord(ch):04X}" for ch in coverage.missing
                    ]
                    line += " (no glyph for " + " ".join(chars[:6])
                    line += " ...)" if len(chars) > 6 else ")"
                lines.append(line)
    for note in report.notes:
        lines.append(f"Note: {note}")
    if report.problems:
        lines.append("Problems:")
        lines += [f"  - {problem}" for problem in report.problems]
    else:
        lines.append(
            "Everything cjmap needs to render maps in English, Russian, Macedonian and "
            "Chinese, with emoji, is in place."
        )
    return "\n".join(lines) + "\n"
