"""Turn pydantic's validation errors into located diagnostics a map author can act on.

Pydantic reports a ``loc`` such as ``('current-state', 'stages', 0, 'feeling', 'score')``. Some
parts are union tags rather than keys, so the loc is walked against the raw data: parts that
name a key or index present in the data are kept, the others skipped. The kept path is looked
up in the positions the YAML reader recorded (the approach RenderCV takes with ruamel).
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterator, Mapping
from typing import Any, cast

from pydantic import BaseModel, ValidationError

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.load import codes
from cjmap.load.references import id_problem
from cjmap.load.yamlsource import Path_, Positions
from cjmap.text import echo

_QUOTED = re.compile(r"'([^']*)'")


def data_path(loc: tuple[str | int, ...], data: Any) -> tuple[Path_, list[str | int]]:
    """The part of ``loc`` that exists in ``data``, and the parts that did not match."""
    path: list[str | int] = []
    rest: list[str | int] = []
    node: Any = data
    for part in loc:
        if isinstance(node, dict):
            found = isinstance(part, str) and part in node
        elif isinstance(node, list):
            found = isinstance(part, int) and 0 <= part < len(node)
        else:
            found = False
        if found:
            path.append(part)
            node = cast(Any, node)[part]
        else:
            rest.append(part)
    return tuple(path), rest


def _unwrap_models(annotation: Any) -> list[type[BaseModel]]:
    """Every pydantic model an annotation may hold (through list, Optional, Annotated, unions)."""
    found: list[type[BaseModel]] = []
    stack = [annotation]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            found.append(item)
            continue
        origin = typing.get_origin(item)
        if origin is typing.Annotated:
            stack.append(typing.get_args(item)[0])
        elif origin in (list, typing.Union, types.UnionType) or origin is not None:
            stack.extend(typing.get_args(item))
    return found


def model_at(root: type[BaseModel], path: Path_) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path`` (None if not a model)."""
    model: type[BaseModel] | None = root
    for part in path:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        models = _unwrap_models(field.annotation)
        model = models[0] if models else None
    return model


def _field_name(path: Path_) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "value"


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _expected(ctx: dict[str, Any] | None) -> list[str]:
    if not ctx:
        return []
    text = str(ctx.get("expected") or ctx.get("expected_tags") or "")
    return _QUOTED.findall(text)


def _type_word(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def translate(
    exc: ValidationError,
    data: Any,
    positions: Positions,
    file: str,
    root_model: type[BaseModel],
    other_models: Mapping[str, type[BaseModel]] | None = None,
    root_tag: str | None = None,
) -> Iterator[Diagnostic]:
    """One diagnostic per pydantic error, with the position of the value (or key) at fault."""
    located = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        if root_tag is not None and loc[:1] == (root_tag,):
            # The discriminated union puts the kind first; `empathy` is both a kind and a key.
            loc = loc[1:]
        located.append((error, data_path(loc, data)))
    # A metric value is a number or text: for `.inf` the number branch says "finite number"
    # and the text branch "must be text"; only the first is what the writer meant.
    not_finite = {path for error, (path, _) in located if error["type"] == "finite_number"}
    for error, (path, rest) in located:
        kind = error["type"]
        if kind == "string_type" and path in not_finite:
            continue
        value = error.get("input")
        ctx = error.get("ctx")
        name = _field_name(path)
        code = codes.SCHEMA
        hint: str | None = None
        pos = positions.value(path)

        if kind == "extra_forbidden":
            code = codes.UNKNOWN_KEY
            pos = positions.key(path)
            parent = model_at(root_model, path[:-1])
            known = sorted(parent.model_fields) if parent else []
            message = f"unknown key {echo(name)}{_suggest(name, known)}"
            owner = _other_owner(name, path, other_models)
            if owner:
                message += f"; `{name}` belongs to {owner} maps"
                hint = f"remove it, or change `kind` to {owner}"
            elif known:
                hint = "known keys here: " + ", ".join(known)
        elif kind == "missing":
            code = codes.MISSING_KEY
            missing = rest[-1] if rest else name
            message = f"missing required key '{missing}'"
            hint = f"add `{missing}:` to this mapping"
        elif kind == "union_tag_not_found":
            code = codes.MISSING_KEY
            message = "missing required key 'kind'"
            hint = "add `kind:` current-state | future-state | day-in-the-life | empathy"
        elif kind in ("union_tag_invalid", "literal_error", "enum"):
            choices = _expected(ctx)
            word = value
            if kind == "union_tag_invalid":
                word, name = (ctx or {}).get("tag", value), "kind"
            message = f"{echo(word)} is not a valid {name}{_suggest(str(word), choices)}"
            hint = "expected one of: " + ", ".join(choices) if choices else "check the spelling"
            if kind == "union_tag_invalid":
                pos = positions.value((*path, "kind"))
        elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            message = f"{name} must be {_bounds(ctx)}, got {echo(value)}"
            hint = "see docs/format.md for the allowed range"
            if name in ("score", "feeling"):
                message = f"feeling must be between -3 and +3, got {echo(value)}"
                hint = "-3 is the worst, 0 neutral, +3 the best"
        elif kind == "string_pattern_mismatch":
            message, hint = _pattern_message(name, value)
        elif kind == "string_too_short":
            message = f"{name} must not be empty"
            hint = f"write a value for `{name}`, or remove the key"
        elif kind == "string_too_long":
            limit = (ctx or {}).get("max_length")
            message = f"{name} is too long ({len(str(value))} characters, at most {limit})"
            hint = "shorten it"
        elif kind.startswith("date") or kind.startswith("datetime"):
            message = f"{echo(value)} is not a valid date"
            hint = "write dates as YYYY-MM-DD, e.g. 2026-09-01"
        elif kind in ("list_type",):
            message = f"{name} must be a list, got {_type_word(value)}"
            hint = f"write `{name}: [first, second]` or one `- item` per line"
        elif kind == "model_type" and name == "feeling" and not isinstance(value, list | dict):
            # `feeling: 2.5`, `feeling: .nan`, `feeling: happy`: a number was meant.
            message = f"feeling must be a whole number from -3 to +3, got {echo(value)}"
            hint = "-3 is the worst, 0 neutral, +3 the best; or write {score: -1, label: anxious}"
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            message = f"{name} must be a mapping (key: value lines), got {_type_word(value)}"
            hint = "check the indentation: the keys below belong under this one"
            item = model_at(root_model, path) if path and isinstance(path[-1], int) else None
            if item is not None:
                # `touchpoints: [Web]`: the list is right, its items are not.
                required = [k for k, f in item.model_fields.items() if f.is_required()]
                keys = required or list(item.model_fields)[:2]
                message = (
                    f"each item of {name} must be a mapping (key: value lines), "
                    f"got {_type_word(value)}"
                )
                hint = "write each item as `- {" + ", ".join(f"{k}: ..." for k in keys) + "}`"
        elif kind in ("bool_type", "bool_parsing"):
            message = f"{name} must be true or false, got {echo(value)}"
            hint = f"write `{name}: true` or `{name}: false`"
        elif kind in ("int_type", "int_parsing", "int_from_float"):
            message = f"{name} must be a whole number, got {echo(value)}"
            hint = "write a number without quotes or decimals, e.g. 90"
        elif kind in ("string_type",):
            message = f"{name} must be text, got {_type_word(value)}"
            hint = "quote the value if it should be text"
        elif kind == "finite_number":
            message = f"{name} must be a finite number, got {echo(value)}"
            hint = 'write a number such as 3.5, or text such as "n/a" in quotes'
        else:
            message = f"{name}: {error['msg']}"
            hint = "see docs/format.md for what this key takes"
        yield Diagnostic(
            file=file,
            line=pos[0],
            column=pos[1],
            severity=Severity.error,
            code=code[0],
            rule=code[1],
            message=message,
            hint=hint,
        )


def _other_owner(
    key: str, path: Path_, other_models: Mapping[str, type[BaseModel]] | None
) -> str | None:
    if len(path) != 1 or not other_models:
        return None
    owners = [kind for kind, model in other_models.items() if key in model.model_fields]
    return " or ".join(owners) if owners else None


def _bounds(ctx: dict[str, Any] | None) -> str:
    if not ctx:
        return "in range"
    parts = []
    for key, word in (
        ("ge", "at least"),
        ("gt", "more than"),
        ("le", "at most"),
        ("lt", "less than"),
    ):
        if key in ctx:
            parts.append(f"{word} {ctx[key]}")
    return " and ".join(parts) or "in range"


def _pattern_message(name: str, value: Any) -> tuple[str, str]:
    if name == "time":
        return (
            f"{echo(value)} is not a time of day",
            'write times as "HH:MM", 24-hour, in quotes, e.g. "07:30" or "18:05"',
        )
    if name == "lang":
        return (
            f"{echo(value)} is not a language tag",
            "use a BCP 47 tag such as en, zh, ru, mk or pt-BR",
        )
    if isinstance(value, str):
        # Name the invisible character (bidi control, zero-width joiner...) the id hides.
        specific = id_problem(value)
        if specific is not None:
            return specific
    return (
        f"{echo(value)} is not a valid id",
        "ids are 1-64 letters (any script), digits, '-' and '_', starting with a letter",
    )
