"""``cjmap schema``: the JSON Schema editors use for completion and hover docs."""

from __future__ import annotations

from cjmap.cli import app


@app.command()
def schema() -> None:
    """Print the JSON Schema of the map format (docs/schema.json is a copy of it)."""
    from cjmap.schema import schema_json

    print(schema_json(), end="")
