"""The money behind a day rate: equivalents, engagement cost, conversion fee, mis-hire risk."""

from __future__ import annotations

import pytest

from hireloop.kit.errors import HireloopError
from hireloop.rates.economics import rate_economics
from hireloop.reference.rate_card import RateCard


def test_hourly_and_annual_equivalents_use_the_working_day_count(card: RateCard) -> None:
    result = rate_economics(1200, 12, card, working_days_per_year=220)
    assert result.hourly_rate == pytest.approx(1200 / card.normalisation.hours_per_day)
    assert result.annualised == pytest.approx(1200 * 220)


def test_the_default_year_has_230_working_days(card: RateCard) -> None:
    assert card.economics.working_days_per_year.value == 230
    assert rate_economics(1000, 12, card).annualised == pytest.approx(230_000)


def test_engagement_cost_is_rate_times_days_in_the_window(card: RateCard) -> None:
    result = rate_economics(1000, 12, card, days_per_week=4)
    assert result.engagement_days == 48
    assert result.engagement_cost == pytest.approx(48_000)


def test_conversion_fee_is_15_to_25_percent_of_first_year_salary(card: RateCard) -> None:
    result = rate_economics(1000, 12, card, first_year_salary=200_000)
    assert (result.conversion_fee_low, result.conversion_fee_high) == pytest.approx(
        (30_000, 50_000)
    )


def test_a_mis_hire_costs_one_and_a_half_to_two_salaries(card: RateCard) -> None:
    result = rate_economics(1000, 12, card, first_year_salary=200_000)
    assert (result.mis_hire_cost_low, result.mis_hire_cost_high) == pytest.approx(
        (300_000, 400_000)
    )


def test_without_a_salary_the_reference_salary_is_used_and_named(card: RateCard) -> None:
    result = rate_economics(1000, 12, card)
    assert result.first_year_salary == card.economics.reference_salary.value
    assert card.economics.reference_salary.source in result.salary_source


def test_the_saving_of_a_lower_rate_is_shown_beside_the_mis_hire_cost(card: RateCard) -> None:
    result = rate_economics(1300, 12, card, first_year_salary=200_000, compare_day_rate=1450)
    assert result.saving_over_window == pytest.approx(150 * 60)
    line = result.lines[-1]
    assert "saves $150 x 60 days = $9,000" in line
    assert "mis-hire" in line


def test_nonsense_inputs_are_refused(card: RateCard) -> None:
    with pytest.raises(HireloopError):
        rate_economics(0, 12, card)
    with pytest.raises(HireloopError):
        rate_economics(1000, -1, card)
    with pytest.raises(HireloopError):
        rate_economics(1000, 12, card, days_per_week=8)
