"""Fonts: which package draws which character, and emoji drawn in a real PDF.

The PDF tests run the real ``cjmap render`` (WeasyPrint, Pango, fontconfig) on a map with emoji
in its title, stage names and labels, once with the fonts scripts/bootstrap installs and once
with a fontconfig database that has no emoji font."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from cjmap.fonts import (
    CJK,
    CYRILLIC,
    EMOJI,
    LATIN,
    LINUX,
    MACOS,
    OTHER,
    SCRIPTS,
    WINDOWS,
    install_hint,
    platform_kind,
    script_of,
)
from support import fontconfig_env

ROOT = Path(__file__).resolve().parents[1]
EMOJI_MAP = ROOT / "tests" / "fixtures" / "emoji" / "emoji.cjm.yaml"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@pytest.mark.parametrize(
    ("ch", "script"),
    [
        ("🌱", EMOJI),
        ("💬", EMOJI),
        ("☕", EMOJI),
        ("⭐", EMOJI),
        ("\ufe0f", EMOJI),
        ("中", CJK),
        ("。", CJK),
        ("ѓ", CYRILLIC),
        ("Я", CYRILLIC),
        ("é", LATIN),
        ("α", OTHER),
        ("\U00011f04", OTHER),
    ],
)
def test_each_character_has_the_script_whose_fonts_draw_it(ch: str, script: object) -> None:
    assert script_of(ch) is script


def test_the_hint_names_one_package_per_missing_script() -> None:
    hint = install_hint(["🌱", "💬", "中", "α"], "linux")
    assert hint == (
        "install fonts-noto-color-emoji (for 🌱 💬), fonts-wqy-microhei (small) or "
        "fonts-noto-cjk (for 中), fonts-noto-core (for α) (Debian/Ubuntu package names)"
    )
    assert "fonts-noto-core" not in install_hint(["🌱"], "linux")


@pytest.mark.parametrize(
    ("platform", "kind"),
    [
        ("linux", LINUX),
        ("darwin", MACOS),
        ("win32", WINDOWS),
        ("cygwin", WINDOWS),
        ("freebsd14", LINUX),
    ],
)
def test_each_platform_has_its_kind_of_advice(platform: str, kind: str) -> None:
    assert platform_kind(platform) == kind


def test_the_platform_is_read_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert platform_kind() == MACOS
    assert "brew install --cask font-noto-color-emoji" in install_hint(["🌱"])


def test_on_macos_the_hint_names_homebrew_casks_not_debian_packages() -> None:
    hint = install_hint(["🌱", "💬", "中", "α"], "darwin")
    assert hint == (
        "install fonts that cover them, e.g. Noto Color Emoji (brew install --cask "
        "font-noto-color-emoji) for 🌱 💬, Noto Sans CJK SC (brew install --cask "
        "font-noto-sans-cjk-sc) for 中, a Noto font for its script (brew search font-noto) for α"
    )
    for script in SCRIPTS:
        assert script.fix("darwin") == script.advice("darwin")
        assert f"brew install --cask {script.macos_cask}" in script.advice("darwin")
        assert "apt-get" not in script.advice("darwin")


def test_on_windows_the_hint_names_the_font_windows_comes_with() -> None:
    hint = install_hint(["🌱", "中"], "win32")
    assert hint.startswith("Windows comes with Segoe UI Emoji (for 🌱), Microsoft YaHei (for 中), ")
    assert "does not see the Windows fonts folder" in hint
    assert "<dir>WINDOWSFONTDIR</dir>" in hint
    assert "apt-get" not in hint and "brew" not in hint and "fonts-" not in hint
    assert CJK.fix("win32") == "Windows comes with Microsoft YaHei, but WeasyPrint does not see it"
    assert "FONTCONFIG_FILE" in EMOJI.advice("win32")


def test_on_linux_the_advice_is_the_debian_package() -> None:
    assert CJK.fix("linux") == "install fonts-wqy-microhei (small) or fonts-noto-cjk"
    assert EMOJI.advice("linux") == (
        "install fonts-noto-color-emoji (Debian/Ubuntu: apt-get install fonts-noto-color-emoji)"
    )


@pytest.mark.parametrize("script", [*SCRIPTS, OTHER], ids=lambda s: s.name)
def test_every_script_names_a_font_on_each_platform(script: object) -> None:
    from cjmap.fonts import Script

    assert isinstance(script, Script)
    assert script.package and script.macos_font and script.windows_font
    assert script.macos_cask.startswith("font-") or script is OTHER


@pytest.mark.parametrize("where", ["scripts/bootstrap", "action.yml"])
def test_the_installers_install_every_script_font(where: str) -> None:
    text = (ROOT / where).read_text(encoding="utf-8")
    for script in SCRIPTS:
        assert script.install in text, f"{where} does not install {script.install}"


def _render(target: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cjmap", "render", str(EMOJI_MAP), "-o", str(target)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        timeout=120,
    )


def _has_emoji_font() -> bool:
    found = subprocess.run(
        ["fc-list", ":charset=1f331", "family"], capture_output=True, text=True, check=False
    )
    return bool(found.stdout.strip())


needs_fontconfig = pytest.mark.skipif(shutil.which("fc-list") is None, reason="needs fontconfig")


@needs_fontconfig
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_emoji_are_drawn_in_colour_with_the_emoji_font_embedded(tmp_path: Path) -> None:
    if not _has_emoji_font():
        pytest.fail("no emoji font: scripts/bootstrap installs fonts-noto-color-emoji")
    target = tmp_path / "emoji.pdf"
    done = _render(target)
    assert done.returncode == 0, done.stderr
    reader = PdfReader(BytesIO(target.read_bytes()))
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("Emoji" in name for name in fonts), fonts
    text = reader.pages[0].extract_text()
    assert "🌱" in text and "💬" in text
    # The title band is dark blue with white text; the seedling is the only green there.
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(target), str(tmp_path / "p")],
        check=True,
    )
    (png,) = tmp_path.glob("p*.png")
    image = Image.open(png).convert("RGB")
    band = image.crop((0, 0, image.width, image.height // 8))
    colors = band.getcolors(maxcolors=1 << 20) or []
    green = sum(n for n, (r, g, b) in colors if g > 120 and g > r + 40 and g > b + 40)
    assert green >= 20, "no green pixels: the seedling emoji was not drawn in colour"


@needs_fontconfig
@pytest.mark.skipif(not (DEJAVU.is_file() and WQY.is_file()), reason="needs the text fonts")
def test_without_an_emoji_font_the_refusal_names_the_emoji_package(tmp_path: Path) -> None:
    target = tmp_path / "emoji.pdf"
    done = _render(target, fontconfig_env(tmp_path, [DEJAVU, WQY]))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "U+1F331 SEEDLING" in done.stderr
    assert "install fonts-noto-color-emoji (for " in done.stderr
    assert "fonts-noto-core" not in done.stderr
    assert "Traceback" not in done.stderr
    assert not target.exists()
