"""`cjmap doctor` against real fontconfig databases made for the test: FONTCONFIG_FILE points at
a config that lists one folder, holding either a Latin-only font (cut from DejaVu Sans with
fontTools, which WeasyPrint depends on) or the CJK font the bootstrap installs.

Both ways of checking fonts are run for real: fontconfig's ``fc-list``, and drawing the samples
with WeasyPrint, which the doctor falls back on where ``fc-list`` is missing (Windows, macOS) or
useless; here that is simulated by hiding ``fc-list`` (``shutil.which``, or a PATH without it)
or putting a broken one first. macOS and Windows advice is checked by setting ``sys.platform``
in-process, once WeasyPrint is loaded."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cjmap import doctor
from cjmap.doctor import (
    FONTCONFIG,
    SCRIPTS,
    WEASYPRINT,
    charset,
    diagnose,
    format_report,
    sample_page,
)
from cjmap.fonts import EMOJI
from cjmap.render import weasy
from support import fontconfig_env

from .helpers import VENV_BIN

CJMAP = str(VENV_BIN / "cjmap")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
NOT_A_CHARACTER = "\U0010fffd"
"""A private-use code point no installed font has: a script whose sample holds it is missing."""

needs_fontconfig = pytest.mark.skipif(shutil.which("fc-list") is None, reason="needs fontconfig")


_which = shutil.which


@pytest.fixture
def without_fc_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """``fc-list`` is not on PATH, as on Windows or a macOS without Homebrew's fontconfig."""

    def which(name: str, mode: int = os.F_OK | os.X_OK, path: str | None = None) -> str | None:
        return None if name == "fc-list" else _which(name, mode, path)

    monkeypatch.setattr(shutil, "which", which)


def _env_without_fc_list(tmp_path: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """An environment whose PATH has no ``fc-list`` (``cjmap`` is run by its full path)."""
    empty = tmp_path / "bin"
    empty.mkdir()
    return {**(env or os.environ), "PATH": str(empty)}


def _with_a_missing_emoji(monkeypatch: pytest.MonkeyPatch) -> None:
    """Emoji's sample gains a character no font has, so this machine lacks an emoji font."""
    scripts = tuple(
        dataclasses.replace(s, sample=s.sample + NOT_A_CHARACTER) if s is EMOJI else s
        for s in SCRIPTS
    )
    monkeypatch.setattr(doctor, "SCRIPTS", scripts)


def _latin_only_font(tmp_path: Path) -> Path:
    from fontTools import subset

    out = tmp_path / "LatinOnly.ttf"
    options = subset.Options()
    options.name_IDs = ["*"]
    font = subset.load_font(str(DEJAVU), options)
    subsetter = subset.Subsetter(options)
    latin = SCRIPTS[0].sample + " "
    subsetter.populate(unicodes=[ord(ch) for ch in latin])
    subsetter.subset(font)
    subset.save_font(font, str(out), options)
    return out


@pytest.mark.linux_only
@needs_fontconfig
@pytest.mark.skipif(not DEJAVU.is_file(), reason="needs fonts-dejavu-core")
def test_doctor_without_cjk_font_says_so_and_names_the_package(tmp_path: Path) -> None:
    made = tmp_path / "made"
    made.mkdir()
    env = fontconfig_env(tmp_path, [_latin_only_font(made)])
    done = subprocess.run([CJMAP, "doctor"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout
    assert "Fonts, checked with fontconfig (fc-list):" in out, out
    assert re.search(r"Latin\s+ok: DejaVu Sans", out), out
    assert re.search(r"CJK\s+MISSING: install fonts-wqy-microhei", out), out
    assert "fonts-noto-cjk" in out
    assert re.search(r"Cyrillic\s+MISSING: install fonts-dejavu-core", out), out
    assert "apt-get install fonts-wqy-microhei" in out
    assert re.search(r"Emoji\s+MISSING: install fonts-noto-color-emoji", out), out
    assert "apt-get install fonts-noto-color-emoji" in out
    assert "Traceback" not in done.stderr


@pytest.mark.linux_only
@needs_fontconfig
@pytest.mark.skipif(not WQY.is_file(), reason="needs fonts-wqy-microhei")
def test_doctor_finds_the_cjk_font_it_is_given(tmp_path: Path) -> None:
    env = fontconfig_env(tmp_path, [WQY])
    done = subprocess.run([CJMAP, "doctor"], env=env, capture_output=True, text=True, timeout=120)
    assert re.search(r"CJK\s+ok: WenQuanYi Micro Hei", done.stdout), done.stdout
    assert f"FONTCONFIG_FILE={env['FONTCONFIG_FILE']}" in done.stdout


def test_doctor_reports_versions_of_the_renderer() -> None:
    report = diagnose()
    import weasyprint

    assert report.versions["WeasyPrint"] == weasyprint.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", report.versions["Pango"])
    text = format_report(report)
    assert f"WeasyPrint       {weasyprint.__version__}" in text


def test_macedonian_letters_are_part_of_the_cyrillic_check() -> None:
    cyrillic = next(s for s in SCRIPTS if s.name == "Cyrillic")
    for letter in "ѓќѕљњџ":
        assert letter in cyrillic.sample
        assert f"{ord(letter):x}" in charset(cyrillic.sample).split()


@pytest.mark.linux_only
@needs_fontconfig
def test_doctor_finds_the_emoji_font_the_bootstrap_installs() -> None:
    emoji = next(c for c in diagnose().fonts if c.script.name == "Emoji")
    assert emoji.ok, "scripts/bootstrap installs fonts-noto-color-emoji"
    assert "Noto Color Emoji" in emoji.families


def test_without_fc_list_weasyprint_draws_every_script(without_fc_list: None) -> None:
    report = diagnose()
    assert report.method == WEASYPRINT
    assert [c.script.name for c in report.fonts] == [s.name for s in SCRIPTS]
    assert all(c.ok and c.missing == [] for c in report.fonts), report.fonts
    assert report.ok, report.problems
    text = format_report(report)
    assert "Fonts, checked by drawing them with WeasyPrint:" in text, text
    for script in SCRIPTS:
        assert re.search(rf"{script.name}\s+ok: drawn", text), text
    assert "fc-list is not on PATH" in text
    assert "WeasyPrint warned" not in text, text


def test_the_sample_page_holds_every_sample() -> None:
    page = sample_page()
    for script in SCRIPTS:
        assert script.sample in page
    assert '<html lang="en">' in page  # a tagged PDF wants a language: no warning


@pytest.mark.posix_only
@pytest.mark.parametrize(
    "fc_list",
    [
        '#!/bin/sh\necho "Fontconfig error: Cannot load default config file" >&2\nexit 1\n',
        "#!/bin/sh\nexit 0\n",
    ],
    ids=["fails", "finds-nothing"],
)
def test_a_useless_fc_list_gives_way_to_weasyprint(
    fc_list: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "fc-list"
    broken.write_text(fc_list, encoding="utf-8")
    broken.chmod(0o755)
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: str(broken))
    report = diagnose()
    assert report.method == WEASYPRINT
    assert report.ok, report.problems
    text = format_report(report)
    assert "Fonts, checked by drawing them with WeasyPrint:" in text
    assert f"fc-list ({broken})" in text
    if "exit 1" in fc_list:
        assert "exit status 1: Fontconfig error: Cannot load default config file" in text
    else:
        assert "found no font for any script" in text


@pytest.mark.linux_only
@pytest.mark.skipif(not DEJAVU.is_file(), reason="needs fonts-dejavu-core")
def test_without_fc_list_a_latin_only_machine_lacks_cjk_and_emoji(tmp_path: Path) -> None:
    made = tmp_path / "made"
    made.mkdir()
    env = _env_without_fc_list(tmp_path, fontconfig_env(tmp_path, [_latin_only_font(made)]))
    done = subprocess.run([CJMAP, "doctor"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout
    assert "Fonts, checked by drawing them with WeasyPrint:" in out, out
    assert re.search(r"Latin\s+ok: drawn", out), out
    assert re.search(r"Cyrillic\s+MISSING: install fonts-dejavu-core \(no glyph for А", out), out
    assert re.search(r"CJK\s+MISSING: install fonts-wqy-microhei .*\(no glyph for 中", out), out
    assert re.search(r"Emoji\s+MISSING: install fonts-noto-color-emoji \(no glyph for 🌱", out)
    assert "apt-get install fonts-wqy-microhei" in out
    assert "apt-get install fonts-noto-color-emoji" in out
    assert f"FONTCONFIG_FILE={env['FONTCONFIG_FILE']}" in out
    assert "fc-list is not on PATH" in out
    assert "Traceback" not in done.stderr


def test_without_fc_list_the_cli_says_everything_is_in_place(tmp_path: Path) -> None:
    env = _env_without_fc_list(tmp_path)
    done = subprocess.run([CJMAP, "doctor"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Fonts, checked by drawing them with WeasyPrint:" in done.stdout
    assert "Everything cjmap needs" in done.stdout


@pytest.mark.parametrize(
    ("platform", "advice"),
    [
        (
            "darwin",
            "install a font covering Emoji, e.g. Noto Color Emoji (brew install --cask "
            "font-noto-color-emoji)",
        ),
        ("win32", "Windows comes with Segoe UI Emoji"),
    ],
)
@pytest.mark.parametrize("method", [FONTCONFIG, WEASYPRINT])
def test_on_macos_and_windows_the_advice_names_the_platforms_route(
    platform: str, advice: str, method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fc_list = shutil.which("fc-list") if method == FONTCONFIG else None
    if method == FONTCONFIG and fc_list is None:
        pytest.skip("needs fontconfig")
    weasy.load()  # WeasyPrint finds its libraries by the real platform
    # shutil.which looks for fc-list.exe when sys.platform is "win32": answer for it.
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: fc_list)
    _with_a_missing_emoji(monkeypatch)
    monkeypatch.setattr(sys, "platform", platform)
    report = diagnose()
    monkeypatch.undo()
    assert report.method == method
    assert [c.script.name for c in report.fonts if not c.ok] == ["Emoji"], report.fonts
    (problem,) = report.problems
    assert problem.startswith("no installed font covers Emoji"), problem
    assert advice in problem, problem
    text = format_report(report)
    assert re.search(r"Emoji\s+MISSING: " + re.escape(advice.split(" (brew")[0]), text), text
    assert "apt-get" not in text and "Debian" not in text, text
    if platform == "win32":
        assert "does not see the Windows fonts folder" in problem
        assert "<dir>WINDOWSFONTDIR</dir>" in problem
        assert "brew" not in text
    if method == WEASYPRINT:
        assert "(no glyph for U+10FFFD)" in text, text
