"""The models are the format's single source of truth: schema and docs come from them."""

from __future__ import annotations

import inspect
import unicodedata
from pathlib import Path
from typing import Annotated

import pytest
from pydantic import BaseModel, Field, ValidationError

from cjmap.model import common, derive_id, is_valid_id, journey, persona

MODELS = [
    cls
    for mod in (common, persona, journey)
    for cls in vars(mod).values()
    if inspect.isclass(cls)
    and issubclass(cls, BaseModel)
    and cls.__module__ == mod.__name__
    and cls.model_fields
]


@pytest.mark.parametrize("model", MODELS, ids=[m.__name__ for m in MODELS])
def test_every_field_has_description_and_example(model: type[BaseModel]) -> None:
    for name, info in model.model_fields.items():
        assert info.description, f"{model.__name__}.{name} has no description"
        assert info.examples, f"{model.__name__}.{name} has no example"


@pytest.mark.parametrize("model", MODELS, ids=[m.__name__ for m in MODELS])
def test_unknown_keys_are_forbidden(model: type[BaseModel]) -> None:
    assert model.model_config.get("extra") == "forbid"


@pytest.mark.parametrize(
    ("ident", "ok"),
    [
        ("research", True),
        ("研究", True),
        ("доставка-на_дом2", True),
        ("a", True),
        ("1st", False),
        ("-x", False),
        ("a b", False),
        ("a\u200bb", False),  # zero-width space
        ("a\u202eb", False),  # bidi override
        ("x" * 64, True),
        ("x" * 65, False),
        ("हिंदी", True),  # Devanagari vowel signs are combining marks
        ("ステージ", True),
        ("_x", False),
        ("x\u200dy", False),  # zero-width joiner
    ],
)
def test_id_rule(ident: str, ok: bool) -> None:
    assert is_valid_id(ident) is ok


def test_the_python_id_rule_and_the_schema_pattern_agree_on_every_character() -> None:
    # pydantic-core checks ID_PATTERN (Rust regex); is_valid_id is its Python twin for code that
    # has no model at hand. Both must accept exactly the same characters, first and later.
    from pydantic import TypeAdapter

    pattern = TypeAdapter(Annotated[str, Field(pattern=common.ID_PATTERN)])

    def schema_ok(text: str) -> bool:
        try:
            pattern.validate_python(text)
        except ValidationError:
            return False
        return True

    disagree = [
        hex(code)
        for code in [*range(0x30000), *range(0xE0000, 0xE0080)]
        # Characters newer than Python's Unicode tables (Cn here) are left out: Rust's are newer.
        if unicodedata.category(chr(code)) not in ("Cn", "Cs")
        for text in (chr(code), "a" + chr(code))
        if is_valid_id(text) is not schema_ok(text)
    ]
    assert disagree == []


def test_derive_id() -> None:
    assert derive_id("Order  Online") == "order-online"
    assert derive_id("Purchase & delivery") == "purchase-delivery"
    assert derive_id("3. Купување") == "купување"
    assert derive_id("!!!") == ""


def _opportunity_errors(tmp_path: Path, impact: str, effort: str) -> list[tuple[int, int, str]]:
    from cjmap.load.loader import load_map

    (tmp_path / ".git").mkdir(exist_ok=True)
    path = tmp_path / "map.cjm.yaml"
    path.write_text(
        "cjmap: 1\n"
        "kind: current-state\n"
        "title: Buying a vacuum online\n"
        "stages:\n"
        "  - name: Research\n"
        "    opportunities:\n"
        "      - text: Comparison chart\n"
        f"        impact: {impact}\n"
        f"        effort: {effort}\n",
        encoding="utf-8",
    )
    return [(d.line, d.column, f"{d.code} {d.message}") for d in load_map(path).diagnostics]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("9", "got 9"),
        ("6", "got 6"),
        ("0", "got 0"),
        ("-2", "got -2"),
        ("2.5", "got 2.5"),
        ("3.0", "got 3.0"),
        ('"3"', "got '3'"),  # strict: quoted numbers are text
        ("high", "got 'high'"),
        ("true", "got True"),
    ],
)
def test_impact_and_effort_out_of_range_are_located_errors(
    tmp_path: Path, value: str, message: str
) -> None:
    # Each error points at the value (line 8 or 9, column 17) and names the scale, like
    # `feeling: 9` does.
    assert _opportunity_errors(tmp_path, value, value) == [
        (8, 17, f"CJM010 impact must be a whole number from 1 to 5, {message}"),
        (9, 17, f"CJM010 effort must be a whole number from 1 to 5, {message}"),
    ]


@pytest.mark.parametrize(("impact", "effort"), [("1", "5"), ("5", "1"), ("3", "null")])
def test_impact_and_effort_take_1_to_5(tmp_path: Path, impact: str, effort: str) -> None:
    assert _opportunity_errors(tmp_path, impact, effort) == []


def test_impact_and_effort_are_optional() -> None:
    opportunity = journey.Opportunity(text="Comparison chart")
    assert opportunity.impact is None and opportunity.effort is None
    scored = journey.Opportunity.model_validate({"text": "Chart", "impact": 4, "effort": 2})
    assert (scored.impact, scored.effort) == (4, 2)
