"""Every figure becomes a day rate on one basis before it is compared."""

from __future__ import annotations

from datetime import date

import pytest

from hireloop.rates.normalise import to_day_rate
from hireloop.reference.rate_card import BasisFactor, Normalisation, RateCard


def _rules(w2: float = 1.2, salary: float = 1.5) -> Normalisation:
    def factor(value: float) -> BasisFactor:
        return BasisFactor(factor=value, source="test", as_of=date(2026, 1, 1), why="test")

    return Normalisation(
        hours_per_day=8,
        hours_per_year=2080,
        source="test",
        as_of=date(2026, 1, 1),
        basis_factors={
            "1099": factor(1.0),
            "c2c": factor(1.0),
            "w2": factor(w2),
            "salary": factor(salary),
        },
    )


def test_an_hourly_rate_is_eight_hours_to_the_day() -> None:
    result = to_day_rate(120, "hour", "1099", rules=_rules())
    assert result.value == pytest.approx(960)
    assert "x 8 h" in result.arithmetic


def test_a_salary_is_spread_over_2080_hours_then_loaded_for_benefits() -> None:
    result = to_day_rate(208_000, "year", "salary", "1099", rules=_rules(salary=1.5))
    assert result.value == pytest.approx(208_000 / 2080 * 8 * 1.5)
    assert "2,080 h" in result.arithmetic
    assert "salary to 1099" in result.arithmetic


def test_a_w2_rate_is_raised_to_compare_with_a_1099_rate_and_back() -> None:
    rules = _rules(w2=1.2)
    as_1099 = to_day_rate(1000, "day", "w2", "1099", rules=rules)
    assert as_1099.value == pytest.approx(1200)
    back = to_day_rate(as_1099.value, "day", "1099", "w2", rules=rules)
    assert back.value == pytest.approx(1000)


def test_corp_to_corp_and_1099_compare_one_to_one_by_default(card: RateCard) -> None:
    assert to_day_rate(1100, "day", "c2c", "1099").value == pytest.approx(1100)


def test_the_multiplier_reproduces_the_conversion() -> None:
    result = to_day_rate(90, "hour", "w2", "1099", rules=_rules())
    assert 90 * result.multiplier == pytest.approx(result.value)


def test_the_default_factors_come_from_the_rate_card_with_reasons(card: RateCard) -> None:
    factors = card.normalisation.basis_factors
    assert factors["w2"].factor > factors["1099"].factor
    assert factors["salary"].factor > factors["w2"].factor
    assert all(f.why.strip() for f in factors.values())
    expected = 100 * 8 * factors["w2"].factor / factors["1099"].factor
    assert to_day_rate(100, "hour", "w2").value == pytest.approx(expected)
