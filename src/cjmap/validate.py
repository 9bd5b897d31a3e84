"""`cjmap validate` as a library call: load every map under some paths, lint the ones that
loaded, and collect every problem.

    result = validate_paths([Path("maps")], today=date(2026, 11, 25))
    result.failed(strict=False)      # True: problems that fail the run (exit code 1)

Configuration comes from each map's project (``.cjmap.yaml`` or ``[tool.cjmap]`` in
``pyproject.toml`` at its root) unless ``config`` names a file for all of them; a bad
configuration raises ``cjmap.load.config.ConfigError``, an unknown rule in ``select``/``ignore``
raises ``cjmap.lint.UsageError``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.load.files import collect_maps, display, find_root, one_run
from cjmap.load.loader import LoadedMap, Loader

if TYPE_CHECKING:
    from cjmap.lint.settings import LintSettings

# From this many files, `jobs` > 1 splits them between worker processes.
PARALLEL_FROM = 64


@dataclass
class ValidationResult:
    """What a validate run found: the maps it read and every diagnostic, sorted and deduplicated."""

    maps: list[LoadedMap] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)
    sources: dict[str, str | None] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)
    checked_files: list[str] = field(default_factory=list)

    @property
    def files(self) -> int:
        return len(self.checked_files)

    @property
    def checked(self) -> list[str]:
        """The files checked, as given (maps; persona and compared files are not counted)."""
        return self.checked_files

    def worst(self) -> Severity | None:
        if not self.diagnostics:
            return None
        return max((d.severity for d in self.diagnostics), key=lambda s: s.rank)

    def failed(self, *, strict: bool = False) -> bool:
        """True when the run must fail: any error, or any warning with ``strict``."""
        worst = self.worst()
        return worst is Severity.error or (strict and worst is Severity.warning)

    def source_of(self, file: str) -> str | None:
        return self.sources.get(file)


def validate_paths(
    paths: list[Path],
    *,
    today: dt.date | None = None,
    config: Path | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    lint: bool = True,
    jobs: int = 1,
) -> ValidationResult:
    """Load and lint the maps named by ``paths`` (folders: every ``*.cjm.yaml`` below, sorted).

    With ``jobs`` > 1 and at least ``PARALLEL_FROM`` files, that many worker processes share
    the files (the command line's mode): the diagnostics are the same, but the result keeps no
    ``maps`` and only the sources of the files that have diagnostics.
    """
    with one_run():  # each folder's project root is looked up once
        return _validate_paths(paths, today, config, select, ignore, lint, jobs)


def _validate_paths(
    paths: list[Path],
    today: dt.date | None,
    config: Path | None,
    select: Sequence[str] | None,
    ignore: Sequence[str] | None,
    lint: bool,
    jobs: int,
) -> ValidationResult:
    result = ValidationResult(today=today or dt.date.today())
    files, missing = collect_maps(paths)
    result.missing = [(display(p), why) for p, why in missing]
    loader = Loader()
    settings = _Settings(config, select, ignore)
    if jobs > 1 and len(files) >= PARALLEL_FROM:
        from cjmap.parallel import map_in_workers

        if lint:  # a bad configuration fails here, as it would one map at a time
            for root in {find_root(path) for path in files}:
                settings.for_root(root)
        options = _Options(result.today, config, tuple(select or ()), tuple(ignore or ()), lint)
        parts = map_in_workers(partial(_checked_slice, options), files, jobs)
        if parts is not None:
            return _merged(result, parts)
    seen: set[Diagnostic] = set()
    for path in files:
        loaded = loader.load(path)
        result.maps.append(loaded)
        result.checked_files.append(loaded.file)
        compared = loaded.compares.source if loaded.compares is not None else None
        for source in (loaded.source, loaded.persona_source, compared):
            if source is not None:
                result.sources.setdefault(source.file, source.text)
        found = list(loaded.diagnostics)
        if lint:
            from cjmap.lint import lint_map

            found += lint_map(loaded, settings.for_root(loaded.root), result.today)
        for d in found:
            if d not in seen:
                seen.add(d)
                result.diagnostics.append(d)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


# The maps lint_loaded's forked workers lint: set in the parent just before they fork, so
# each inherits the loaded maps instead of receiving them pickled.
_LINTING: tuple[list[LoadedMap], _Settings, dt.date] | None = None


def lint_loaded(
    maps: list[LoadedMap], *, today: dt.date, config: Path | None = None, jobs: int = 1
) -> list[Diagnostic]:
    """The lint findings of maps already loaded (``cjmap site`` loads them once for its
    renders), sorted; with ``jobs`` > 1 and many maps, in forked workers that inherit the
    maps. A bad configuration raises ``ConfigError`` here, in the caller's process."""
    global _LINTING
    settings = _Settings(config, None, None)
    for root in {m.root for m in maps}:
        settings.for_root(root)
    _LINTING = (maps, settings, today)
    try:
        indices = list(range(len(maps)))
        parts: list[list[Diagnostic]] | None = None
        if jobs > 1 and len(maps) >= PARALLEL_FROM:
            from cjmap.parallel import map_in_workers

            parts = map_in_workers(_lint_slice, indices, jobs)
        found = [d for part in parts or [_lint_slice(indices)] for d in part]
    finally:
        _LINTING = None
    return sorted(set(found), key=Diagnostic.sort_key)


def _lint_slice(indices: list[int]) -> list[Diagnostic]:
    from cjmap.lint import lint_map

    assert _LINTING is not None, "lint_loaded sets the maps before the workers start"
    maps, settings, today = _LINTING
    found: list[Diagnostic] = []
    for i in indices:
        found += lint_map(maps[i], settings.for_root(maps[i].root), today)
    return found


@dataclass(frozen=True)
class _Options:
    """What a worker needs to check its slice as the parent would (picklable)."""

    today: dt.date
    config: Path | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    lint: bool


def _checked_slice(options: _Options, files: list[Path]) -> ValidationResult:
    """One worker's slice: what a report needs (the diagnostics, the names checked, the
    sources of the files with problems), not the loaded maps, whose pickling would cost as
    much as loading them."""
    part = validate_paths(
        files,
        today=options.today,
        config=options.config,
        select=options.select or None,
        ignore=options.ignore or None,
        lint=options.lint,
    )
    wanted = {d.file for d in part.diagnostics}
    return ValidationResult(
        diagnostics=part.diagnostics,
        missing=part.missing,
        sources={f: text for f, text in part.sources.items() if f in wanted},
        today=part.today,
        checked_files=part.checked_files,
    )


def _merged(result: ValidationResult, parts: list[ValidationResult]) -> ValidationResult:
    """The result of the workers' parts, in file order, as one run would have found it."""
    seen: set[Diagnostic] = set()
    for part in parts:
        result.checked_files += part.checked_files
        result.sources.update(part.sources)
        for d in part.diagnostics:
            if d not in seen:
                seen.add(d)
                result.diagnostics.append(d)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


class _Settings:
    """Lint settings per project root, each configuration file read once."""

    def __init__(
        self, config: Path | None, select: Sequence[str] | None, ignore: Sequence[str] | None
    ):
        self._select = select
        self._ignore = ignore
        self._by_file: dict[Path | None, LintSettings] = {}
        self._by_root: dict[Path, LintSettings] = {}
        self._fixed: LintSettings | None = None
        if config is not None:
            # Read now, lint or not: a bad --config is an error of the run. Otherwise the
            # linter (its 32 rule modules) is imported only when a map is linted.
            from cjmap.lint import settings_from
            from cjmap.load.config import load_config

            self._fixed = settings_from(load_config(config), select=select, ignore=ignore)

    def for_root(self, root: Path) -> LintSettings:
        from cjmap.lint import settings_from
        from cjmap.load.config import DEFAULT, find_config, load_config

        if self._fixed is not None:
            return self._fixed
        if root not in self._by_root:  # not a look for the configuration file per map
            found = find_config(root)
            key = found.absolute() if found is not None else None
            if key not in self._by_file:
                config = load_config(found) if found is not None else DEFAULT
                self._by_file[key] = settings_from(config, select=self._select, ignore=self._ignore)
            self._by_root[root] = self._by_file[key]
        return self._by_root[root]
