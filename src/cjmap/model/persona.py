"""The persona: the one customer type a map follows (inline in a map, or its own file)."""

from pydantic import Field

from cjmap.model.common import NonEmptyStr, SourceKind, Strict


class Source(Strict):
    """One piece of research the persona rests on."""

    kind: SourceKind = Field(
        description=(
            "interview | survey | analytics | chatbot-logs | support-tickets | observation | other"
        ),
        examples=["interview"],
    )
    note: str | None = Field(
        default=None,
        description="What was done and when, e.g. how many interviews.",
        examples=["12 customer interviews, May 2026"],
    )


class Persona(Strict):
    """The customer the map follows. Shared personas live in their own YAML file."""

    name: NonEmptyStr = Field(description="The persona's name.", examples=["Curious Colleen"])
    profile: str | None = Field(
        default=None,
        description="A short profile: age, situation, work.",
        examples=["32, married, dual income, no children; self-employed"],
    )
    goals: list[NonEmptyStr] = Field(
        default_factory=list,
        description="What the persona wants to achieve.",
        examples=[["Find a vacuum that lasts"]],
    )
    needs: list[NonEmptyStr] = Field(
        default_factory=list,
        description="What the persona needs along the way.",
        examples=[["Quick, trustworthy comparisons"]],
    )
    frustrations: list[NonEmptyStr] = Field(
        default_factory=list,
        description="What gets in the persona's way (struggles).",
        examples=[["Sifting through content to find what she needs"]],
    )
    motivations: list[NonEmptyStr] = Field(
        default_factory=list,
        description="What drives the persona.",
        examples=[["Quality products"]],
    )
    quote: str | None = Field(
        default=None,
        description="Something the persona said, in their words.",
        examples=["I don't have time to read twenty reviews."],
    )
    sources: list[Source] = Field(
        default_factory=list,
        description="The research behind the persona; a persona built on guesses is a known failure.",
        examples=[[{"kind": "interview", "note": "12 customer interviews, May 2026"}]],
    )
