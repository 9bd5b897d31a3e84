"""Building blocks shared by every part of a map: ids, feelings, enums."""

import re
import unicodedata
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

# The length (1-64) is checked apart: a bounded repeat of a Unicode class, `[\w-]{0,63}`, costs
# pydantic-core's regex compiler ~20 ms at every start; `*` with max_length=64 is the same test.
# Unicode properties, not \w: JSON Schema patterns are JavaScript regexes, whose \w is ASCII even
# with the `u` flag, so editors would flag every Chinese or Cyrillic id. pydantic-core (Rust
# regex) and yaml-language-server (`u` flag) both read \p{..}; Python's re does not, hence
# is_valid_id below (tests check that the two agree on every character).
ID_PATTERN = r"^\p{L}[\p{L}\p{M}\p{N}_-]*$"


def is_valid_id(value: str) -> bool:
    """True for 1-64 letters (any script, with their combining marks), digits, ``-`` and ``_``,
    starting with a letter: what :data:`ID_PATTERN` and the length limit accept."""
    if not 1 <= len(value) <= 64 or unicodedata.category(value[0])[0] != "L":
        return False
    return all(ch in "-_" or unicodedata.category(ch)[0] in "LMN" for ch in value)


def derive_id(name: str) -> str:
    """The id a stage gets from its name: lower-cased, spaces to ``-``, other characters dropped.

    Returns an empty string when nothing usable is left (the caller numbers the stage).
    """
    words = name.strip().lower().split()
    text = "-".join(words)
    text = "".join(ch for ch in text if ch in "-_" or unicodedata.category(ch)[0] in "LMN")
    text = re.sub(r"-{2,}", "-", text)
    while text and not (text[0].isalpha()):
        text = text[1:]
    return text[:64].rstrip("-_")


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, strings are trimmed."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        frozen=False,
        validate_default=False,
        use_attribute_docstrings=False,
        # Build validators on first use, not at import: commands that import the models but
        # validate no map (`cjmap rules`, usage errors) skip ~50 ms (docs/performance.md).
        defer_build=True,
    )


Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        min_length=1,
        max_length=64,
        description=(
            "Identifier, unique across the whole map (stages, pain points and opportunities "
            "share one namespace): 1-64 letters of any script, digits, `-` and `_`, "
            "starting with a letter."
        ),
        examples=["too-much-content"],
    ),
]

NonEmptyStr = Annotated[str, Field(min_length=1)]

TextList = Annotated[
    list[NonEmptyStr],
    Field(description="A list of short texts.", examples=[["Reads reviews"]]),
]


class Channel(StrEnum):
    """Where a touchpoint happens."""

    website = "website"
    app = "app"
    email = "email"
    social = "social"
    search = "search"
    ads = "ads"
    store = "store"
    phone = "phone"
    chat = "chat"
    reviews = "reviews"
    print = "print"
    events = "events"
    word_of_mouth = "word-of-mouth"
    other = "other"


class SourceKind(StrEnum):
    """The kind of research behind a persona."""

    interview = "interview"
    survey = "survey"
    analytics = "analytics"
    chatbot_logs = "chatbot-logs"
    support_tickets = "support-tickets"
    observation = "observation"
    other = "other"


class Status(StrEnum):
    """Progress of an action item."""

    todo = "todo"
    doing = "doing"
    done = "done"
    dropped = "dropped"


class StageIcon(StrEnum):
    """Icons cjmap bundles for a stage's column head (inline SVG, no external files)."""

    search = "search"
    compare = "compare"
    cart = "cart"
    pay = "pay"
    delivery = "delivery"
    unbox = "unbox"
    install = "install"
    support = "support"
    review = "review"
    share = "share"
    loyalty = "loyalty"
    return_ = "return"
    learn = "learn"
    signup = "signup"
    calendar = "calendar"
    idea = "idea"
    ad = "ad"
    store = "store"


class Feeling(Strict):
    """An emotion on the -3 (worst) .. +3 (best) scale, with an optional word for it."""

    score: int = Field(
        ge=-3,
        le=3,
        description="-3 (worst) .. +3 (best).",
        examples=[-1],
    )
    label: str | None = Field(
        default=None,
        min_length=1,
        max_length=80,
        description="A word for the emotion, shown beside the point on the curve.",
        examples=["anxious"],
    )


def _feeling_from_int(value: Any) -> Any:
    # A bare integer is shorthand for {score: N}; bool is an int subclass and must not pass.
    if isinstance(value, int) and not isinstance(value, bool):
        return {"score": value}
    return value


FeelingValue = Annotated[
    Feeling,
    BeforeValidator(_feeling_from_int),
    WithJsonSchema(
        {
            "description": (
                "The customer's emotion: an integer from -3 (worst) to +3 (best), "
                "or {score, label}."
            ),
            "oneOf": [
                {"type": "integer", "minimum": -3, "maximum": 3},
                {
                    "type": "object",
                    "properties": {
                        "score": {"type": "integer", "minimum": -3, "maximum": 3},
                        "label": {"type": "string", "minLength": 1, "maxLength": 80},
                    },
                    "required": ["score"],
                    "additionalProperties": False,
                },
            ],
            "examples": [-1, {"score": -1, "label": "anxious"}],
        }
    ),
]

MetricValue = Annotated[
    int | Annotated[float, Field(allow_inf_nan=False)] | str,
    Field(
        description='A number or a string such as "2.1%".',
        examples=["2.1%", 42],
        union_mode="left_to_right",
    ),
]
