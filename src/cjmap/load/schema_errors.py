"""Turn pydantic's validation errors into located diagnostics a map author can act on.

Pydantic reports a ``loc`` such as ``('current-state', 'stages', 0, 'feeling', 'score')``. Some
parts are union tags rather than keys, so the loc is walked against the raw data: parts that
name a key or index present in the data are kept, the others skipped. The kept path is looked
up in the positions the YAML reader recorded (the approach RenderCV takes with ruamel).
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, cast

from pydantic import BaseModel, ValidationError

from cjmap.diagnostics import Diagnostic
from cjmap.load import codes
from cjmap.load.references import id_problem
from cjmap.load.yamlsource import MAX_PROBLEMS, Path_, Positions, too_many
from cjmap.model import MODEL_BY_KIND, Persona
from cjmap.text import did_you_mean, echo

# An opportunity's scores on the prioritisation matrix, and what their scale means.
_SCORES = {
    "impact": "1 is little value for the customer and the business, 5 a lot",
    "effort": "1 is a day or two of work, 5 is months",
}

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


def unwrap_models(annotation: Any) -> list[type[BaseModel]]:
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
        models = unwrap_models(field.annotation)
        model = models[0] if models else None
    return model


def _field_name(path: Path_) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "value"


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
            message = f"unknown key {echo(name)}{did_you_mean(name, known)}"
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
            message = f"{echo(word)} is not a valid {name}{did_you_mean(str(word), choices)}"
            hint = "expected one of: " + ", ".join(choices) if choices else "check the spelling"
            if kind == "union_tag_invalid":
                pos = positions.value((*path, "kind"))
        elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            message = f"{name} must be {_bounds(ctx)}, got {echo(value)}"
            hint = "see docs/format.md for the allowed range"
            if name in ("score", "feeling"):
                message = f"feeling must be between -3 and +3, got {echo(value)}"
                hint = "-3 is the worst, 0 neutral, +3 the best"
            elif name in _SCORES:
                message = f"{name} must be a whole number from 1 to 5, got {echo(value)}"
                hint = _SCORES[name]
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
        elif kind in ("int_type", "int_parsing", "int_from_float") and name in _SCORES:
            message = f"{name} must be a whole number from 1 to 5, got {echo(value)}"
            hint = _SCORES[name]
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
        yield Diagnostic.error(file, pos, code, message, hint)


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


# Items of each list (and keys of each mapping) kept when a map has too many schema errors.
_CLIP = MAX_PROBLEMS


def schema_problems(
    exc: ValidationError,
    validate: Callable[[Any], object],
    data: Any,
    positions: Positions,
    file: str,
    model: type[BaseModel],
    others: Mapping[str, type[BaseModel]] | None = None,
    *,
    poisoned: frozenset[tuple[int, int]] = frozenset(),
) -> list[Diagnostic]:
    """Pydantic's errors as diagnostics, at most :data:`MAX_PROBLEMS` of them.

    A hostile map of a million wrong values makes a million errors, and turning them all into
    dictionaries takes seconds and a gigabyte. So past the cap the data is clipped to the first
    items of every list (their indexes, hence their positions, stay the same) and validated
    again: the errors reported are the real errors of those first items.

    Errors at ``poisoned`` positions (an alias, a tag, a number too long: already reported by
    the YAML reader) are left out; they would only repeat the first problem.
    """
    count = exc.error_count()
    if count > MAX_PROBLEMS:
        try:
            validate(_clip(data, _field_names(model)))
        except ValidationError as clipped:
            exc = clipped
    kind = data.get("kind") if isinstance(data, dict) else None
    tag = kind if isinstance(kind, str) and kind in MODEL_BY_KIND else None
    found = sorted(
        translate(exc, data, positions, file, model, dict(others or {}), root_tag=tag),
        key=Diagnostic.sort_key,
    )
    found = [d for d in found if (d.line, d.column) not in poisoned]
    if count <= MAX_PROBLEMS or not found:
        return found
    shown = found[:MAX_PROBLEMS]
    last = shown[-1]
    return [*shown, too_many(file, (last.line, last.column), (last.code, last.rule), count)]


def _clip(node: Any, known: frozenset[str]) -> Any:
    # Depth is capped by the YAML reader (MAX_DEPTH), so recursion is safe here.
    if isinstance(node, list):
        return [_clip(item, known) for item in node[:_CLIP]]
    if isinstance(node, dict):
        keys = list(node)
        kept = keys[:_CLIP] + [k for k in keys[_CLIP:] if k in known]
        return {k: _clip(node[k], known) for k in kept}
    return node


def _field_names(model: type[BaseModel]) -> frozenset[str]:
    """Every key any model reachable from ``model`` (or any map kind) defines."""
    names: set[str] = set()
    seen: set[type[BaseModel]] = set()
    stack: list[type[BaseModel]] = [model, Persona, *MODEL_BY_KIND.values()]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, info in current.model_fields.items():
            names.add(info.alias or name)
            stack.extend(unwrap_models(info.annotation))
    return frozenset(names)
