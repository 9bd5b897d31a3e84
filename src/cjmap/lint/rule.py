"""What a lint rule is: a module with a code, a name, a severity, a summary, docs and a check.

A rule module looks like this (see any module in ``cjmap.lint.rules``)::

    '''Stage without touchpoints: ...

    ## What it flags
    ...
    ## Why it matters
    ...
    ## Example
    ...
    ## Fix
    ...
    '''
    CODE = "CJM101"
    NAME = "stage-without-touchpoints"
    SEVERITY = Severity.warning
    SUMMARY = "A stage with no touchpoints."
    OPTIONS = {"min_stages": Option(3, int, "...")}   # optional
    TARGET = "map"                 # or "persona", or "any" (persona files too); default "map"

    def check(ctx: Context) -> Iterator[Diagnostic]:
        ...
        yield ctx.at(("stages", 2, "touchpoints"), "stage 'Research' has no touchpoints", "add ...")

The module docstring is the rule's documentation: ``cjmap rules CODE``, docs/rules.md and the
help text of the SARIF output all come from it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.load.yamlsource import Path_, Pos, Positions
from cjmap.model import AnyMap, CurrentStateMap, FutureStateMap, Persona, Stage

if TYPE_CHECKING:
    from cjmap.lint.suppress import Suppressions
    from cjmap.load.loader import LoadedMap, SourceFile

SECTIONS = ("What it flags", "Why it matters", "Example", "Fix")
CODE_RE = re.compile(r"^CJM1\d\d$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$")

Target = Literal["map", "persona", "any"]


@dataclass(frozen=True)
class Option:
    """One setting of a rule, given in the config under ``lint.rules.<rule>``."""

    default: Any
    kind: type | tuple[type, ...]
    help: str
    validate: Callable[[Any], str | None] | None = None

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is not acceptable, or None."""
        kinds = self.kind if isinstance(self.kind, tuple) else (self.kind,)
        if isinstance(value, bool) and bool not in kinds:
            return f"must be {_kind_words(kinds)}, not true/false"
        if not isinstance(value, kinds):
            return f"must be {_kind_words(kinds)}"
        return self.validate(value) if self.validate is not None else None


def _kind_words(kinds: tuple[type, ...]) -> str:
    words = {
        int: "a whole number",
        float: "a number",
        str: "a text",
        bool: "true or false",
        list: "a list",
        type(None): "null",
    }
    return " or ".join(words.get(k, k.__name__) for k in kinds)


@dataclass(frozen=True)
class Rule:
    """A registered rule, read from its module."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    check: Callable[[Context], Iterable[Diagnostic]]
    options: Mapping[str, Option] = field(default_factory=dict)
    target: Target = "map"

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        doc = module.__doc__ or ""
        rule = cls(
            code=module.CODE,
            name=module.NAME,
            severity=Severity(module.SEVERITY),
            summary=module.SUMMARY,
            doc=doc,
            check=module.check,
            options=dict(getattr(module, "OPTIONS", {})),
            target=getattr(module, "TARGET", "map"),
        )
        problems = rule.problems()
        if problems:
            raise ValueError(f"rule module {module.__name__}: " + "; ".join(problems))
        return rule

    def problems(self) -> list[str]:
        """What is wrong with this rule's definition (empty when it is well formed)."""
        problems = []
        if not CODE_RE.match(self.code):
            problems.append(f"code {self.code!r} is not CJM1nn")
        if not NAME_RE.match(self.name):
            problems.append(f"name {self.name!r} is not kebab-case")
        if not self.summary or "\n" in self.summary or not self.summary.endswith("."):
            problems.append("summary must be one sentence on one line, ending with a period")
        found = [title for title, _ in doc_sections(self.doc)]
        if found != list(SECTIONS):
            problems.append(f"docstring sections are {found}, expected {list(SECTIONS)}")
        return problems

    def section(self, title: str) -> str:
        return dict(doc_sections(self.doc)).get(title, "")


def doc_sections(doc: str) -> list[tuple[str, str]]:
    """The ``## Title`` sections of a rule docstring, in order, with their dedented bodies."""
    import textwrap

    lines = textwrap.dedent("\n".join(doc.splitlines()[1:])).splitlines()
    sections: list[tuple[str, list[str]]] = []
    for line in lines:
        if line.startswith("## "):
            sections.append((line[3:].strip(), []))
        elif sections:
            sections[-1][1].append(line)
    return [(title, "\n".join(body).strip("\n")) for title, body in sections]


@dataclass
class Context:
    """What a rule's ``check`` gets: the loaded map, today's date, its options, and helpers
    that turn a path into a located finding."""

    loaded: LoadedMap
    today: dt.date
    rule: Rule
    severity: Severity
    options: Mapping[str, Any]
    # For the suppression rule (CJM100), which the engine runs after the others (as ruff runs
    # RUF100 in its noqa pass): the parsed comments of each file, the rules run, and how a
    # name in a comment resolves to a rule (passed in, so no rule imports the registry).
    suppressions: Mapping[str, Suppressions] = field(default_factory=dict)
    enabled: frozenset[str] = frozenset()
    resolve: Callable[[str], Rule | None] = field(default=lambda name: None)

    @property
    def doc(self) -> AnyMap:
        """The map (map rules only run on maps that loaded without errors)."""
        assert self.loaded.doc is not None
        return self.loaded.doc

    @property
    def persona(self) -> Persona:
        """The persona (persona rules only run when there is one)."""
        assert self.loaded.persona is not None
        return self.loaded.persona

    def stages(self) -> Iterator[tuple[int, Stage]]:
        """``(index, stage)`` for current- and future-state maps; nothing for other kinds."""
        doc = self.loaded.doc
        if isinstance(doc, CurrentStateMap | FutureStateMap):
            yield from enumerate(doc.stages)

    # Locating findings -------------------------------------------------------------------

    def at(
        self, path: Path_, message: str, hint: str | None = None, *, key: bool = False
    ) -> Diagnostic:
        """A finding at the node ``path`` of the map file (or its nearest located ancestor).

        ``key=True`` points at the key that holds the value (``touchpoints:``) rather than at
        the value itself.
        """
        source = self.loaded.source
        return self._make(source.file, _locate(source.positions, path, key), message, hint)

    def persona_at(
        self, path: Path_, message: str, hint: str | None = None, *, key: bool = False
    ) -> Diagnostic:
        """A finding at ``path`` inside the persona: in the persona's own file when the map refers
        to one, else under the map's inline ``persona:``."""
        source, prefix = self.persona_source()
        return self._make(
            source.file, _locate(source.positions, (*prefix, *path), key), message, hint
        )

    def persona_source(self) -> tuple[SourceFile, Path_]:
        """The file that holds the persona and the path of the persona inside it."""
        loaded = self.loaded
        if loaded.persona_source is not None:
            return loaded.persona_source, ()
        if loaded.doc is None:  # a persona file checked on its own
            return loaded.source, ()
        return loaded.source, ("persona",)

    def has_key(self, path: Path_, *, persona: bool = False) -> bool:
        """True when the key at ``path`` is written in the file (not a default)."""
        if persona:
            source, prefix = self.persona_source()
            return (*prefix, *path) in source.positions.keys
        return path in self.loaded.source.positions.keys

    def _make(self, file: str, pos: Pos, message: str, hint: str | None) -> Diagnostic:
        return Diagnostic(
            file=file,
            line=pos[0],
            column=pos[1],
            severity=self.severity,
            code=self.rule.code,
            rule=self.rule.name,
            message=message,
            hint=hint,
        )


def _locate(positions: Positions, path: Path_, key: bool) -> Pos:
    return positions.key(path) if key else positions.value(path)
