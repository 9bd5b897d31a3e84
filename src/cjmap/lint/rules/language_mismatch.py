"""Text mostly in a script that does not fit the map's `lang`.

## What it flags

- a map whose text is mostly in a script its `lang` is not written in (`lang: en` with
  Cyrillic text; no `lang`, which means English, on a Chinese map): one finding at `lang`;
- otherwise, each single text mostly in another script (an English sentence pasted into a
  Russian map), when it holds at least `min_letters` letters of that script;
- a Cyrillic map whose words often use letters its language does not have (`lang: ru` on a
  Macedonian map, with ј, ќ, ѓ; `lang: mk` on a Russian map, with ы, й, щ).

Mixed teams write brand names and acronyms in Latin inside Russian or Chinese text, so only
ordinary words count as evidence: words that start with a capital (`Instagram`, `Google Pay`)
or are all capitals (`SMS`, `CTR`) are ignored, and a text needs `share` (default 80%) of its
letters in the other script to be flagged. Codes, ids, tags, owners, metric values and the
persona's name are not judged. Languages cjmap does not know the script of are not checked.

## Why it matters

`lang` decides how a map is rendered: fonts (a CJK font for Chinese), hyphenation, quotes,
the labels of the template. A Russian map marked `lang: en` gets English hyphenation; a
Chinese map without `lang` may render with missing glyphs. A single untranslated paragraph in
a map meant for a Macedonian team is a gap in the map, too.

## Example

```yaml
cjmap: 1
kind: empathy
title: Карта эмпатии Анны
lang: en                       # CJM115: the text is Russian
empathy:
  says: [Мне не нужен банк, мне нужно, чтобы всё просто работало]
```

## Fix

Set `lang:` to the language the map is written in (`ru`, `mk`, `zh`, `en`, ...), or
translate the text that is in another language. A quotation kept in its original language on
purpose can be marked with `# cjmap: disable=CJM115` on its line.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint import scripts
from cjmap.lint.rule import Context, Option
from cjmap.lint.walk import prose
from cjmap.text import echo

CODE = "CJM115"
NAME = "language-mismatch"
SEVERITY = Severity.warning
SUMMARY = "Text mostly in a script that does not fit the map's `lang`."
OPTIONS = {
    "share": Option(
        0.8,
        (float, int),
        "Share of a text's letters (0..1) that must be in another script for it to be flagged.",
        lambda v: None if 0.5 <= v <= 1 else "must be between 0.5 and 1",
    ),
    "min_letters": Option(
        15,
        int,
        "Letters in another script a single text needs before it is flagged.",
        lambda v: None if 1 <= v <= 1000 else "must be between 1 and 1000",
    ),
}
MAP_SHARE = 0.5  # "mostly": the whole map is judged wrong above this share
MIN_MAP_LETTERS = 20
ALPHABET_SHARE = 0.05  # share of Cyrillic words using letters outside the language's alphabet
MIN_ALPHABET_WORDS = 5


def check(ctx: Context) -> Iterator[Diagnostic]:
    doc = ctx.doc
    lang = doc.lang
    expected = scripts.expected_scripts(lang)
    if expected is None:
        return
    # Each text is tallied once; the whole map's tally is the sum of the texts' tallies.
    texts = [(path, text, scripts.Tally()) for path, text in prose(ctx.loaded.source.data)]
    whole = scripts.Tally()
    for _, text, tally in texts:
        tally.add(text)
        whole.weights.update(tally.weights)
        whole.cyrillic_words += tally.cyrillic_words
    lang_given = ctx.has_key(("lang",))
    foreign = whole.outside(expected)
    if foreign >= MIN_MAP_LETTERS and foreign / max(whole.total(), 1) > MAP_SHARE:
        script = whole.main_foreign(expected) or "another script"
        share = round(100 * foreign / whole.total())
        guess = _guess(script, whole)
        said = f"`lang: {lang}`" if lang_given else "no `lang` (so English)"
        yield ctx.at(
            ("lang",) if lang_given else ("title",),
            f"the map has {said} but {share}% of its text is in {script} script",
            f"set `lang: {guess}`"
            if guess
            else "set `lang:` to the language the map is written in",
            key=not lang_given,
        )
        return
    yield from _alphabet(ctx, whole, lang, lang_given)
    for path, text, tally in texts:
        outside = tally.outside(expected)
        if (
            outside >= ctx.options["min_letters"]
            and outside >= ctx.options["share"] * tally.total()
        ):
            script = tally.main_foreign(expected) or "another"
            yield ctx.at(
                path,
                f"{echo(text, 40)} is in {script} script, but the map's language is "
                f"{scripts.describe(lang)}",
                "translate it, or mark a quotation kept in its own language with "
                "`# cjmap: disable=CJM115` on its line",
            )


def _alphabet(
    ctx: Context, whole: scripts.Tally, lang: str, lang_given: bool
) -> Iterator[Diagnostic]:
    base = lang.split("-")[0].split("_")[0].lower()
    words = whole.cyrillic_words
    if base not in scripts.ALPHABETS or len(words) < MIN_ALPHABET_WORDS:
        return
    alphabet = scripts.ALPHABETS[base]
    odd = [w for w in words if not alphabet.issuperset(w.lower())]  # foreign_letters(w, base)
    if len(odd) < MIN_ALPHABET_WORDS or len(odd) / len(words) < ALPHABET_SHARE:
        return
    letters = sorted({ch for w in odd for ch in scripts.foreign_letters(w, base)})
    guess = scripts.closest_cyrillic_language(words)
    looks = f"; the text looks {scripts.describe(guess)}" if guess and guess != base else ""
    yield ctx.at(
        ("lang",) if lang_given else ("title",),
        f"{round(100 * len(odd) / len(words))}% of the Cyrillic words use letters "
        f"{scripts.describe(base)} does not have ({', '.join(letters[:6])}){looks}",
        f"set `lang: {guess}`" if guess and guess != base else "check `lang:`",
        key=not lang_given,
    )


def _guess(script: str, whole: scripts.Tally) -> str | None:
    if script == "Cyrillic":
        return scripts.closest_cyrillic_language(whole.cyrillic_words) or "ru"
    if script == "Han" and whole.weights.get("Kana"):
        return "ja"
    return scripts.LANG_FOR_SCRIPT.get(script)
