"""``cjmap doctor`` as a library: what a user needs to know when rendered output looks wrong.

It reports the versions that matter (cjmap, Python, WeasyPrint, Pango), whether WeasyPrint has
HarfBuzz's subsetter (fast PDFs), and which installed fonts cover each script maps are written in:
Latin, Cyrillic (with the Macedonian letters ѓ ќ ѕ љ њ џ), CJK and emoji (:mod:`cjmap.fonts`). Fonts are found with
fontconfig's ``fc-list``, the same font database WeasyPrint (through Pango) uses, so it honours
``FONTCONFIG_FILE``. For each gap it names the Debian package that fills it.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from importlib import metadata

from cjmap.fonts import SCRIPTS, Script

HARFBUZZ_SUBSET_PACKAGE = "libharfbuzz-subset0"
PANGO_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"


@dataclass
class Coverage:
    script: Script
    families: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.families)


@dataclass
class Report:
    versions: dict[str, str] = field(default_factory=dict)
    fonts: list[Coverage] = field(default_factory=list)
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
    done = subprocess.run(
        [fc_list, f":charset={charset(sample)}", "family"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    families: set[str] = set()
    for line in done.stdout.splitlines():
        # "WenQuanYi Micro Hei,文泉驛微米黑,文泉驿微米黑": the first name is the English one.
        name = line.split(",")[0].strip()
        if name:
            families.add(name)
    return sorted(families)


def _weasyprint(report: Report) -> None:
    try:
        report.versions["WeasyPrint"] = metadata.version("weasyprint")
    except metadata.PackageNotFoundError:
        report.versions["WeasyPrint"] = "not installed"
        report.problems.append("WeasyPrint is not installed: reinstall cjmap (pip install cjmap)")
        return
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            from weasyprint.text.ffi import (  # type: ignore[import-untyped, unused-ignore]
                harfbuzz_subset,
                pango,
            )
    except (OSError, ImportError) as exc:
        report.versions["Pango"] = "not found"
        report.problems.append(
            f"WeasyPrint cannot load Pango ({exc}); install: {PANGO_PACKAGES} "
            "(Debian/Ubuntu: apt-get install " + PANGO_PACKAGES + ")"
        )
        return
    number = int(pango.pango_version())
    report.versions["Pango"] = f"{number // 10000}.{number // 100 % 100}.{number % 100}"
    if harfbuzz_subset is None:
        report.versions["HarfBuzz subset"] = "missing"
        report.notes.append(
            "HarfBuzz's subsetter is missing: PDFs with CJK text take seconds longer; "
            f"install {HARFBUZZ_SUBSET_PACKAGE}"
        )
    else:
        report.versions["HarfBuzz subset"] = "found"


def diagnose() -> Report:
    """Collect versions and font coverage; never raises for a missing piece, reports it."""
    from cjmap import __version__

    report = Report()
    report.versions["cjmap"] = __version__
    report.versions["Python"] = f"{platform.python_version()} ({sys.executable})"
    report.versions["Platform"] = platform.platform()
    _weasyprint(report)
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        report.problems.append(
            "fontconfig's fc-list is not installed, so fonts cannot be checked; install fontconfig"
        )
        return report
    if os.environ.get("FONTCONFIG_FILE"):
        report.notes.append(f"fonts from FONTCONFIG_FILE={os.environ['FONTCONFIG_FILE']}")
    for script in SCRIPTS:
        coverage = Coverage(script, fonts_covering(script.sample, fc_list))
        report.fonts.append(coverage)
        if not coverage.ok:
            report.problems.append(
                f"no installed font covers {script.name} ({script.why}); install {script.package} "
                f"(Debian/Ubuntu: apt-get install {script.install})"
            )
    return report


def format_report(report: Report, *, max_families: int = 4) -> str:
    """The report as plain text lines, for a terminal or a bug report."""
    width = max(len(k) for k in report.versions) if report.versions else 0
    lines = ["Versions:"]
    lines += [f"  {name.ljust(width)}  {value}" for name, value in report.versions.items()]
    if report.fonts:
        lines.append("Fonts (fontconfig):")
        name_width = max(len(c.script.name) for c in report.fonts)
        for coverage in report.fonts:
            label = coverage.script.name.ljust(name_width)
            if coverage.ok:
                shown = ", ".join(coverage.families[:max_families])
                more = len(coverage.families) - max_families
                if more > 0:
                    shown += f" and {more} more"
                lines.append(f"  {label}  ok: {shown}")
            else:
                lines.append(f"  {label}  MISSING: install {coverage.script.package}")
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
