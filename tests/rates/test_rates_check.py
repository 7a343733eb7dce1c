"""Checking a proposed day rate: validation rules, clearing estimate, verdicts and staleness."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pytest

from hireloop.kit.errors import HireloopError
from hireloop.rates.check import CheckPolicy, RateCheck, check_rate, is_stale
from hireloop.rates.signals import AggregatorSignal, LiveSignal
from hireloop.reference.rate_card import RateCard

DAY = date(2026, 4, 1)


def aggregator(
    source: str,
    median: float = 1000,
    *,
    days_old: int = 10,
    market: str = "us",
    specialism: str | None = None,
    spread: tuple[float, float] | None = None,
) -> AggregatorSignal:
    """A day-rate figure; unless told, its p25 and p75 sit 10% either side of the median."""
    spread = spread or (median - median / 10, median + median / 10)
    return AggregatorSignal(
        source=source,
        market=market,
        specialism=specialism,
        unit="day",
        basis="1099",
        as_of=DAY - timedelta(days=days_old),
        p25=spread[0],
        p50=median,
        p75=spread[1],
        n=50,
    )


def live(
    rate: float = 1000,
    *,
    days_old: int = 5,
    kind: str = "placement",
    market: str = "us",
    specialism: str | None = None,
) -> LiveSignal:
    return LiveSignal.model_validate(
        {
            "kind": kind,
            "source": "Our desk",
            "rate": rate,
            "unit": "day",
            "basis": "1099",
            "market": market,
            "specialism": specialism,
            "as_of": DAY - timedelta(days=days_old),
        }
    )


def full_set(median: float = 1000) -> list[AggregatorSignal | LiveSignal]:
    return [aggregator("Survey A", median), aggregator("Survey B", median), live(median)]


def run_check(
    card: RateCard,
    rate: float,
    signals: Sequence[AggregatorSignal | LiveSignal],
    *,
    market: str = "us",
    specialisms: Sequence[str] = (),
    basis: str = "1099",
    as_of: date = DAY,
    policy: CheckPolicy | None = None,
) -> RateCheck:
    return check_rate(rate, market, specialisms, basis, signals, as_of, card, policy)


# Validation rules


def test_two_distinct_aggregators_and_a_fresh_live_signal_validate(card: RateCard) -> None:
    result = run_check(card, 1000, full_set())
    assert result.validated
    assert result.missing == []
    assert len(result.signals_used) == 3


def test_no_signals_at_all_is_not_validated_and_says_what_is_missing(card: RateCard) -> None:
    result = run_check(card, 1000, [])
    assert not result.validated
    assert len(result.missing) == 2
    assert "aggregator" in result.missing[0]
    assert "live market signal" in result.missing[1]
    assert result.band.origin == "rate_card"


def test_two_figures_from_the_same_source_count_as_one(card: RateCard) -> None:
    signals = [aggregator("Survey A"), aggregator("survey a ", 1050), live()]
    result = run_check(card, 1000, signals)
    assert not result.validated
    assert result.missing == [
        "needs a second aggregator from a different source (has only Survey A)"
    ]


def test_an_aggregator_exactly_365_days_old_still_counts(card: RateCard) -> None:
    signals = [aggregator("Survey A", days_old=365), aggregator("Survey B"), live()]
    assert run_check(card, 1000, signals).validated


def test_an_aggregator_366_days_old_is_ignored_as_stale(card: RateCard) -> None:
    signals = [aggregator("Survey A", days_old=366), aggregator("Survey B"), live()]
    result = run_check(card, 1000, signals)
    assert not result.validated
    assert [i.reason for i in result.signals_ignored] == ["stale: 366 days old (limit 365)"]


def test_a_live_signal_exactly_30_days_old_still_counts(card: RateCard) -> None:
    signals = [aggregator("Survey A"), aggregator("Survey B"), live(days_old=30)]
    assert run_check(card, 1000, signals).validated


def test_an_old_live_signal_is_reported_with_its_age(card: RateCard) -> None:
    signals = [aggregator("Survey A"), aggregator("Survey B"), live(days_old=45)]
    result = run_check(card, 1000, signals)
    assert not result.validated
    assert result.missing == ["latest live signal is 45 days old; needs one from the last 30 days"]


def test_the_age_limits_are_a_policy_the_user_can_set(card: RateCard) -> None:
    signals = [aggregator("Survey A"), aggregator("Survey B"), live(days_old=45)]
    policy = CheckPolicy(live_max_age_days=60)
    assert run_check(card, 1000, signals, policy=policy).validated


def test_signals_for_another_market_or_specialism_are_ignored_with_the_reason(
    card: RateCard,
) -> None:
    signals = [
        *full_set(),
        aggregator("Survey C", market="remote"),
        live(specialism="gpu_distributed"),
        live(days_old=-3),
    ]
    result = run_check(card, 1000, signals, specialisms=["llm_rag"])
    reasons = {i.index: i.reason for i in result.signals_ignored}
    assert reasons[3] == "other market (remote)"
    assert reasons[4] == "other specialism (gpu_distributed)"
    assert "after the check date" in reasons[5]
    assert sorted(u.index for u in result.signals_used) == [0, 1, 2]


# Clearing estimate


def test_live_signals_weigh_more_than_aggregators(card: RateCard) -> None:
    signals = [aggregator("Survey A"), aggregator("Survey B"), live(1300)]
    result = run_check(card, 1000, signals)
    plain_mean = (1000 + 1000 + 1300) / 3
    weight = CheckPolicy().live_weight
    assert result.clearing_day_rate > plain_mean
    assert result.clearing_day_rate == pytest.approx((2000 + weight * 1300) / (2 + weight))


def test_generalist_figures_are_raised_by_the_stacked_specialism_premium(card: RateCard) -> None:
    result = run_check(card, 1000, full_set(), specialisms=["llm_rag", "mlops"])
    premiums = [s.premium_mid for s in card.specialisms if s.id in ("llm_rag", "mlops")]
    stacked = card.stacking.stack(premiums)
    assert result.premium == pytest.approx(stacked)
    assert result.clearing_day_rate == pytest.approx(1000 * (1 + stacked), abs=0.01)


def test_a_specialist_figure_is_taken_as_it_is_for_its_own_specialism(card: RateCard) -> None:
    signals = [
        aggregator("Survey A", 1500, specialism="llm_rag"),
        aggregator("Survey B", 1500, specialism="llm_rag"),
        live(1500, specialism="llm_rag"),
    ]
    result = run_check(card, 1500, signals, specialisms=["llm_rag"])
    assert result.clearing_day_rate == pytest.approx(1500)


def test_without_signals_the_estimate_is_the_middle_of_the_card_band(card: RateCard) -> None:
    result = run_check(card, 1000, [], market="us_standard")
    standard = card.find_market("us_standard")
    assert standard is not None
    low, high = standard.figures[0].low, standard.figures[0].high
    assert result.clearing_day_rate == pytest.approx((low + high) / 2)
    assert (result.band.low, result.band.high) == (low, high)


def test_the_estimate_is_on_the_basis_of_the_proposed_rate(card: RateCard) -> None:
    w2 = run_check(card, 900, full_set(), basis="w2")
    factor = card.normalisation.basis_factors["w2"].factor
    assert w2.clearing_day_rate == pytest.approx(1000 / factor, abs=0.01)


def test_a_market_without_figures_uses_its_fallback_and_says_so(card: RateCard) -> None:
    result = run_check(card, 1000, [], market="nyc")
    assert result.figures_market == "us"
    assert any("nyc has no figures of its own" in line for line in result.explanation)


def test_unknown_market_or_specialism_is_a_user_error(card: RateCard) -> None:
    with pytest.raises(HireloopError, match="atlantis"):
        run_check(card, 1000, [], market="atlantis")
    with pytest.raises(HireloopError, match="quant"):
        run_check(card, 1000, [], specialisms=["quant"])
    with pytest.raises(HireloopError):
        run_check(card, -5, [])


# Verdicts: the clearing estimate is 1000 and the band 900-1100 in all of these


@pytest.mark.parametrize(
    ("rate", "verdict"),
    [
        (1100, "competitive"),
        (1000, "competitive"),
        (999, "tight"),
        (911, "tight"),
        (910, "at_risk"),  # exactly 9% below
        (870, "at_risk"),  # exactly 13% below
        (869, "below_market"),
        (1101, "above_band"),
    ],
)
def test_verdict_follows_the_gap_below_the_clearing_estimate(
    card: RateCard, rate: float, verdict: str
) -> None:
    result = run_check(card, rate, full_set())
    assert result.clearing_day_rate == pytest.approx(1000)
    assert result.verdict == verdict


def test_percentile_reads_the_band_as_the_middle_half_of_the_market(card: RateCard) -> None:
    assert run_check(card, 900, full_set()).percentile == pytest.approx(25)
    assert run_check(card, 1000, full_set()).percentile == pytest.approx(50)
    assert run_check(card, 1050, full_set()).percentile == pytest.approx(62.5)
    assert run_check(card, 1100, full_set()).percentile == pytest.approx(75)


def test_above_an_open_topped_band_says_the_top_is_open(card: RateCard) -> None:
    result = run_check(card, 2500, [], market="sf_bay_area")
    assert result.verdict == "above_band"
    assert result.band.open_top
    assert any("open-ended" in line for line in result.explanation)


def test_the_explanation_shows_the_arithmetic(card: RateCard) -> None:
    salary = AggregatorSignal(
        source="Salary survey",
        market="us",
        unit="year",
        basis="salary",
        as_of=DAY - timedelta(days=20),
        p50=208_000,
    )
    result = run_check(card, 1000, [salary, *full_set()])
    text = "\n".join(result.explanation)
    assert "$208,000/year / 2,080 h x 8 h = $800/day" in text
    assert "Clearing estimate: weighted mean of 4 signal(s)" in text


# Freshness of the validation


def test_a_validation_is_good_for_seven_days(card: RateCard) -> None:
    result = run_check(card, 1000, full_set())
    assert result.valid_until == DAY + timedelta(days=7)
    assert not is_stale(result, DAY + timedelta(days=6))
    assert is_stale(result, DAY + timedelta(days=7))


def test_a_check_is_json_serialisable(card: RateCard) -> None:
    dumped = run_check(card, 1000, full_set()).model_dump(mode="json")
    assert dumped["as_of"] == "2026-04-01"
    assert dumped["verdict"] == "competitive"


@pytest.mark.parametrize("kind", ["placement", "pulled_offer", "competing_process"])
def test_each_kind_of_live_signal_counts_toward_validation(card: RateCard, kind: str) -> None:
    signals = [aggregator("Survey A"), aggregator("Survey B"), live(kind=kind)]
    assert run_check(card, 1000, signals).validated


def test_only_stale_aggregators_are_reported_with_the_age_of_the_latest(card: RateCard) -> None:
    signals = [aggregator("Survey A", days_old=400), aggregator("Survey B", days_old=500), live()]
    result = run_check(card, 1000, signals)
    assert result.missing == [
        "needs 2 aggregator figures from different sources; none usable (latest is 400 days old;"
        " they must be from the last 365 days)"
    ]
