"""docs/format.md: every model, field, type, default, description and example, from the
models, with a complete example map of each kind built from the fields' examples."""

from __future__ import annotations

import enum
import io
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from cjmap.docgen.markdown import GENERATED_NOTE, anchor, cell, dedent


def _models() -> list[tuple[str, type[BaseModel]]]:
    from cjmap import model as m

    return [
        ("Every map", m.MapBase),
        ("current-state map", m.CurrentStateMap),
        ("future-state map", m.FutureStateMap),
        ("day-in-the-life map", m.DayInTheLifeMap),
        ("empathy map", m.EmpathyMap),
        ("Persona", m.Persona),
        ("Source", m.Source),
        ("Stage", m.Stage),
        ("Touchpoint", m.Touchpoint),
        ("PainPoint", m.PainPoint),
        ("Opportunity", m.Opportunity),
        ("ActionItem", m.ActionItem),
        ("Metric", m.Metric),
        ("Feeling", m.Feeling),
        ("Moment", m.Moment),
        ("Empathy", m.Empathy),
    ]


def _enums() -> list[type[enum.Enum]]:
    from cjmap import model as m

    return [m.Kind, m.Channel, m.SourceKind, m.Status, m.StageIcon]


def _model_title(model: type[Any]) -> str:
    for title, candidate in _models():
        if candidate is model:
            return title
    return model.__name__


def _inner(annotation: Any) -> Iterator[Any]:
    """The types inside an annotation: unions, Annotated, lists."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _inner(typing.get_args(annotation)[0])
    elif origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _inner(arg)
    else:
        yield annotation


def _constraints(annotation: Any, info: FieldInfo | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {}
    metadata = list(info.metadata) if info is not None else []
    if typing.get_origin(annotation) is typing.Annotated:
        for extra in typing.get_args(annotation)[1:]:
            metadata += [*getattr(extra, "metadata", []), extra]
    for item in metadata:
        for attr in ("ge", "le", "min_length", "max_length", "pattern"):
            value = getattr(item, attr, None)
            if value is not None:
                found.setdefault(attr, value)
    return found


def type_text(annotation: Any) -> str:
    """How the docs name a field's type, with links to models and enumerations."""
    import datetime as dt

    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return type_text(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        parts = [type_text(a) for a in typing.get_args(annotation) if a is not type(None)]
        return " or ".join(dict.fromkeys(parts))
    if origin is list:
        (item,) = typing.get_args(annotation)
        return f"list of {type_text(item)}"
    if origin is typing.Literal:
        return " or ".join(f"`{v}`" for v in typing.get_args(annotation))
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            title = _model_title(annotation)
            if annotation.__name__ == "Feeling":
                return "integer -3..3 or [Feeling](#feeling)"
            return f"[{title}](#{anchor(title)})"
        if issubclass(annotation, enum.Enum):
            return f"[{annotation.__name__}](#{anchor(annotation.__name__)})"
        if annotation is bool:
            return "boolean"
        if annotation is int:
            return "integer"
        if annotation is float:
            return "number"
        if annotation is str:
            return "text"
        if annotation is dt.date:
            return "date (YYYY-MM-DD)"
    return str(annotation)


def _field_type(name: str, info: FieldInfo) -> str:
    text = type_text(info.annotation)
    if text == "text or [Persona](#persona)":
        text = "text (a path) or [Persona](#persona)"
    if text == "integer or number or text":
        text = "number or text"
    limits = _constraints(info.annotation, info)
    if "ge" in limits and "le" in limits:
        text += f", {limits['ge']}..{limits['le']}"
    if "pattern" in limits and name in ("time", "lang"):
        text += {"time": ' "HH:MM"', "lang": " (BCP 47 tag)"}[name]
    if limits.get("max_length") is not None and text == "text":
        text += f", at most {limits['max_length']} characters"
    return text


def _default_text(info: FieldInfo) -> str:
    if info.is_required():
        return "**required**"
    if info.default_factory is not None:
        value = info.default_factory()  # type: ignore[call-arg]
        if value == []:
            return "`[]`"
        return "empty"
    default = info.default
    if default is None:
        return "none"
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    if isinstance(default, enum.Enum):
        return f"`{default.value}`"
    return f"`{default}`"


def _example_text(info: FieldInfo) -> str:
    if not info.examples:
        return ""
    return "<br>".join(f"`{_flow(_typed_example(info, e))}`" for e in info.examples)


def _flow(value: Any) -> str:
    """A value in YAML flow style, on one line."""
    return _yaml(value, flow=True).strip().replace("|", "\\|")


def _styled(value: Any, *, flow: bool, in_flow: bool = False) -> Any:
    """Plain data as ruamel's round-trip types: short lists and feelings in flow style; strings
    in flow style quoted when they hold punctuation (libyaml is stricter there than ruamel's
    emitter), and times quoted (a YAML 1.1 reader takes 07:30 for a number)."""
    import re

    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(value, dict):
        as_flow = in_flow or flow or set(value) <= {"score", "label"}
        mapping = CommentedMap(
            (k, _styled(v, flow=flow, in_flow=as_flow)) for k, v in value.items()
        )
        if as_flow:
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        as_flow = in_flow or flow or all(not isinstance(v, dict | list) for v in value)
        seq = CommentedSeq(_styled(v, flow=flow, in_flow=as_flow) for v in value)
        if as_flow:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and (
        re.fullmatch(r"\d\d:\d\d", value) or (in_flow and re.search(r"[^\w .%/-]", value))
    ):
        return DoubleQuotedScalarString(value)
    return value


def _yaml(value: Any, *, flow: bool = False) -> str:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    yaml.width = 4096 if flow else 100
    buffer = io.StringIO()
    yaml.dump(_styled(value, flow=flow), buffer)
    text = buffer.getvalue()
    return text[: -len("...\n")] if text.endswith("...\n") else text


def example_data(model: type[BaseModel]) -> dict[str, Any]:
    """A full instance of ``model`` as plain data: every field's first example, nested models
    built the same way (a list of models gets one item)."""
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        nested = [t for t in _nested_models(info.annotation)]
        if nested:
            sub = example_data(nested[0])
            data[name] = [sub] if _is_list(info.annotation) else sub
        elif info.examples:
            data[name] = _typed_example(info, info.examples[0])
    return data


def _typed_example(info: FieldInfo, value: Any) -> Any:
    """Date examples as dates (the models' examples hold them as strings for the schema)."""
    import datetime as dt

    if isinstance(value, str) and dt.date in set(_inner(info.annotation)):
        return dt.date.fromisoformat(value)
    return value


def _nested_models(annotation: Any) -> Iterator[type[BaseModel]]:
    for inner in _inner(annotation):
        if typing.get_origin(inner) is list:
            yield from _nested_models(typing.get_args(inner)[0])
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            yield inner


def _is_list(annotation: Any) -> bool:
    return any(typing.get_origin(inner) is list for inner in _inner(annotation))


def example_maps() -> dict[str, str]:
    """One complete example map per kind, as YAML text (tests validate each one)."""
    from cjmap.model import MODEL_BY_KIND

    out: dict[str, str] = {}
    for kind, model in MODEL_BY_KIND.items():
        data = example_data(model)
        if kind != "future-state":
            # `resolves` names pain points of a compared map: future-state maps only.
            for stage in data.get("stages", []):
                for opportunity in stage.get("opportunities", []):
                    opportunity.pop("resolves", None)
        ordered = {"cjmap": data.pop("cjmap"), "kind": data.pop("kind"), **data}
        out[kind] = _yaml(ordered)
    return out


def format_markdown() -> str:
    """The map format reference."""
    from cjmap.model import MapBase

    out = [
        "# Map format reference (format version 1)",
        "",
        GENERATED_NOTE.format(source="the models in src/cjmap/model/"),
        "",
        "One map is one YAML file, `*.cjm.yaml` by convention. Keys are English; every value a",
        "person writes may be in any language. Unknown keys are errors, reported with the closest",
        "known key. Every error names the file, line and column of the offending value.",
        "",
        "The first line of a map can point editors at the JSON Schema for completion and hover",
        "docs: `# yaml-language-server: $schema=cjmap.schema.json` (see [editors.md](editors.md)).",
        "",
        "- **Ids**: 1 to 64 letters of any script, digits, `-` and `_`, starting with a letter;",
        "  unique across the whole map (stages, pain points and opportunities share one",
        "  namespace). A stage without `id` gets one from its name (lower-cased, spaces to `-`).",
        "- **Paths** (`persona`, `compares`) are relative to the map's own file and may not leave",
        "  the project root: the nearest folder above the map holding `.cjmap.yaml`,",
        "  `pyproject.toml` or `.git`, else the map's own folder. Write them with forward slashes",
        "  (`personas/colleen.yaml`) and in the file's exact case: backslashes, drive letters",
        "  (`C:\\...`) and a path whose case differs from the file's name (which opens on macOS and",
        "  Windows, not on Linux CI) are errors on every system.",
        "- **`kind`** decides which of `stages`, `moments`, `empathy` a map holds; the others are",
        "  errors.",
        "",
        "## Contents",
        "",
    ]
    for title, _ in _models():
        out.append(f"- [{title}](#{anchor(title)})")
    out.append(
        "- Lists of values: "
        + ", ".join(f"[{e.__name__}](#{anchor(e.__name__)})" for e in _enums())
    )
    out.append("- [Example maps](#example-maps)")
    out.append("")
    header = set(MapBase.model_fields)
    for title, model in _models():
        out += [f"## {title}", ""]
        doc = dedent(model.__doc__ or "")
        if model is not MapBase and issubclass(model, MapBase):
            doc += " Every key of [every map](#every-map), and:"
        out += [doc, ""]
        out += [
            "| Key | Type | Default | Description | Example |",
            "| --- | --- | --- | --- | --- |",
        ]
        for name, info in model.model_fields.items():
            if model is not MapBase and issubclass(model, MapBase) and name in header:
                continue
            out.append(
                f"| `{name}` | {_field_type(name, info)} | {_default_text(info)} | "
                f"{cell(info.description or '')} | {_example_text(info)} |"
            )
        out.append("")
    out += ["## Lists of values", ""]
    for enum_type in _enums():
        out += [f"### {enum_type.__name__}", "", dedent(enum_type.__doc__ or ""), ""]
        out.append(", ".join(f"`{member.value}`" for member in enum_type))
        out.append("")
    out += [
        "## Example maps",
        "",
        "Built from the examples above. Each one is valid in the format (a test loads it); the",
        "linter in `cjmap validate` still asks for more, such as at least three stages.",
        "",
    ]
    for kind, text in example_maps().items():
        out += [f"### {kind}", "", "```yaml", text.rstrip(), "```", ""]
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------------------------
# The set of generated files
