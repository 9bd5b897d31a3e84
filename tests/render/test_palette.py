"""Every text colour on its background reaches WCAG AA (4.5:1)."""

from __future__ import annotations

from cjmap.render.palette import COLOURS, OKABE_ITO, TEXT_PAIRS, contrast, css_variables


def test_contrast_formula_on_known_values() -> None:
    assert round(contrast("#000000", "#FFFFFF"), 1) == 21.0
    assert round(contrast("#777777", "#FFFFFF"), 2) == 4.48


def test_every_text_pair_reaches_wcag_aa() -> None:
    low = {(f, b): round(contrast(COLOURS[f], COLOURS[b]), 2) for f, b in TEXT_PAIRS}
    assert {pair: ratio for pair, ratio in low.items() if ratio < 4.5} == {}


def test_feeling_and_status_marks_use_okabe_ito_hues() -> None:
    hues = set(OKABE_ITO.values())
    for name in ("neg", "pos", "pain", "opp", "mot", "brand"):
        assert COLOURS[name] in hues


def test_css_variables_cover_every_colour() -> None:
    assert dict(css_variables()) == {f"--c-{k}": v for k, v in COLOURS.items()}
