"""Which writing system a text is in, and which ones a language tag expects.

Used by the language-mismatch rule. The judgement is deliberately forgiving of mixed teams:

* only *ordinary words* count: in scripts with upper and lower case (Latin, Cyrillic, Greek,
  Armenian) a word that starts with a capital (``Instagram``, ``Google Pay``) or is all capitals
  (``SMS``, ``CTR``, ``NPS``) is taken as a name or an acronym and ignored;
* a character of a script without case (Han, kana, Hangul, ...) weighs 3, about the letters of a
  short Latin word, so a Chinese sentence and its English translation weigh about the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby

# Scripts, by the first word of the Unicode character name.
_PREFIXES = {
    "LATIN": "Latin",
    "CYRILLIC": "Cyrillic",
    "GREEK": "Greek",
    "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian",
    "HEBREW": "Hebrew",
    "ARABIC": "Arabic",
    "DEVANAGARI": "Devanagari",
    "BENGALI": "Bengali",
    "THAI": "Thai",
    "HANGUL": "Hangul",
    "HIRAGANA": "Kana",
    "KATAKANA": "Kana",
    "CJK": "Han",
}
CASED = frozenset({"Latin", "Cyrillic", "Greek", "Armenian"})
HEAVY = 3  # weight of one character of a script without case

_LATIN = "en de fr es it pt nl pl cs sk sl hr bs sq tr vi id ms sv da no nb nn fi et lv lt hu ro ca"
_LATIN_MORE = "ga cy eu gl is mt sw tl af eo la lb fo ha yo ig zu xh so uz az tk"
LATIN_LANGS = f"{_LATIN} {_LATIN_MORE}".split()
CYRILLIC_LANGS = ["ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "mn", "tg", "tt", "ba", "cv"]
SCRIPT_OF_LANG: dict[str, frozenset[str]] = {
    **{lang: frozenset({"Latin"}) for lang in LATIN_LANGS},
    **{lang: frozenset({"Cyrillic"}) for lang in CYRILLIC_LANGS},
    "zh": frozenset({"Han"}),
    "ja": frozenset({"Han", "Kana"}),
    "ko": frozenset({"Hangul", "Han"}),
    "el": frozenset({"Greek"}),
    "hy": frozenset({"Armenian"}),
    "ka": frozenset({"Georgian"}),
    "he": frozenset({"Hebrew"}),
    "yi": frozenset({"Hebrew"}),
    "ar": frozenset({"Arabic"}),
    "fa": frozenset({"Arabic"}),
    "ur": frozenset({"Arabic"}),
    "hi": frozenset({"Devanagari"}),
    "mr": frozenset({"Devanagari"}),
    "ne": frozenset({"Devanagari"}),
    "bn": frozenset({"Bengali"}),
    "th": frozenset({"Thai"}),
}
# ISO 15924 script subtags (``sr-Latn``, ``zh-Hant``) override the language's usual script.
SCRIPT_SUBTAGS = {
    "latn": frozenset({"Latin"}),
    "cyrl": frozenset({"Cyrillic"}),
    "hans": frozenset({"Han"}),
    "hant": frozenset({"Han"}),
    "hani": frozenset({"Han"}),
    "jpan": frozenset({"Han", "Kana"}),
    "kore": frozenset({"Hangul", "Han"}),
    "grek": frozenset({"Greek"}),
    "arab": frozenset({"Arabic"}),
    "hebr": frozenset({"Hebrew"}),
}
LANG_FOR_SCRIPT = {
    "Latin": "en",
    "Han": "zh",
    "Kana": "ja",
    "Hangul": "ko",
    "Greek": "el",
    "Armenian": "hy",
    "Georgian": "ka",
    "Hebrew": "he",
    "Arabic": "ar",
    "Devanagari": "hi",
    "Bengali": "bn",
    "Thai": "th",
}
LANG_NAMES = {
    "en": "English",
    "zh": "Chinese",
    "ru": "Russian",
    "mk": "Macedonian",
    "uk": "Ukrainian",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "sr": "Serbian",
    "ja": "Japanese",
    "ko": "Korean",
    "el": "Greek",
    "he": "Hebrew",
    "ar": "Arabic",
    "hi": "Hindi",
    "th": "Thai",
}

# Lower-case alphabets of Cyrillic languages (letters with a grave accent are written in mk/bg).
ALPHABETS = {
    "ru": set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
    "uk": set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"),
    "be": set("абвгдеёжзійклмнопрстуўфхцчшыьэюя"),
    "bg": set("абвгдежзийклмнопрстуфхцчшщъьюяѝ"),
    "mk": set("абвгдѓежзѕијклљмнњопрстќуфхцчџшѐѝ"),
    "sr": set("абвгдђежзијклљмнњопрстћуфхцчџш"),
}


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str | None:
    """The script of a letter, or None for anything that is not a letter of a known script."""
    if not ch.isalpha():
        return None
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    first = name.split(" ", 1)[0]
    if first in ("FULLWIDTH", "HALFWIDTH"):
        first = name.split(" ", 2)[1]
    return _PREFIXES.get(first, "Other")


def expected_scripts(lang: str) -> frozenset[str] | None:
    """The scripts a BCP 47 tag is written in, or None for a language cjmap does not know."""
    parts = lang.replace("_", "-").lower().split("-")
    for part in parts[1:]:
        if part in SCRIPT_SUBTAGS:
            return SCRIPT_SUBTAGS[part]
    return SCRIPT_OF_LANG.get(parts[0])


@dataclass
class Tally:
    """Weighted letters per script over ordinary words, and the Cyrillic words seen."""

    weights: Counter[str] = field(default_factory=Counter)
    cyrillic_words: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        for word, script in words(text):
            if script in CASED:
                if not word[0].islower():
                    continue  # a name (Instagram) or an acronym (SMS): not evidence
                self.weights[script] += len(word)
                if script == "Cyrillic":
                    self.cyrillic_words.append(word)
            else:
                self.weights[script] += HEAVY * len(word)

    def total(self) -> int:
        return sum(self.weights.values())

    def outside(self, expected: frozenset[str]) -> int:
        return sum(w for s, w in self.weights.items() if s not in expected)

    def main_foreign(self, expected: frozenset[str]) -> str | None:
        foreign = [(w, s) for s, w in self.weights.items() if s not in expected]
        return max(foreign)[1] if foreign else None


_MARK = "\x00mark"  # _char_script's answer for a combining mark: not a script name
_ASCII_LETTERS = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=4096)
def _char_script(ch: str) -> str | None:
    return _MARK if unicodedata.category(ch) == "Mn" else script_of(ch)


def words(text: str) -> list[tuple[str, str]]:
    """Runs of letters of one script (combining marks such as stress accents are skipped)."""
    if text.isascii():  # ASCII letters are all Latin, and ASCII has no combining marks
        return [(word, "Latin") for word in _ASCII_LETTERS.findall(text)]
    found: list[tuple[str, str]] = []
    current: list[str] = []
    current_script: str | None = None
    # Runs of characters of one script at a time (groupby), not character by character.
    for script, run in groupby(text, _char_script):
        if script is _MARK:
            continue
        if script is not None and script == current_script:
            current.extend(run)
            continue
        if current and current_script is not None:
            found.append(("".join(current), current_script))
        current = list(run) if script is not None else []
        current_script = script
    if current and current_script is not None:
        found.append(("".join(current), current_script))
    return found


def foreign_letters(word: str, lang: str) -> set[str]:
    """Letters of a lower-case Cyrillic word that the alphabet of ``lang`` does not have."""
    alphabet = ALPHABETS.get(lang)
    if alphabet is None:
        return set()
    return {ch for ch in word.lower() if ch not in alphabet}


def closest_cyrillic_language(cyrillic_words: list[str]) -> str | None:
    """The Cyrillic language whose alphabet covers most of the words."""
    if not cyrillic_words:
        return None
    scores = {
        lang: sum(1 for w in cyrillic_words if not foreign_letters(w, lang)) for lang in ALPHABETS
    }
    return max(scores, key=lambda lang: (scores[lang], lang == "ru"))


def describe(lang: str) -> str:
    name = LANG_NAMES.get(lang.split("-")[0].lower())
    return f"{name} ({lang})" if name else lang
