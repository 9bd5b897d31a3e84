"""load/schema_errors.py: pydantic's errors walked back to the node at fault, with hints, and
capped for a hostile map of many wrong values."""

from __future__ import annotations

from pydantic import ValidationError

from cjmap.load.schema_errors import data_path, model_at, schema_problems, unwrap_models
from cjmap.load.yamlsource import MAX_PROBLEMS, parse
from cjmap.model import CurrentStateMap, Stage, Touchpoint


def test_data_path_keeps_what_the_data_has_and_skips_union_tags() -> None:
    data = {"stages": [{"feeling": 9}]}
    path, rest = data_path(("current-state", "stages", 0, "feeling", "int"), data)
    assert path == ("stages", 0, "feeling")
    assert rest == ["current-state", "int"]


def test_unwrap_models_sees_through_lists_and_optionals() -> None:
    assert unwrap_models(list[Stage] | None) == [Stage]
    assert unwrap_models(int) == []


def test_model_at_walks_fields_and_list_items() -> None:
    assert model_at(CurrentStateMap, ("stages", 0, "touchpoints", 0)) is Touchpoint
    assert model_at(CurrentStateMap, ("stages", 0, "nonsense")) is None


def _problems(text: str) -> list[tuple[int, int, str]]:
    parsed = parse(text, "m.cjm.yaml")
    try:
        CurrentStateMap.model_validate(parsed.data)
    except ValidationError as exc:
        found = schema_problems(
            exc,
            CurrentStateMap.model_validate,
            parsed.data,
            parsed.positions,
            "m.cjm.yaml",
            CurrentStateMap,
        )
        return [(d.line, d.column, d.message) for d in found]
    raise AssertionError("the map was valid")


def test_a_typo_is_located_at_its_key_with_the_closest_known_key() -> None:
    head = "cjmap: 1\nkind: current-state\ntitle: T\nstages:\n  - name: A\n"
    [(line, column, message)] = _problems(head + "    feelin: 2\n")
    assert (line, column) == (6, 5)
    assert message == "unknown key 'feelin' (did you mean 'feeling'?)"


def test_many_wrong_values_give_the_first_ones_and_the_total() -> None:
    stages = "".join(f"  - name: S{i}\n    feeling: {10 + i}\n" for i in range(150))
    found = _problems(f"cjmap: 1\nkind: current-state\ntitle: T\nstages:\n{stages}")
    assert len(found) == MAX_PROBLEMS + 1
    assert found[0][:2] == (6, 14)  # the first stage's feeling
    assert found[-1][2] == f"150 problems in this file; only the first {MAX_PROBLEMS} are shown"
