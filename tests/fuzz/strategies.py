"""Hypothesis strategies that turn the example maps into hostile ones.

A case starts from one YAML file of one example folder (a map or a persona file), changes its
*structure* (values replaced by hostile ones, keys dropped, renamed or added, items duplicated,
nesting deepened, ``kind``/``persona``/``compares`` pointed elsewhere), dumps it back to YAML,
then changes its *text* (YAML syntax injected: anchors, aliases, tags, a second document,
brackets, tabs, control and bidi characters; spans deleted, lines duplicated or swapped, the
file cut short) and sometimes its *bytes* (invalid UTF-8, UTF-16, a BOM). One case in three
only puts hostile text into free-text values and keeps the map valid, for the renderer.
"""

from __future__ import annotations

import codecs
import copy
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from cjmap.load.yamlsource import parse

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

MARKER_TAG = "<b data-fuzz=1>"
"""Raw markup that must never reach rendered HTML unescaped."""

PAYLOADS = [
    MARKER_TAG,
    "<script>fuzz()</script>",
    "</style><script>fuzz()</script>",
    '"><img src=x onerror=fuzz()>',
    "javascript:fuzz()",
    "{{ 7*7 }}",
    "{% include '/etc/passwd' %}",
    "${7*7}",
    "url(file:///etc/passwd)",
    '<link rel="attachment" href="file:///etc/passwd">',
    "::error file=x,line=1::forged",
    "\x1b[31mred\x1b[0m",
    "\u202eevil\u202c",
    "\u2066isolate\u2069",
    "zero\u200bwidth",
    "\ufeff",
    "\x00",
    "\x85next\u2028line\u2029para",
    "\t",
    "\r\n",
    "Ω≈ç√ 中文 русский македонски",
    "%s%n%x",
    "../../../../etc/passwd",
    "/etc/passwd",
    "~/.ssh/id_rsa",
    "C:\\Windows\\win.ini",
    "\\\\server\\share",
    "personas/colleen.yaml",
    "current.cjm.yaml",
    ".",
    "",
    " ",
]
KINDS = ["current-state", "future-state", "day-in-the-life", "empathy", "other", ""]
KEYS = [
    "cjmap",
    "kind",
    "title",
    "lang",
    "persona",
    "compares",
    "stages",
    "moments",
    "empathy",
    "id",
    "name",
    "feeling",
    "score",
    "label",
    "addresses",
    "pain_points",
    "opportunities",
    "actions",
    "status",
    "due",
    "time",
    "value",
    "target",
    "icon",
    "channel",
]
SNIPPETS = [
    "&a ",
    "*a",
    "&a [1, *a]",
    "!!python/object/apply:os.system ['id'] ",
    "!!python/name:os.system ",
    "!foo ",
    "!!binary ",
    "\n---\n",
    "\n...\n",
    "%YAML 1.1\n---\n",
    "<<: *a\n",
    "{",
    "}",
    "[",
    "]",
    ",",
    "\t",
    ": ",
    "- ",
    "? ",
    "'",
    '"',
    "#",
    "|",
    ">",
    "\\",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\r",
    "\x85",
    "\u2028",
    "\u202e",
    "\ufeff",
    "\U0001f600",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "9" * 200,
    "0x" + "f" * 200,
    ".nan",
    "-.inf",
    "1e999",
    "2026-02-30",
    "99:99",
]


@dataclass(frozen=True)
class Seed:
    folder: Path
    relative: str
    data: Any


def _seeds() -> list[Seed]:
    found = []
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        parsed = parse(path.read_text(encoding="utf-8"), str(path))
        assert not parsed.diagnostics, path
        folder = next(p for p in path.parents if p.parent == EXAMPLES)
        found.append(Seed(folder, path.relative_to(folder).as_posix(), parsed.data))
    return found


SEEDS = _seeds()

text = st.one_of(
    st.sampled_from(PAYLOADS),
    st.integers(min_value=100, max_value=20_000).map(lambda n: "a" * n),  # long text
    st.text(max_size=40),
    st.builds(lambda a, b: a + b, st.sampled_from(PAYLOADS), st.text(max_size=10)),
)
scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=5),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    text,
    st.sampled_from(KINDS),
)
value = st.recursive(
    scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), text), inner, max_size=4),
    ),
    max_leaves=12,
)


def _slots(node: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key-or-index) pair of the tree, parents before children."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            for key, child in current.items():
                out.append((current, key))
                stack.append(child)
        elif isinstance(current, list):
            for index, child in enumerate(current):
                out.append((current, index))
                stack.append(child)
    return out


def _nest(levels: int, leaf: Any) -> Any:
    for _ in range(levels):
        leaf = [leaf]
    return leaf


@st.composite
def mutate_data(draw: st.DrawFn, data: Any) -> Any:
    data = copy.deepcopy(data)
    for _ in range(draw(st.sampled_from([0, 1, 1, 2, 3, 4]))):
        if not isinstance(data, dict):
            break
        slots = _slots(data, [])
        op = draw(
            st.sampled_from(
                ["replace", "delete", "duplicate", "add-key", "rename", "nest", "top"]
                + ["text"] * 6
            )
        )
        if op == "top":
            key = draw(st.sampled_from(["kind", "persona", "compares", "cjmap", "lang", "title"]))
            data[key] = draw(
                st.one_of(st.sampled_from(KINDS + PAYLOADS), scalar, st.just(1), value)
            )
            continue
        if not slots:
            continue
        container, key = slots[draw(st.integers(min_value=0, max_value=len(slots) - 1))]
        if op == "replace":
            container[key] = draw(value)
        elif op == "text":
            old = container[key]
            container[key] = (old if isinstance(old, str) else "") + draw(text)
        elif op == "delete":
            del container[key]
        elif op == "duplicate":
            if isinstance(container, list):
                container.insert(key, copy.deepcopy(container[key]))
            else:
                container[key + draw(st.sampled_from(["", "_", "s"]))] = copy.deepcopy(
                    container[key]
                )
        elif op == "add-key" and isinstance(container[key], dict):
            container[key][draw(st.one_of(st.sampled_from(KEYS), text))] = draw(value)
        elif op == "rename" and isinstance(container, dict):
            container[draw(st.one_of(st.sampled_from(KEYS), text))] = container.pop(key)
        elif op == "nest":
            container[key] = _nest(draw(st.sampled_from([1, 5, 63, 64, 65, 200])), container[key])
    return data


def dump(data: Any) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    yaml.width = 120
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


@st.composite
def mutate_text(draw: st.DrawFn, source: str) -> str:
    for _ in range(draw(st.sampled_from([0, 0, 0, 0, 1, 1, 2, 3]))):
        at = draw(st.integers(min_value=0, max_value=len(source)))
        op = draw(st.sampled_from(["insert", "delete", "dup-line", "swap", "cut", "indent"]))
        if op == "insert":
            snippet = draw(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=6)))
            source = source[:at] + snippet + source[at:]
        elif op == "delete":
            source = source[:at] + source[at + draw(st.integers(1, 40)) :]
        elif op in ("dup-line", "swap", "indent"):
            lines = source.split("\n")
            i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            if op == "dup-line":
                lines.insert(i, lines[i])
            elif op == "indent":
                lines[i] = draw(st.sampled_from([" ", "  ", "\t", ""])) + lines[i].lstrip(" ")
            else:
                j = draw(st.integers(min_value=0, max_value=len(lines) - 1))
                lines[i], lines[j] = lines[j], lines[i]
            source = "\n".join(lines)
        else:
            source = source[:at]
    return source


@st.composite
def encode(draw: st.DrawFn, source: str) -> bytes:
    raw = source.encode("utf-8", errors="surrogatepass")
    op = draw(st.sampled_from(["utf-8"] * 25 + ["bom", "utf-16", "utf-32", "bad-byte", "latin-1"]))
    if op == "bom":
        return codecs.BOM_UTF8 + raw
    if op == "utf-16":
        return source.encode("utf-16", errors="surrogatepass")
    if op == "utf-32":
        return source.encode("utf-32", errors="surrogatepass")
    if op == "bad-byte":
        at = draw(st.integers(min_value=0, max_value=len(raw)))
        return (
            raw[:at]
            + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf8"]))
            + raw[at:]
        )
    if op == "latin-1":
        return source.encode("latin-1", errors="replace")
    return raw


@dataclass
class Case:
    seed: Seed
    data: Any
    raw: bytes

    def __repr__(self) -> str:
        return f"Case({self.seed.folder.name}/{self.seed.relative}, raw={self.raw!r})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # What Hypothesis prints for a failing case: the file's bytes, not the seed's data.
        printer.text(repr(self))


@st.composite
def poison_text(draw: st.DrawFn, data: Any) -> Any:
    """Hostile text in some free-text values, the structure left whole: mostly valid maps, so
    that the renderer (not only the validator) meets every payload."""
    data = copy.deepcopy(data)
    # Free text has spaces; ids, kinds, dates, channels and paths do not.
    slots = [(c, k) for c, k in _slots(data, []) if isinstance(c[k], str) and " " in c[k].strip()]
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        if not slots:
            break
        container, key = slots[draw(st.integers(min_value=0, max_value=len(slots) - 1))]
        container[key] = draw(
            st.one_of(
                st.builds(lambda a, b: a + " " + b, st.just(container[key]), text),
                text,
                st.integers(min_value=100, max_value=5000).map(lambda n: "w" * n),
            )
        )
    return data


@st.composite
def cases(draw: st.DrawFn) -> Case:
    seed = draw(st.sampled_from(SEEDS))
    if draw(st.integers(min_value=0, max_value=2)) == 0:
        data = draw(poison_text(seed.data))
        return Case(seed, data, dump(data).encode("utf-8"))
    data = draw(mutate_data(seed.data))
    source = dump(data)
    source = draw(mutate_text(source))
    return Case(seed, data, draw(encode(source)))
