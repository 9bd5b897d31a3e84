"""Choices shared by several commands' options."""

from __future__ import annotations

from enum import StrEnum


class KindChoice(StrEnum):
    """The four kinds of map (and their templates), as command-line choices.

    Not ``cjmap.model.Kind``: that module imports pydantic, which `cjmap new` and `--help` do
    not need (a test keeps the two lists equal).
    """

    current_state = "current-state"
    future_state = "future-state"
    day_in_the_life = "day-in-the-life"
    empathy = "empathy"
