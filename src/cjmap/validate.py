"""`cjmap validate` as a library call: load every map under some paths and collect problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.loader import LoadedMap, Loader
from cjmap.project import collect_maps, display


@dataclass
class ValidationResult:
    """What a validate run found: the maps it read and every diagnostic, sorted and deduplicated."""

    maps: list[LoadedMap] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)
    sources: dict[str, str | None] = field(default_factory=dict)

    @property
    def files(self) -> int:
        return len(self.maps)

    def worst(self) -> Severity | None:
        if not self.diagnostics:
            return None
        return max((d.severity for d in self.diagnostics), key=lambda s: s.rank)

    def source_of(self, file: str) -> str | None:
        return self.sources.get(file)


def validate_paths(paths: list[Path]) -> ValidationResult:
    """Load the maps named by ``paths`` (folders: every ``*.cjm.yaml`` below, sorted)."""
    result = ValidationResult()
    files, missing = collect_maps(paths)
    result.missing = [(display(p), why) for p, why in missing]
    loader = Loader()
    seen: set[Diagnostic] = set()
    for path in files:
        loaded = loader.load(path)
        result.maps.append(loaded)
        for source in (
            loaded.source,
            loaded.persona_source,
            loaded.compares.source if loaded.compares else None,
        ):
            if source is not None:
                result.sources.setdefault(source.file, source.text)
        for d in loaded.diagnostics:
            if d not in seen:
                seen.add(d)
                result.diagnostics.append(d)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result
