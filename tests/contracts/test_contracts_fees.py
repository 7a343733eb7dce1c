"""The conversion fee owed: a percent of first-year salary, perhaps falling with months served."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hireloop.contracts.errors import InvalidTerm
from hireloop.contracts.terms import TermSheet, fee_owed, parse_terms


def terms_with(fee: str, schedule: dict[str, str] | None = None) -> TermSheet:
    return parse_terms(
        {"engagement_type": "w2", "conversion_fee_percent": fee, "fee_schedule": schedule}
    )


def test_a_flat_fee_is_the_percent_of_salary() -> None:
    calc = fee_owed(terms_with("20"), Decimal("210000"), months_served=4)
    assert calc.fee == Decimal("42000.00")
    assert calc.applied_percent == Decimal("20")


def test_a_declining_schedule_takes_points_off_per_month_served() -> None:
    terms = terms_with("25", {"points_per_month": "2", "floor_percent": "10"})
    calc = fee_owed(terms, Decimal("200000"), months_served=4)
    # 25% - 2 points x 4 months = 17%; 17% of 200,000 = 34,000
    assert calc.applied_percent == Decimal("17")
    assert calc.fee == Decimal("34000.00")


def test_a_declining_schedule_stops_at_its_floor() -> None:
    terms = terms_with("20", {"points_per_month": "3", "floor_percent": "8"})
    calc = fee_owed(terms, Decimal("180000"), months_served=10)
    assert calc.applied_percent == Decimal("8")
    assert calc.fee == Decimal("14400.00")


def test_the_arithmetic_shows_each_step_with_its_figures() -> None:
    terms = terms_with("25", {"points_per_month": "2", "floor_percent": "10"})
    calc = fee_owed(terms, Decimal("200000"), months_served=4)
    text = "\n".join(calc.arithmetic)
    for figure in ("25%", "2%", "4 months", "17%", "$200,000.00", "$34,000.00"):
        assert figure in text


def test_the_fee_is_rounded_to_cents() -> None:
    calc = fee_owed(terms_with("17.5"), Decimal("123456.78"), months_served=0)
    assert calc.fee == Decimal("21604.94")


@pytest.mark.parametrize(
    ("salary", "months", "field"), [("0", 3, "salary"), ("90000", -1, "months_served")]
)
def test_fee_inputs_are_checked(salary: str, months: int, field: str) -> None:
    with pytest.raises(InvalidTerm) as caught:
        fee_owed(terms_with("20"), Decimal(salary), months_served=months)
    assert caught.value.field == field


@given(
    months=st.integers(min_value=0, max_value=24),
    later=st.integers(min_value=0, max_value=24),
    salary=st.integers(min_value=1, max_value=1_000_000),
)
def test_serving_longer_never_raises_the_fee_and_it_never_drops_below_the_floor(
    months: int, later: int, salary: int
) -> None:
    terms = terms_with("22", {"points_per_month": "1.5", "floor_percent": "12"})
    earlier = fee_owed(terms, Decimal(salary), months_served=months)
    after = fee_owed(terms, Decimal(salary), months_served=months + later)
    assert after.fee <= earlier.fee
    assert Decimal("12") <= after.applied_percent <= Decimal("22")
