"""The writing systems maps are written in, and the fonts that draw them on each platform.

One home for this knowledge: ``cjmap doctor`` checks each script's sample (with fontconfig, or
by drawing it with WeasyPrint), and a PDF render that meets a character no installed font has
names what to install for that character's script. On Linux that is a Debian package;
``scripts/bootstrap`` and ``action.yml`` install the same packages (a test keeps them in
agreement). On macOS it is a Homebrew font cask. Windows comes with a font for each script, so
there a missing one means WeasyPrint's fontconfig (from MSYS2) does not see the Windows fonts
folder.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

LINUX = "linux"
MACOS = "macos"
WINDOWS = "windows"

WINDOWS_FONTS_FOLDER = (
    "WeasyPrint's fontconfig (from MSYS2) does not see the Windows fonts folder: the fonts.conf "
    "it reads (FONTCONFIG_FILE if set, else MSYS2's ucrt64\\etc\\fonts\\fonts.conf) must list "
    "<dir>WINDOWSFONTDIR</dir>"
)
"""Why a font Windows comes with is missing for WeasyPrint, and where to look."""


def platform_kind(platform: str | None = None) -> str:
    """:data:`MACOS`, :data:`WINDOWS` or :data:`LINUX` (any other Unix) for a ``sys.platform``.

    Read when called, so a test can set ``sys.platform`` to see another platform's advice.
    """
    name = sys.platform if platform is None else platform
    if name == "darwin":
        return MACOS
    if name.startswith(("win32", "cygwin", "msys")):
        return WINDOWS
    return LINUX


@dataclass(frozen=True)
class Script:
    """A writing system maps use, the characters a font must have to set it, and where such a
    font comes from on each platform."""

    name: str
    sample: str
    package: str
    """Debian package(s) that cover it; the first word is what ``apt-get install`` takes."""
    why: str
    macos_font: str
    """A font that covers it on macOS, from :attr:`macos_cask` (Homebrew)."""
    macos_cask: str
    """The Homebrew cask that installs :attr:`macos_font` (empty: no single one)."""
    windows_font: str
    """The font(s) Windows comes with that cover it."""

    @property
    def install(self) -> str:
        return self.package.split(" ")[0]

    def macos_install(self) -> str:
        """``Noto Color Emoji (brew install --cask font-noto-color-emoji)``"""
        if not self.macos_cask:
            return self.macos_font
        return f"{self.macos_font} (brew install --cask {self.macos_cask})"

    def fix(self, platform: str | None = None) -> str:
        """What to do when no font covers it, in a few words (``cjmap doctor``'s MISSING line)."""
        kind = platform_kind(platform)
        if kind == MACOS:
            return f"install a font covering {self.name}, e.g. {self.macos_install()}"
        if kind == WINDOWS:
            return f"Windows comes with {self.windows_font}, but WeasyPrint does not see it"
        return f"install {self.package}"

    def advice(self, platform: str | None = None) -> str:
        """What to do when no font covers it, in full (``cjmap doctor``'s problems)."""
        kind = platform_kind(platform)
        if kind == MACOS:
            return self.fix(platform)
        if kind == WINDOWS:
            return f"Windows comes with {self.windows_font}, so {WINDOWS_FONTS_FOLDER}"
        return f"install {self.package} (Debian/Ubuntu: apt-get install {self.install})"


LATIN = Script(
    "Latin",
    "AZaz0123456789ÄÉÑßäéñœ",
    "fonts-dejavu-core",
    "English map text, labels, numbers",
    "DejaVu Sans",
    "font-dejavu",
    "Segoe UI",
)
CYRILLIC = Script(
    "Cyrillic",
    "АБВЯабвяЁёЙйЫыЭэЖжЧчЩщЂђЃѓЅѕЈјЉљЊњЌќЏџ",
    "fonts-dejavu-core",
    "Russian and Macedonian (ѓ ќ ѕ љ њ џ)",
    "DejaVu Sans",
    "font-dejavu",
    "Segoe UI",
)
CJK = Script(
    "CJK",
    "中文字的客户旅程地图痛点机会满意度购物",
    "fonts-wqy-microhei (small) or fonts-noto-cjk",
    "Chinese map text",
    "Noto Sans CJK SC",
    "font-noto-sans-cjk-sc",
    "Microsoft YaHei",
)
EMOJI = Script(
    "Emoji",
    "🌱💬😀👍🎉🚀❤⭐",
    "fonts-noto-color-emoji",
    "emoji in titles, stage names and labels (teams coming from Miro use them)",
    "Noto Color Emoji",
    "font-noto-color-emoji",
    "Segoe UI Emoji",
)
OTHER = Script(
    "Other",
    "",
    "fonts-noto-core",
    "most other scripts (Greek, Arabic, Hebrew, Indic...)",
    "a Noto font for its script (brew search font-noto)",
    "",
    "fonts for most scripts (Segoe UI, Nirmala UI...)",
)

SCRIPTS = (LATIN, CYRILLIC, CJK, EMOJI)
"""What ``cjmap doctor`` checks: every script the four languages and their maps need."""

# Code point ranges, first match wins. Emoji come first: some (⭐ U+2B50) sit in blocks that
# are otherwise symbols, and a text font's symbol glyphs would not make them missing anyway.
_RANGES: tuple[tuple[int, int, Script], ...] = (
    (0x1F000, 0x1FAFF, EMOJI),  # pictographs, emoticons, transport, flags' letters, ...
    (0x2600, 0x27BF, EMOJI),  # miscellaneous symbols, dingbats (☀ ✅ ❤)
    (0x2300, 0x23FF, EMOJI),  # ⌚ ⏰ ⏳
    (0x2B00, 0x2BFF, EMOJI),  # ⭐ ⬆
    (0xFE0E, 0xFE0F, EMOJI),  # variation selectors: text or emoji presentation
    (0x200D, 0x200D, EMOJI),  # zero-width joiner of emoji sequences
    (0x20E3, 0x20E3, EMOJI),  # keycap
    (0xE0020, 0xE007F, EMOJI),  # tag characters of subdivision flags
    (0x0400, 0x052F, CYRILLIC),
    (0x1C80, 0x1C8F, CYRILLIC),
    (0x2DE0, 0x2DFF, CYRILLIC),
    (0xA640, 0xA69F, CYRILLIC),
    (0x2E80, 0x2FDF, CJK),
    (0x3000, 0x303F, CJK),  # CJK punctuation 、。「」
    (0x3100, 0x31EF, CJK),
    (0x3400, 0x4DBF, CJK),
    (0x4E00, 0x9FFF, CJK),
    (0xF900, 0xFAFF, CJK),
    (0xFE30, 0xFE4F, CJK),
    (0xFF00, 0xFFEF, CJK),  # full-width forms
    (0x20000, 0x3FFFF, CJK),
    (0x0000, 0x024F, LATIN),
    (0x1E00, 0x1EFF, LATIN),
)


def script_of(ch: str) -> Script:
    """The script whose fonts draw ``ch`` (:data:`OTHER` when none of the four)."""
    point = ord(ch)
    for first, last, script in _RANGES:
        if first <= point <= last:
            return script
    return OTHER


def install_hint(characters: list[str], platform: str | None = None) -> str:
    """What to install so that every one of ``characters`` has a glyph, one font per script.

    On Linux, ``install fonts-noto-color-emoji (for 🌱 💬), fonts-wqy-microhei (small) or
    fonts-noto-cjk (for 中) (Debian/Ubuntu package names)``; on macOS the Homebrew casks; on
    Windows, the fonts Windows comes with and why WeasyPrint does not see them.
    """
    by_script: dict[Script, list[str]] = {}
    for ch in characters:
        by_script.setdefault(script_of(ch), []).append(ch)
    kind = platform_kind(platform)
    parts = []
    for script, chars in by_script.items():
        shown = " ".join(chars[:4]) + (" ..." if len(chars) > 4 else "")
        if kind == MACOS:
            parts.append(f"{script.macos_install()} for {shown}")
        elif kind == WINDOWS:
            parts.append(f"{script.windows_font} (for {shown})")
        else:
            parts.append(f"{script.package} (for {shown})")
    if kind == MACOS:
        return "install fonts that cover them, e.g. " + ", ".join(parts)
    if kind == WINDOWS:
        return "Windows comes with " + ", ".join(parts) + f", so {WINDOWS_FONTS_FOLDER}"
    return "install " + ", ".join(parts) + " (Debian/Ubuntu package names)"
