"""Checks that need the whole map: stage ids, unique ids, and references that must resolve."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from cjmap import diagnostics as dg
from cjmap.diagnostics import Diagnostic, echo
from cjmap.model import AnyMap, CurrentStateMap, FutureStateMap, derive_id
from cjmap.yamlsource import Path_, Positions


def assign_stage_ids(doc: AnyMap) -> None:
    """Give every stage without an ``id`` one derived from its name (or ``stage-N``)."""
    if not isinstance(doc, CurrentStateMap | FutureStateMap):
        return
    for index, stage in enumerate(doc.stages):
        if stage.id is None:
            stage.id = derive_id(stage.name) or f"stage-{index + 1}"


def check_ids(
    doc: AnyMap, raw: dict[str, object], positions: Positions, file: str
) -> Iterator[Diagnostic]:
    """Ids are unique across stages, pain points and opportunities; references resolve."""
    if not isinstance(doc, CurrentStateMap | FutureStateMap):
        return
    seen: dict[str, tuple[str, Path_]] = {}
    pain_ids: set[str] = set()
    kinds: dict[str, str] = {}

    def claim(ident: str, what: str, path: Path_, derived: bool) -> Iterator[Diagnostic]:
        if ident in seen:
            first_what, first_path = seen[ident]
            line = positions.value(first_path)[0]
            pos = positions.value(path) if not derived else positions.value(path[:-1])
            hint = (
                "give this stage an explicit `id:` (its id was derived from its name)"
                if derived
                else "ids are shared by stages, pain points and opportunities: rename one"
            )
            yield _error(
                file,
                pos,
                dg.DUPLICATE_ID,
                f"id {echo(ident)} is already used by a {first_what} at line {line}",
                hint,
            )
        else:
            seen[ident] = (what, path)
            kinds[ident] = what

    stages_raw = raw.get("stages")
    for s_index, stage in enumerate(doc.stages):
        s_path: Path_ = ("stages", s_index)
        derived = not (
            isinstance(stages_raw, list)
            and s_index < len(stages_raw)
            and isinstance(stages_raw[s_index], dict)
            and "id" in stages_raw[s_index]
        )
        assert stage.id is not None
        yield from claim(stage.id, "stage", (*s_path, "id"), derived)
        for p_index, pain in enumerate(stage.pain_points):
            if pain.id:
                yield from claim(
                    pain.id, "pain point", (*s_path, "pain_points", p_index, "id"), False
                )
                pain_ids.add(pain.id)
        for o_index, opp in enumerate(stage.opportunities):
            if opp.id:
                yield from claim(
                    opp.id, "opportunity", (*s_path, "opportunities", o_index, "id"), False
                )

    for s_index, stage in enumerate(doc.stages):
        for o_index, opp in enumerate(stage.opportunities):
            for a_index, ref in enumerate(opp.addresses):
                if ref in pain_ids:
                    continue
                path: Path_ = ("stages", s_index, "opportunities", o_index, "addresses", a_index)
                if ref in kinds:
                    message = f"addresses {echo(ref)}, which is a {kinds[ref]}, not a pain point"
                else:
                    close = difflib.get_close_matches(ref, sorted(pain_ids), n=1, cutoff=0.6)
                    guess = f" (did you mean '{close[0]}'?)" if close else ""
                    message = f"addresses {echo(ref)}, but no pain point has that id{guess}"
                hint = (
                    "pain point ids in this map: " + ", ".join(sorted(pain_ids))
                    if pain_ids
                    else "give the pain point an `id:` and refer to it here"
                )
                yield _error(file, positions.value(path), dg.REFERENCE, message, hint)


_error = Diagnostic.error
