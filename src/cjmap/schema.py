"""The JSON Schema of the map format, generated from the models, shaped for editors.

Editors (VS Code's YAML extension and every other client of yaml-language-server) read it for
completion, hover docs and red squiggles as the author types. pydantic's schema is used as it
is, with a few touches that make it read better there (tested against the real
yaml-language-server in tests/integrations/test_editor_schema.py):

- the map kinds are a ``oneOf`` whose alternatives each fix ``kind`` with a ``const``, so once
  ``kind:`` is written, completion offers only that kind's keys (``stages`` or ``moments`` or
  ``empathy``); pydantic's OpenAPI-style ``discriminator`` is kept, editors ignore it;
- each alternative's title says which ``kind`` it is, because an editor shows that title as
  the label of the whole-map snippet it offers in an empty file, and ``kind`` and ``cjmap``
  get defaults so that snippet fills them in (both stay required);
- hover on ``kind`` lists every kind and says what this one is for;
- each property has one title, one description and one set of examples: pydantic also puts a
  type's own description and examples on the ``anyOf`` branch of an optional field, and
  yaml-language-server shows every copy (``Stage || Stage``, each example twice), so the
  field's own words are kept and the branch's dropped (:func:`_one_voice`).

Persona files get their own schema (``persona_schema``): yaml-language-server does not follow a
``#/$defs/Persona`` fragment in a ``$schema=`` modeline.
"""

from __future__ import annotations

import json
from typing import Any

SCHEMA_ID = "https://cjmap.dev/schema/v1.json"
PERSONA_SCHEMA_ID = "https://cjmap.dev/schema/v1/persona.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _kinds() -> dict[str, str]:
    """Each kind and the first line of its model's docstring."""
    from cjmap.model import MODEL_BY_KIND

    return {
        kind: (model.__doc__ or "").strip().splitlines()[0] for kind, model in MODEL_BY_KIND.items()
    }


def map_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) for a map file; persona files use :func:`persona_schema`."""
    from pydantic import TypeAdapter

    from cjmap.model import MODEL_BY_KIND, JourneyMap

    schema = TypeAdapter(JourneyMap).json_schema(mode="validation")
    kinds = _kinds()
    all_kinds = " | ".join(kinds)
    defs = schema["$defs"]
    for kind, model in MODEL_BY_KIND.items():
        alternative = defs[model.__name__]
        alternative["title"] = f"kind: {kind}"
        prop = alternative["properties"]["kind"]
        prop["description"] = f"The kind of map: {all_kinds}. This one, {kind}: {kinds[kind]}"
        prop.setdefault("examples", [kind])
        # A default makes the editor's whole-map snippet fill in the key (it is still required).
        prop["default"] = kind
        alternative["properties"]["cjmap"]["default"] = 1
    _one_voice(schema)
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "cjmap journey map, format version 1",
        "description": (
            "A customer journey map for cjmap. Keys are English; values may be in any language."
        ),
        **schema,
    }


def persona_schema() -> dict[str, Any]:
    """JSON Schema for a persona file (the same fields as an inline persona)."""
    from pydantic import TypeAdapter

    from cjmap.model import Persona

    schema = TypeAdapter(Persona).json_schema(mode="validation")
    _one_voice(schema)
    return {
        "$schema": DRAFT,
        "$id": PERSONA_SCHEMA_ID,
        **schema,
        "title": "cjmap persona file, format version 1",
    }


_DOCS = ("title", "description", "examples")


def _one_voice(schema: dict[str, Any]) -> None:
    """Give every property one title, description and set of examples (see the docstring).

    yaml-language-server joins the titles of an ``anyOf``'s branches (``Id || Id``) when it
    cannot tell the branches apart by title, description and properties, so a value branch
    keeps its property's title and the ``null`` branch of an optional field is titled
    ``none``. An enum's class name (``StageIcon``) is no heading for a key: it is dropped.
    """
    defs = schema.get("$defs", {})
    for model in (schema, *defs.values()):
        for name, prop in model.get("properties", {}).items():
            title = prop.setdefault("title", name.replace("_", " ").title())
            for branch in (*prop.get("anyOf", ()), *prop.get("oneOf", ())):
                if "$ref" in branch:
                    continue
                for key in _DOCS:
                    if key in branch:
                        prop.setdefault(key, branch.pop(key))
                branch["title"] = "none" if branch.get("type") == "null" else title
    for model in defs.values():
        if "enum" in model:
            model.pop("title", None)


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_json(*, persona: bool = False) -> str:
    """The schema as ``cjmap schema`` prints it (``persona=True``: the persona file schema)."""
    return dumps(persona_schema() if persona else map_schema())


def is_cjmap_schema(text: str) -> bool:
    """True when ``text`` is a schema cjmap wrote (so regenerating it loses nothing)."""
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return isinstance(data, dict) and data.get("$id") in (SCHEMA_ID, PERSONA_SCHEMA_ID)
