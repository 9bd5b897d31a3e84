"""The writing systems maps are written in, and the fonts (Debian packages) that draw them.

One home for this knowledge: ``cjmap doctor`` checks each script's sample against fontconfig,
and a PDF render that meets a character no installed font has names the package for that
character's script. ``scripts/bootstrap`` and ``action.yml`` install the same packages (a test
keeps them in agreement).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Script:
    """A writing system maps use, and the characters a font must have to set it."""

    name: str
    sample: str
    package: str
    """Debian package(s) that cover it; the first word is what ``apt-get install`` takes."""
    why: str

    @property
    def install(self) -> str:
        return self.package.split(" ")[0]


LATIN = Script(
    "Latin",
    "AZaz0123456789ÄÉÑßäéñœ",
    "fonts-dejavu-core",
    "English map text, labels, numbers",
)
CYRILLIC = Script(
    "Cyrillic",
    "АБВЯабвяЁёЙйЫыЭэЖжЧчЩщЂђЃѓЅѕЈјЉљЊњЌќЏџ",
    "fonts-dejavu-core",
    "Russian and Macedonian (ѓ ќ ѕ љ њ џ)",
)
CJK = Script(
    "CJK",
    "中文字的客户旅程地图痛点机会满意度购物",
    "fonts-wqy-microhei (small) or fonts-noto-cjk",
    "Chinese map text",
)
EMOJI = Script(
    "Emoji",
    "🌱💬😀👍🎉🚀❤⭐",
    "fonts-noto-color-emoji",
    "emoji in titles, stage names and labels (teams coming from Miro use them)",
)
OTHER = Script(
    "Other", "", "fonts-noto-core", "most other scripts (Greek, Arabic, Hebrew, Indic...)"
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


def install_hint(characters: list[str]) -> str:
    """What to install so that every one of ``characters`` has a glyph, one package per script.

    ``install fonts-noto-color-emoji (for 🌱 💬), fonts-wqy-microhei or fonts-noto-cjk (for 中)``
    """
    by_script: dict[Script, list[str]] = {}
    for ch in characters:
        by_script.setdefault(script_of(ch), []).append(ch)
    parts = []
    for script, chars in by_script.items():
        shown = " ".join(chars[:4]) + (" ..." if len(chars) > 4 else "")
        parts.append(f"{script.package} (for {shown})")
    return "install " + ", ".join(parts) + " (Debian/Ubuntu package names)"
