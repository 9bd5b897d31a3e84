"""`cjmap doctor` against real fontconfig databases made for the test: FONTCONFIG_FILE points at
a config that lists one folder, holding either a Latin-only font (cut from DejaVu Sans with
fontTools, which WeasyPrint depends on) or the CJK font the bootstrap installs."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cjmap.doctor import SCRIPTS, charset, diagnose, format_report
from support import fontconfig_env

from .helpers import VENV_BIN

CJMAP = str(VENV_BIN / "cjmap")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

pytestmark = pytest.mark.skipif(shutil.which("fc-list") is None, reason="needs fontconfig")


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


@pytest.mark.skipif(not DEJAVU.is_file(), reason="needs fonts-dejavu-core")
def test_doctor_without_cjk_font_says_so_and_names_the_package(tmp_path: Path) -> None:
    made = tmp_path / "made"
    made.mkdir()
    env = fontconfig_env(tmp_path, [_latin_only_font(made)])
    done = subprocess.run([CJMAP, "doctor"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout
    assert re.search(r"Latin\s+ok: DejaVu Sans", out), out
    assert re.search(r"CJK\s+MISSING: install fonts-wqy-microhei", out), out
    assert "fonts-noto-cjk" in out
    assert re.search(r"Cyrillic\s+MISSING: install fonts-dejavu-core", out), out
    assert "apt-get install fonts-wqy-microhei" in out
    assert re.search(r"Emoji\s+MISSING: install fonts-noto-color-emoji", out), out
    assert "apt-get install fonts-noto-color-emoji" in out
    assert "Traceback" not in done.stderr


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


def test_doctor_finds_the_emoji_font_the_bootstrap_installs() -> None:
    emoji = next(c for c in diagnose().fonts if c.script.name == "Emoji")
    assert emoji.ok, "scripts/bootstrap installs fonts-noto-color-emoji"
    assert "Noto Color Emoji" in emoji.families
