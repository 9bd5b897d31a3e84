"""The models are the format's single source of truth: schema and docs come from them."""

from __future__ import annotations

import inspect

import pytest
from pydantic import BaseModel

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
    ],
)
def test_id_rule(ident: str, ok: bool) -> None:
    assert is_valid_id(ident) is ok


def test_derive_id() -> None:
    assert derive_id("Order  Online") == "order-online"
    assert derive_id("Purchase & delivery") == "purchase-delivery"
    assert derive_id("3. Купување") == "купување"
    assert derive_id("!!!") == ""
