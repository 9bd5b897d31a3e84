"""Load a map file: bytes to text to data to model, with every problem as a located diagnostic.

This is the library entry point the CLI, the linter and the renderers share::

    loaded = load_map(Path("examples/colleen/current.cjm.yaml"))
    if loaded.ok:
        print(loaded.doc.title, loaded.persona.name)
    else:
        for d in loaded.diagnostics: ...
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from cjmap.diagnostics import Diagnostic, has_errors
from cjmap.load import codes
from cjmap.load.files import (
    FileProblem,
    check_map_path,
    display,
    find_root,
    read_bytes,
    resolve_reference,
)
from cjmap.load.references import assign_stage_ids, check_ids, check_resolves
from cjmap.load.schema_errors import schema_problems
from cjmap.load.yamlsource import MAX_PROBLEMS, Positions, decode, parse, paused_gc, too_many
from cjmap.model import MODEL_BY_KIND, AnyMap, FutureStateMap, JourneyMap, Persona
from cjmap.text import echo

SUPPORTED_VERSION = 1

_MAP_ADAPTER: TypeAdapter[AnyMap] | None = None


def _adapter() -> TypeAdapter[AnyMap]:
    global _MAP_ADAPTER
    if _MAP_ADAPTER is None:
        _MAP_ADAPTER = TypeAdapter(JourneyMap)
    return _MAP_ADAPTER


def _validated(data: dict[str, Any]) -> AnyMap:
    """The map ``data`` describes, validated by the model of its ``kind`` alone.

    Building the union's validator costs pydantic twice the time of the one model a map needs
    (~20 ms at every start; docs/performance.md). A valid map gets the same object either way:
    the union picks the model by ``kind``. An invalid one raises the union's errors, which the
    messages are written for (a wrong ``kind`` among them).
    """
    kind = data.get("kind")
    model = MODEL_BY_KIND.get(kind) if isinstance(kind, str) else None
    if model is not None:
        try:
            return model.model_validate(data)  # type: ignore[return-value]
        except ValidationError:
            pass  # reported as the union reports it, below
    return _adapter().validate_python(data)


@dataclass
class SourceFile:
    """One YAML file as read: its text, plain data and the positions of its nodes."""

    path: Path
    file: str
    text: str | None = None
    data: Any = None
    positions: Positions = field(default_factory=Positions)
    complete: bool = True
    poisoned: frozenset[tuple[int, int]] = frozenset()


@dataclass
class LoadedMap:
    """A map and everything it refers to, or the diagnostics that explain why it is not valid."""

    source: SourceFile
    root: Path
    doc: AnyMap | None = None
    persona: Persona | None = None
    persona_source: SourceFile | None = None
    compares: LoadedMap | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return self.source.path

    @property
    def file(self) -> str:
        return self.source.file

    @property
    def ok(self) -> bool:
        return self.doc is not None and not has_errors(self.diagnostics)


class Loader:
    """Loads maps; persona files and compared maps shared by several maps are read once."""

    def __init__(self) -> None:
        self._personas: dict[Path, tuple[SourceFile, Persona | None, list[Diagnostic]]] = {}
        self._maps: dict[Path, LoadedMap] = {}

    def load(self, path: Path, *, follow_compares: bool = True) -> LoadedMap:
        key = path.absolute()
        cached = self._maps.get(key)
        if cached is not None and (cached.compares is not None or not follow_compares):
            return cached
        with paused_gc():
            loaded = self._load(path, follow_compares)
        self._maps[key] = loaded
        return loaded

    def _read(self, path: Path, file: str) -> tuple[SourceFile, list[Diagnostic]]:
        source = SourceFile(path=path, file=file)
        try:
            raw = read_bytes(path)
        except FileProblem as problem:
            return source, [_error(file, (1, 1), codes.FILE, problem.message, problem.hint)]
        text, problems = decode(raw, file)
        if text is None:
            return source, problems
        source.text = text
        parsed = parse(text, file)
        source.data = parsed.data
        source.positions = parsed.positions
        source.complete = parsed.complete
        source.poisoned = parsed.poisoned
        return source, parsed.diagnostics

    def _load(self, path: Path, follow_compares: bool) -> LoadedMap:
        file = display(path)
        root = find_root(path)
        try:
            check_map_path(path, root)
        except FileProblem as problem:
            error = _error(file, (1, 1), codes.FILE, problem.message, problem.hint)
            return LoadedMap(
                source=SourceFile(path=path, file=file), root=root, diagnostics=[error]
            )
        source, problems = self._read(path, file)
        loaded = LoadedMap(source=source, root=root, diagnostics=list(problems))
        data = source.data
        if not source.complete:
            return loaded
        if not isinstance(data, dict):
            if not has_errors(problems):
                loaded.diagnostics += _check_top(data, source.positions, file, what="map")
            return loaded
        if "cjmap" not in data and "kind" not in data and "name" in data:
            # A persona file named on the command line: check it as a persona.
            loaded.persona, problems = _persona(source)
            loaded.diagnostics += problems
            return loaded
        version_problem = _check_version(data, source.positions, file)
        if version_problem is not None:
            loaded.diagnostics.append(version_problem)
            return loaded
        try:
            doc = _validated(data)
        except ValidationError as exc:
            kind = data.get("kind")
            model: type[BaseModel] = (
                MODEL_BY_KIND.get(kind, FutureStateMap) if isinstance(kind, str) else FutureStateMap
            )
            others = {k: m for k, m in MODEL_BY_KIND.items() if k != kind}
            loaded.diagnostics += schema_problems(
                exc,
                _adapter().validate_python,
                data,
                source.positions,
                file,
                model,
                others,
                poisoned=source.poisoned,
            )
            return loaded
        assign_stage_ids(doc)
        found = list(
            itertools.islice(check_ids(doc, data, source.positions, file), MAX_PROBLEMS + 1)
        )
        if len(found) > MAX_PROBLEMS:
            last = found[MAX_PROBLEMS - 1]
            found[MAX_PROBLEMS] = too_many(file, (last.line, last.column), (last.code, last.rule))
        loaded.diagnostics += found
        loaded.doc = doc
        self._attach_persona(loaded)
        if follow_compares and isinstance(doc, FutureStateMap) and doc.compares:
            self._attach_compares(loaded, doc.compares)
        elif not isinstance(doc, FutureStateMap):
            loaded.diagnostics += check_resolves(doc, None, source.positions, file)
        loaded.diagnostics.sort(key=Diagnostic.sort_key)
        return loaded

    def _attach_persona(self, loaded: LoadedMap) -> None:
        doc = loaded.doc
        assert doc is not None
        if isinstance(doc.persona, Persona) or doc.persona is None:
            loaded.persona = doc.persona
            return
        pos = loaded.source.positions.value(("persona",))
        if pos in loaded.source.poisoned:
            return  # `persona: !include ...`: the tag is the error; the path is not followed
        try:
            target = resolve_reference(loaded.path, doc.persona, loaded.root)
        except FileProblem as problem:
            loaded.diagnostics.append(
                _error(
                    loaded.file,
                    pos,
                    codes.FILE,
                    f"persona {echo(doc.persona)}: {problem.message}",
                    problem.hint,
                )
            )
            return
        key = target.absolute()
        if key not in self._personas:
            source, problems = self._read(target, display(target))
            persona = None
            if (
                source.text is not None
                and not has_errors(problems)
                and not isinstance(source.data, dict)
            ):
                problems = problems + _check_top(
                    source.data, source.positions, source.file, what="persona file"
                )
            elif isinstance(source.data, dict) and source.complete:
                persona, invalid = _persona(source)
                problems = problems + invalid
            self._personas[key] = (source, persona, problems)
        source, persona, problems = self._personas[key]
        loaded.persona_source = source
        loaded.persona = persona
        loaded.diagnostics += problems
        if persona is None and not problems:
            loaded.diagnostics.append(
                _error(
                    loaded.file,
                    pos,
                    codes.FILE,
                    f"persona {echo(doc.persona)} could not be read",
                    None,
                )
            )

    def _attach_compares(self, loaded: LoadedMap, reference: str) -> None:
        pos = loaded.source.positions.value(("compares",))
        if pos in loaded.source.poisoned:
            return  # a tagged path: reported by the YAML reader, not followed
        try:
            target = resolve_reference(loaded.path, reference, loaded.root)
        except FileProblem as problem:
            loaded.diagnostics.append(
                _error(
                    loaded.file,
                    pos,
                    codes.REFERENCE,
                    f"compares {echo(reference)}: {problem.message}",
                    problem.hint,
                )
            )
            return
        if target.absolute() == loaded.path.absolute():
            loaded.diagnostics.append(
                _error(
                    loaded.file,
                    pos,
                    codes.REFERENCE,
                    "a map cannot compare to itself",
                    "name the current-state map",
                )
            )
            return
        other = self.load(target, follow_compares=False)
        if other.doc is None or has_errors(other.diagnostics):
            loaded.diagnostics.append(
                _error(
                    loaded.file,
                    pos,
                    codes.REFERENCE,
                    f"compares {echo(reference)}, which has errors",
                    f"run `cjmap validate {other.file}` and fix them",
                )
            )
            loaded.diagnostics += other.diagnostics
            return
        if other.doc.kind != "current-state":
            loaded.diagnostics.append(
                _error(
                    loaded.file,
                    pos,
                    codes.REFERENCE,
                    f"compares {echo(reference)}, which is a {other.doc.kind} map",
                    "`compares` must name a current-state map",
                )
            )
            return
        loaded.compares = other
        if loaded.doc is not None:
            loaded.diagnostics += check_resolves(
                loaded.doc, other.doc, loaded.source.positions, loaded.file
            )


def load_map(path: Path) -> LoadedMap:
    """Load one map (its persona file and compared map included)."""
    return Loader().load(path)


def _check_top(data: Any, positions: Positions, file: str, what: str) -> list[Diagnostic]:
    """The top level must be a mapping; a problem is reported at the top-level node itself.

    Comments, blank lines and a `---` marker may come before that node, so its position comes
    from the parser; a file with no node at all (only comments) falls back to 1:1.
    """
    at = positions.value(())
    persona = what == "persona file"
    if data is None:
        return [
            _error(
                file,
                at,
                codes.SCHEMA,
                f"the {what} is empty",
                "a persona needs at least `name:`"
                if persona
                else "a map needs at least `cjmap: 1`, `kind:` and `title:`; "
                "`cjmap new` writes a starter",
            )
        ]
    if not isinstance(data, dict):
        return [
            _error(
                file,
                at,
                codes.SCHEMA,
                f"the top level must be a mapping (key: value lines), not {type(data).__name__}",
                "start the file with a `name:` line"
                if persona
                else "start the file with `cjmap: 1`, `kind:` and `title:` lines",
            )
        ]
    return []


def _check_version(data: dict[str, Any], positions: Positions, file: str) -> Diagnostic | None:
    if "cjmap" not in data:
        return None  # reported as a missing key together with the other schema errors
    version = data["cjmap"]
    if version == SUPPORTED_VERSION and type(version) is int:
        return None
    return _error(
        file,
        positions.value(("cjmap",)),
        codes.VERSION,
        f"unsupported format version {echo(version)}; this cjmap reads version {SUPPORTED_VERSION}",
        "write `cjmap: 1`, or upgrade cjmap if the map was written for a newer version",
    )


_error = Diagnostic.error


def _persona(source: SourceFile) -> tuple[Persona | None, list[Diagnostic]]:
    """The persona of a parsed persona file (a mapping), or its schema problems."""
    try:
        return Persona.model_validate(source.data), []
    except ValidationError as exc:
        problems = schema_problems(
            exc,
            Persona.model_validate,
            source.data,
            source.positions,
            source.file,
            Persona,
            poisoned=source.poisoned,
        )
        return None, problems
