"""The JSON Schema of the map format, generated from the models."""

from __future__ import annotations

import json
from typing import Any

SCHEMA_ID = "https://cjmap.dev/schema/v1.json"


def map_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) for a map file; persona files use ``$defs/Persona``."""
    from pydantic import TypeAdapter

    from cjmap.model import JourneyMap

    schema = TypeAdapter(JourneyMap).json_schema(mode="validation")
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "cjmap journey map, format version 1",
        "description": (
            "A customer journey map for cjmap. Keys are English; values may be in any language."
        ),
        **schema,
    }
    return schema


def schema_json() -> str:
    return json.dumps(map_schema(), indent=2, ensure_ascii=False) + "\n"
