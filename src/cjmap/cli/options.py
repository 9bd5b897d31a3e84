"""Arguments and option values several commands share: one definition each, one message each.

``parse_date`` lives in ``values.py`` (no typer there, for the plain ``cjmap validate`` path)
and is imported from here too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cjmap.cli.values import parse_date

__all__ = ["MapPaths", "parse_date"]

MapPaths = Annotated[
    list[Path],
    typer.Argument(
        help="Map files, or folders to search for *.cjm.yaml files.", show_default=False
    ),
]
"""The maps a command works on (validate, render, actions)."""
