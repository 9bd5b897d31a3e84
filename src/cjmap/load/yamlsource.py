"""Read YAML into plain data plus the line and column of every key and value.

The tree is built here from libyaml's event stream (ruamel.yaml's C parser) rather than by
ruamel's constructors, for three reasons:

* speed: no round-trip objects; positions come straight from the C parser's marks;
* safety: nothing is ever constructed from a tag, aliases are refused (no expansion bombs), and
  nesting depth is capped without recursion;
* precision: duplicate keys, tags, anchors and extra documents become located errors.

Scalars are resolved with the YAML 1.2 core schema, so ``no`` stays a string and ``07:30``
stays a time string (YAML 1.1 would read it as the number 450).

Over 400 lines because the event-stream builder is one state machine whose safety rules (depth,
node count, tags, aliases, duplicate keys, number sizes) must be read together with the
decoding and the scalar resolution they guard; split, each part would hide the others' limits.
"""

from __future__ import annotations

import bisect
import codecs
import gc
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from cjmap.diagnostics import Diagnostic
from cjmap.load import codes
from cjmap.text import echo, printable

Path_ = tuple[str | int, ...]
Pos = tuple[int, int]

MAX_DEPTH = 64
MAX_NUMBER_DIGITS = 100
# Values (scalars, lists and mappings) in one file. A real 8 MB map with ~4,800 stages holds
# ~510,000; the cap stops `[a,a,a,...]` (4 million values in 8 MB, 1 GB of memory) early.
MAX_NODES = 1_000_000
# Problems reported per file before giving up (as compilers do): 8 MB of `*a,` would otherwise
# make 2.6 million "alias" errors, and a printer showing each with its source line takes hours.
MAX_PROBLEMS = 100

_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
# Plain scalars that may be something other than a string: resolve_scalar is asked only
# about these (the first character of every number is a digit or one of _NUMBER_START).
_KEYWORDS = _NULLS | _TRUE | _FALSE
_NUMBER_START = frozenset("0123456789+-.")
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")
_ALLOWED_TAGS = {
    "!",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass
class Positions:
    """Where each value (and each mapping key) of a document starts: 1-based line and column."""

    values: dict[Path_, Pos] = field(default_factory=dict)
    keys: dict[Path_, Pos] = field(default_factory=dict)

    def value(self, path: Path_) -> Pos:
        """Position of the value at ``path``, or of its nearest located ancestor."""
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def key(self, path: Path_) -> Pos:
        """Position of the key that holds ``path`` (for list items: the item itself)."""
        if path in self.keys:
            return self.keys[path]
        return self.value(path)


@dataclass
class Parsed:
    data: Any
    positions: Positions
    diagnostics: list[Diagnostic]
    # False when parsing stopped early: the data is partial and must not be validated further.
    complete: bool = True
    # Where a value was replaced or kept as is after a problem already reported (an alias, a
    # tag, a number too long): schema errors there would only repeat it.
    poisoned: frozenset[Pos] = frozenset()


class _Stop(Exception):
    """Parsing cannot continue past this point (the diagnostic is already recorded)."""


def decode(raw: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes to text: UTF-8 (an optional BOM is dropped); anything else is a located error."""
    for bom, name in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if raw.startswith(bom):
            return None, [
                _diag(
                    file,
                    (1, 1),
                    codes.ENCODING,
                    f"the file is encoded as {name}; cjmap reads UTF-8",
                    "save the file as UTF-8 (in VS Code: 'Save with Encoding' > UTF-8)",
                )
            ]
    head = raw[:1000]
    if len(head) >= 4 and max(head[0::2].count(0), head[1::2].count(0)) > len(head) // 4:
        return None, [
            _diag(
                file,
                (1, 1),
                codes.ENCODING,
                "the file looks encoded as UTF-16 (without a byte-order mark); cjmap reads UTF-8",
                "save the file as UTF-8 (in VS Code: 'Save with Encoding' > UTF-8)",
            )
        ]
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        return None, [
            _diag(
                file,
                (line, column),
                codes.ENCODING,
                f"invalid UTF-8 byte 0x{raw[exc.start]:02x}",
                "save the file as UTF-8; the byte may come from a copy-paste of Latin-1 or "
                "Windows-1251 text",
            )
        ]


_diag = Diagnostic.error


def too_many(file: str, pos: Pos, code: tuple[str, str], total: int | None = None) -> Diagnostic:
    """The last diagnostic of a file with :data:`MAX_PROBLEMS` problems (``code``: theirs)."""
    message = (
        f"{total:,} problems in this file; only the first {MAX_PROBLEMS} are shown"
        if total
        else f"more than {MAX_PROBLEMS} problems; the rest of the file was not checked"
    )
    return _diag(file, pos, code, message, "fix the problems above and run cjmap again")


def resolve_scalar(value: str) -> Any:
    """A plain (unquoted) scalar's value under the YAML 1.2 core schema."""
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    first = value[0]
    if not (first.isdigit() or first in "+-."):
        return value
    if _INT.fullmatch(value):
        if len(value) > MAX_NUMBER_DIGITS:
            raise ValueError("number too long")
        return int(value)
    if _OCT.fullmatch(value) or _HEX.fullmatch(value):
        # Capped too: a 5,000-digit hex number is an int Python cannot print in decimal.
        if len(value) > MAX_NUMBER_DIGITS:
            raise ValueError("number too long")
        return int(value[2:], 8 if value[1] == "o" else 16)
    if _FLOAT.fullmatch(value):
        if len(value) > MAX_NUMBER_DIGITS:
            raise ValueError("number too long")
        return float(value)
    if _INF.fullmatch(value):
        return -math.inf if value.startswith("-") else math.inf
    if _NAN.fullmatch(value):
        return math.nan
    return value


class _Marks:
    """Turns libyaml's marks into the line and column a person sees in an editor.

    libyaml counts NEL (U+0085), LINE SEPARATOR and PARAGRAPH SEPARATOR as line breaks (YAML 1.1)
    but editors, diff views and CI annotations do not, so after one of them every position in
    the file would be some lines too far. Only then are positions recomputed from the mark's
    character index, counting ``\\n``, ``\\r\\n`` and ``\\r`` as line breaks.
    """

    def __init__(self, text: str) -> None:
        self.starts: list[int] | None = None
        if "\x85" in text or "\u2028" in text or "\u2029" in text:
            self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def __call__(self, mark: Any) -> Pos:
        if self.starts is None:
            return (mark.line + 1, mark.column + 1)
        index = int(mark.index)
        line = bisect.bisect_right(self.starts, index)
        return (line, index - self.starts[line - 1] + 1)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _events(text: str) -> Iterator[Any]:
    """libyaml's events for ``text``, as ruamel's C parser makes them."""
    # Imported here: ruamel.yaml costs ~20 ms to import and only loading needs it.
    try:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:  # no libyaml build for this platform: ruamel's parser in Python
        from ruamel.yaml import YAML

        yield from YAML(typ="safe", pure=False).parse(text)
        return
    # The parser's own loop, not YAML().parse(): the same events (checked on every test and
    # corpus file), without a Python generator step and a new loader class per file.
    parser = CParser(text)
    try:
        yield from iter(parser.get_event, None)
    finally:
        parser.dispose()


def _offset_to_pos(text: str, index: int) -> Pos:
    before = text[:index]
    line = before.count("\n") + 1
    return line, index - (before.rfind("\n") + 1) + 1


def _syntax_error(exc: Exception, text: str, file: str) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None)
    context = getattr(exc, "context", None)
    if mark is not None:
        pos = _Marks(text)(mark)
    elif getattr(exc, "position", None) is not None:
        pos = _offset_to_pos(text, int(exc.position))  # type: ignore[attr-defined]
    else:
        pos = (1, 1)
    if problem is None and getattr(exc, "reason", None):
        char = getattr(exc, "character", None)
        code_point = f" U+{char:04X}" if isinstance(char, int) else ""
        problem = f"{exc.reason}{code_point}"  # type: ignore[attr-defined]
        hint = "remove the control character (it is often invisible; retype the line)"
    else:
        hint = _syntax_hint(str(problem or ""), str(context or ""))
    message = str(problem or exc).strip()
    if context:
        message = f"{message} ({context})"
    lines = text.splitlines()
    if 0 < pos[0] <= len(lines) and lines[pos[0] - 1][pos[1] - 1 : pos[1]] == "\t":
        message = "a tab character where YAML expects spaces"
        hint = "indent with spaces, not tabs"
    elif _UNCLOSED.search(str(context or "")) and getattr(exc, "context_mark", None) is not None:
        # libyaml notices an unclosed bracket or quote where the next thing cannot belong to
        # it, often lines later; the place to fix is where it opened.
        opened = _Marks(text)(exc.context_mark)  # type: ignore[attr-defined]
        line = lines[opened[0] - 1] if 0 < opened[0] <= len(lines) else ""
        opener = _OPENERS.get(line[opened[1] - 1 : opened[1]])
        if opener is not None:
            what, hint = opener
            noticed = f"line {pos[0]}, column {pos[1]}"
            message = f"the {what} opened here is never closed (noticed at {noticed}: {problem})"
            pos = opened
    return _diag(file, pos, codes.SYNTAX, message, hint)


# What opened an unclosed flow collection or quoted value, and how to close it.
_OPENERS = {
    "[": ("'['", "close it with ']' after the last item, and put commas between items"),
    "{": ("'{'", "close it with '}' after the last pair, and put commas between pairs"),
    '"': ('double quote (")', 'add the closing " at the end of the value'),
    "'": ("single quote (')", "add the closing ' at the end of the value (write '' for a ' in it)"),
}
_UNCLOSED = re.compile(r"flow (sequence|mapping)|quoted scalar")


def _syntax_hint(problem: str, context: str) -> str:
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. title: \"Step 1: research\""
    if "found character '\\t'" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    if "expected <block end>" in problem or "block collection" in context:
        return "check the indentation of this line against the lines above it"
    if "quoted scalar" in context:
        return "close the quotes on this value"
    if "flow" in context:
        return "close the bracket, or put commas between items"
    return "check the YAML syntax around this position"


class _Builder:
    """Builds plain data from events without recursion, recording positions and problems."""

    def __init__(self, file: str, text: str = "") -> None:
        self.file = file
        self.mark = _Marks(text)
        self.positions = Positions()
        self.diagnostics: list[Diagnostic] = []
        # Each frame: [container, path, pending_key, pending_key_pos]
        self.stack: list[list[Any]] = []
        self.root: Any = None
        self.documents = 0
        self.nodes = 0
        self.poisoned: set[Pos] = set()
        self.aliases: set[str] = set()
        # Where the current document starts (its `---`, or its first node when implicit).
        self.document_start: Pos | None = None

    def error(self, pos: Pos, code: tuple[str, str], message: str, hint: str | None = None) -> None:
        self.diagnostics.append(_diag(self.file, pos, code, message, hint))
        if len(self.diagnostics) >= MAX_PROBLEMS:
            self.diagnostics.append(too_many(self.file, pos, code))
            raise _Stop

    def check_node(self, event: Any) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.error(
                self.mark(event.start_mark),
                codes.UNSUPPORTED_YAML,
                f"more than {MAX_NODES:,} values in one file",
                "a journey map holds a few thousand values; split the file",
            )
            raise _Stop
        if getattr(event, "anchor", None):
            self.error(
                self.mark(event.start_mark),
                codes.UNSUPPORTED_YAML,
                f"anchor &{printable(event.anchor[:40])} is not supported in maps",
                "remove the anchor; repeat the value where it is needed",
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _ALLOWED_TAGS:
            self.poisoned.add(self.mark(event.start_mark))
            self.error(
                self.mark(event.start_mark),
                codes.UNSUPPORTED_YAML,
                f"YAML tag {echo(tag, 60)} is not supported",
                "remove the tag; maps hold plain text, numbers, lists and mappings",
            )

    def child_path(self, pos: Pos) -> Path_ | None:
        """The path of the node about to be added, or None if it is a mapping key."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        container, path = frame[0], frame[1]
        if isinstance(container, list):
            return (*path, len(container))
        if frame[2] is _NO_KEY:
            return None
        return (*path, frame[2])

    def add(self, value: Any, pos: Pos) -> None:
        if not self.stack:
            self.root = value
            self.positions.values[()] = pos
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, list):
            self.positions.values[(*frame[1], len(container))] = pos
            container.append(value)
            return
        key = frame[2]
        if key is _NO_KEY:
            self.set_key(frame, value, pos)
            return
        if key is not _SKIP:
            path = (*frame[1], key)
            self.positions.values[path] = pos
            container[key] = value
        frame[2] = _NO_KEY

    def set_key(self, frame: list[Any], key: Any, pos: Pos) -> None:
        container, path = frame[0], frame[1]
        if not isinstance(key, str):
            key = "" if key is None else str(key).lower() if isinstance(key, bool) else str(key)
        if key in container:
            first = self.positions.keys[(*path, key)]
            self.error(
                pos,
                codes.DUPLICATE_KEY,
                f"duplicate key {echo(key)} (first defined at line {first[0]})",
                "remove one of the two; YAML keeps only one of them",
            )
            frame[2] = _SKIP
            return
        self.positions.keys[(*path, key)] = pos
        frame[2] = key

    def run(self, events: Any) -> None:
        # The loop every value of every map goes through: the common case (a plain scalar,
        # no anchor, no tag, stored in a mapping or a list) is written out here; anything
        # unusual goes through check_node, set_key and add, which report the problems.
        plain_marks = self.mark.starts is None
        stack = self.stack
        values = self.positions.values
        for event in events:
            name = type(event).__name__
            if name == "ScalarEvent":
                tag = event.tag
                if self.nodes >= MAX_NODES or event.anchor or tag is not None:
                    self.check_node(event)
                else:
                    self.nodes += 1
                start = event.start_mark
                pos = (start.line + 1, start.column + 1) if plain_marks else self.mark(start)
                if (
                    not stack
                    and self.document_start is not None
                    and start.index == event.end_mark.index
                ):
                    # An empty document (`---` and nothing after it): libyaml puts the empty
                    # node after the marker's line break, possibly past the end of the file.
                    pos = self.document_start
                value: Any = event.value
                implicit = event.implicit
                if (
                    tag is None
                    and (value in _KEYWORDS or value[0] in _NUMBER_START)
                    and event.style in (None, "")
                    and implicit
                    and implicit[0]
                ):
                    try:
                        value = resolve_scalar(value)
                    except ValueError:
                        self.error(
                            pos,
                            codes.SCHEMA,
                            f"number with {len(value)} digits is too long",
                            "quote it if it is text; numbers in maps are short",
                        )
                        # Kept as text; no second, misleading error about its type.
                        self.poisoned.add(pos)
                if not stack:
                    self.add(value, pos)
                    continue
                frame = stack[-1]
                parent = frame[0]
                if type(parent) is list:
                    values[(*frame[1], len(parent))] = pos
                    parent.append(value)
                    continue
                key = frame[2]
                if key is _NO_KEY:
                    self.set_key(frame, value, pos)
                elif key is _SKIP:
                    frame[2] = _NO_KEY
                else:
                    values[(*frame[1], key)] = pos
                    parent[key] = value
                    frame[2] = _NO_KEY
            elif name in ("MappingStartEvent", "SequenceStartEvent"):
                self.check_node(event)
                pos = self.mark(event.start_mark)
                if (
                    self.stack
                    and isinstance(self.stack[-1][0], dict)
                    and self.stack[-1][2] is _NO_KEY
                ):
                    self.error(
                        pos,
                        codes.UNSUPPORTED_YAML,
                        "a list or mapping cannot be used as a key",
                        "keys are plain words such as `name` or `stages`",
                    )
                    raise _Stop
                if len(self.stack) >= MAX_DEPTH:
                    self.error(
                        pos,
                        codes.UNSUPPORTED_YAML,
                        f"nesting deeper than {MAX_DEPTH} levels",
                        "a journey map needs only a few levels; check the indentation",
                    )
                    raise _Stop
                path = self.child_path(pos)
                container: Any = {} if name == "MappingStartEvent" else []
                skip = bool(self.stack) and self.stack[-1][2] is _SKIP
                self.add(container, pos)
                self.stack.append([container, path if not skip else ("<dup>",), _NO_KEY])
            elif name in ("MappingEndEvent", "SequenceEndEvent"):
                self.stack.pop()
            elif name == "AliasEvent":
                self.nodes += 1
                pos = self.mark(event.start_mark)
                self.poisoned.add(pos)
                if event.anchor not in self.aliases:  # one error per anchor, not per use
                    self.aliases.add(event.anchor)
                    self.error(
                        pos,
                        codes.UNSUPPORTED_YAML,
                        f"alias *{printable(event.anchor[:40])} is not supported in maps",
                        "write the value out in full instead of referring to an anchor",
                    )
                self.add(None, pos)
            elif name == "DocumentStartEvent":
                self.documents += 1
                self.document_start = self.mark(event.start_mark)
                if self.documents > 1:
                    self.error(
                        self.mark(event.start_mark),
                        codes.UNSUPPORTED_YAML,
                        "a second YAML document ('---') in one file",
                        "a map file holds one document; move the second map to its own file",
                    )
                    raise _Stop


_NO_KEY = object()
_SKIP = object()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building plain data (which makes no cycles).

    Each collection rescans a heap that grows with the map: an 8 MB map took 7 s instead of 2 s.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def parse(text: str, file: str) -> Parsed:
    """Parse one YAML document; every problem becomes a located diagnostic, never an exception."""
    builder = _Builder(file, text)
    complete = False
    try:
        with paused_gc():
            builder.run(_events(text))
        complete = True
    except _Stop:
        pass
    except Exception as exc:  # ruamel's MarkedYAMLError family, ReaderError
        if type(exc).__module__.startswith(("ruamel", "_ruamel")):
            builder.diagnostics.append(_syntax_error(exc, text, file))
        else:
            raise
    return Parsed(
        builder.root,
        builder.positions,
        builder.diagnostics,
        complete,
        frozenset(builder.poisoned),
    )
