"""Colours of a rendered map: the Okabe-Ito colour-blind-safe palette, with darker text shades.

The Okabe-Ito hues mark things (curve points, borders, icons); text uses a darker shade of the
same hue so it reaches WCAG AA contrast (4.5:1) on its background. The base template writes
these as CSS custom properties; tests check every text/background pair listed in ``TEXT_PAIRS``.
Colour is never the only signal: every coloured mark also has a shape, an icon or a word.
"""

from __future__ import annotations

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}

COLOURS: dict[str, str] = {
    "paper": "#FFFFFF",
    "ink": "#1B1F24",
    "muted": "#4A5360",
    "rule": "#C9CED6",
    "faint": "#F3F5F8",
    "band": "#1F3A5F",
    "band-ink": "#FFFFFF",
    "band-muted": "#D5DEEA",
    # Feeling valence: marks (Okabe-Ito) and text shades.
    "neg": OKABE_ITO["vermillion"],
    "neg-ink": "#A23F00",
    "neg-tint": "#FBEDE4",
    "pos": OKABE_ITO["green"],
    "pos-ink": "#00674B",
    "pos-tint": "#E3F4EE",
    "neu": "#6E7781",
    "neu-ink": "#4A5360",
    # Parts of the grid.
    "pain": OKABE_ITO["vermillion"],
    "pain-tint": "#FDF1EA",
    "opp": OKABE_ITO["blue"],
    "opp-ink": "#005587",
    "opp-tint": "#E8F2F9",
    "mot": OKABE_ITO["orange"],
    "mot-ink": "#7A4F00",
    "mot-tint": "#FFF6E0",
    "brand": OKABE_ITO["blue"],
    "brand-ink": "#005587",
    "brand-tint": "#E8F2F9",
    "current": "#8A929C",
    # Action-item status pills: tint background, dark text, icon and word.
    "todo-ink": "#4A5360",
    "todo-tint": "#EEF0F3",
    "doing-ink": "#005587",
    "doing-tint": "#E3EFF8",
    "done-ink": "#00674B",
    "done-tint": "#E3F4EE",
    "dropped-ink": "#5E5E5E",
    "dropped-tint": "#F0F0F0",
    "overdue-ink": "#A23F00",
}

TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("ink", "paper"),
    ("muted", "paper"),
    ("muted", "faint"),
    ("band-ink", "band"),
    ("band-muted", "band"),
    ("neg-ink", "paper"),
    ("neg-ink", "neg-tint"),
    ("pos-ink", "paper"),
    ("pos-ink", "pos-tint"),
    ("neu-ink", "paper"),
    ("opp-ink", "paper"),
    ("opp-ink", "opp-tint"),
    ("mot-ink", "mot-tint"),
    ("mot-ink", "paper"),
    ("brand-ink", "brand-tint"),
    ("ink", "pain-tint"),
    ("ink", "mot-tint"),
    ("ink", "opp-tint"),
    ("todo-ink", "todo-tint"),
    ("doing-ink", "doing-tint"),
    ("done-ink", "done-tint"),
    ("dropped-ink", "dropped-tint"),
    ("overdue-ink", "paper"),
)
"""Every (text colour, background colour) pair the stylesheet uses for text."""


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of ``#RRGGBB``."""
    value = hex_colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio, 1..21."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def css_variables() -> list[tuple[str, str]]:
    """(name, value) pairs for the ``:root`` block of the stylesheet."""
    return [(f"--c-{name}", value) for name, value in COLOURS.items()]
