"""The rate chart is valid SVG showing the band, signals, proposed rate and clearing estimate."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

from hireloop.rates.chart import rate_chart_svg
from hireloop.rates.check import check_rate
from hireloop.rates.signals import AggregatorSignal, LiveSignal
from hireloop.reference.rate_card import Market, RateCard

SVG = "{http://www.w3.org/2000/svg}"
DAY = date(2026, 4, 1)


def _signals(market: str = "us") -> list[AggregatorSignal | LiveSignal]:
    def when(days: int) -> date:
        return DAY - timedelta(days=days)

    base = {"market": market, "unit": "day", "basis": "1099"}
    return [
        AggregatorSignal(source="Survey A", as_of=when(60), p25=900, p50=1000, p75=1100, **base),
        AggregatorSignal(source="Survey B", as_of=when(20), low=950, high=1150, **base),
        LiveSignal(kind="placement", source="Desk", rate=1080, as_of=when(5), **base),
        LiveSignal(kind="pulled_offer", source="Desk", rate=990, as_of=when(9), **base),
        LiveSignal(kind="competing_process", source="Desk", rate=1120, as_of=when(2), **base),
        LiveSignal(
            kind="placement",
            source="Desk",
            rate=2000,
            as_of=when(2),
            **{**base, "market": "remote"},
        ),
    ]


def test_the_chart_is_well_formed_svg_with_a_mark_per_used_signal(card: RateCard) -> None:
    signals = _signals()
    result = check_rate(1050, "us", [], "1099", signals, DAY, card)
    root = ET.fromstring(rate_chart_svg(result, signals))
    assert root.tag == f"{SVG}svg"
    circles = root.findall(f".//{SVG}circle")
    # one placement in the plot plus one in the legend; the remote placement is not plotted
    assert len(circles) == 2
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert "Signal date" in texts
    assert any(t.startswith("Proposed $1,050") for t in texts)
    assert any(t.startswith("Clearing $") for t in texts)
    assert any("1 ignored" in t for t in texts)


def test_the_clearing_estimate_is_dashed_and_the_band_shaded(card: RateCard) -> None:
    signals = _signals()
    result = check_rate(1050, "us", [], "1099", signals, DAY, card)
    root = ET.fromstring(rate_chart_svg(result, signals))
    assert any(line.get("stroke-dasharray") for line in root.iter(f"{SVG}line"))
    assert any(rect.get("fill-opacity") for rect in root.iter(f"{SVG}rect"))


def test_text_from_a_users_rate_card_is_escaped(card: RateCard) -> None:
    odd = Market(id='r&d <"lab">', name="Odd", figures=[], fallback="us")
    own = card.model_copy(update={"markets": [*card.markets, odd]})
    result = check_rate(1050, odd.id, [], "1099", [], DAY, own)
    svg = rate_chart_svg(result, [])
    root = ET.fromstring(svg)
    title = root.find(f"{SVG}title")
    assert title is not None and odd.id in (title.text or "")


def test_a_chart_with_no_signals_still_draws(card: RateCard) -> None:
    result = check_rate(1400, "sf_bay_area", ["llm_rag"], "1099", [], DAY, card)
    root = ET.fromstring(rate_chart_svg(result, [], width=400, height=240))
    assert root.get("width") == "400"
