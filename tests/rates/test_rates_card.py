"""The packaged rate card: sourced figures, the stacking rule and user overrides."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from hireloop.kit.errors import HireloopError
from hireloop.reference.rate_card import RateCard, StackingRule, load_rate_card

RULE = StackingRule(further_fraction=0.5, cap=0.6, source="test", as_of=date(2026, 1, 1))


def test_every_market_the_product_speaks_of_is_on_the_card() -> None:
    card = load_rate_card()
    assert {"us", "us_standard", "sf_bay_area", "remote", "nyc"} <= set(card.market_ids())
    assert {"llm_rag", "mlops", "gpu_distributed", "production_debugging"} <= set(
        card.specialism_ids()
    )


def test_every_figure_names_its_source_and_date() -> None:
    card = load_rate_card()
    figures = [f for m in card.markets for f in m.figures]
    premiums = [p for s in card.specialisms for p in s.premiums]
    for item in [*figures, *premiums, *card.role_bands]:
        assert item.source.strip()
        assert item.as_of.year >= 2025


def test_sources_that_differ_are_both_kept() -> None:
    card = load_rate_card()
    us = card.find_market("us")
    assert us is not None
    assert {f.source for f in us.figures} == {"Signify Technology", "KORE1"}
    mlops = card.find_specialism("mlops")
    assert mlops is not None
    assert {(p.source, p.high) for p in mlops.premiums} >= {
        ("Signify Technology", 0.40),
        ("KORE1", 0.60),
    }


def test_the_bay_area_band_keeps_its_open_top() -> None:
    bay = load_rate_card().find_market("sf_bay_area")
    assert bay is not None
    assert bay.figures[0].open_top
    assert (bay.figures[0].low, bay.figures[0].high) == (1500, 2000)


def test_new_york_borrows_the_us_baseline_and_says_so(card: RateCard) -> None:
    nyc, us = card.find_market("nyc"), card.find_market("us")
    assert nyc is not None and us is not None
    assert not nyc.figures
    used, figures = card.figures_for(nyc)
    assert used.id == "us"
    assert figures == us.figures
    assert "New York" in nyc.note


def test_a_single_premium_applies_in_full() -> None:
    assert RULE.stack([0.3]) == pytest.approx(0.3)


def test_further_premiums_add_at_the_fraction_largest_first_whatever_the_order() -> None:
    assert RULE.stack([0.1, 0.3]) == pytest.approx(0.3 + 0.5 * 0.1)
    assert RULE.stack([0.3, 0.1]) == RULE.stack([0.1, 0.3])


def test_stacked_premiums_never_pass_the_cap() -> None:
    assert RULE.stack([0.5, 0.4, 0.3]) == pytest.approx(0.6)


def test_no_specialism_means_no_premium() -> None:
    assert RULE.stack([]) == 0.0


def test_a_user_can_load_their_own_rate_card(tmp_path: Path, card_data: dict[str, Any]) -> None:
    data = card_data
    data["markets"][0]["figures"] = [
        {"low": 1000, "high": 1400, "source": "Our desk", "as_of": "2026-03-01"}
    ]
    own = tmp_path / "own.yaml"
    own.write_text(yaml.safe_dump(data))
    card = load_rate_card(own)
    assert card.markets[0].figures[0].source == "Our desk"


def test_a_bad_rate_card_names_the_field_at_fault(
    tmp_path: Path, card_data: dict[str, Any]
) -> None:
    data = card_data
    del data["markets"][0]["figures"][0]["source"]
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data))
    with pytest.raises(HireloopError) as caught:
        load_rate_card(bad)
    assert any(d["field"] == "markets.0.figures.0.source" for d in caught.value.detail)


def test_a_fallback_to_a_missing_market_is_refused(
    tmp_path: Path, card_data: dict[str, Any]
) -> None:
    data = card_data
    for market in data["markets"]:
        if market["id"] == "nyc":
            market["fallback"] = "atlantis"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data))
    with pytest.raises(HireloopError) as caught:
        load_rate_card(bad)
    assert "atlantis" in str(caught.value.detail)
