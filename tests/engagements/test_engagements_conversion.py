"""Conversion economics: the fee on the day, the window, salary against cost, the evidence."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hireloop.engagements.conversion import ConversionEconomics, Delivery, conversion_economics
from hireloop.engagements.errors import InvalidEngagementInput
from hireloop.reference.contract_defaults import DecliningFeeSchedule, add_months, months_served

START = date(2026, 1, 15)


def economics(**overrides: object) -> ConversionEconomics:
    args: dict[str, object] = {
        "day_rate": Decimal("1000"),
        "start": START,
        "conversion_fee_percent": Decimal("20"),
        "fee_schedule": None,
        "as_of": date(2026, 5, 20),
        "perm_salary": Decimal("210000"),
        "deliveries": [],
    }
    args.update(overrides)
    return conversion_economics(**args)  # type: ignore[arg-type]


def test_months_served_count_whole_months_from_the_start() -> None:
    assert economics(as_of=date(2026, 4, 14)).months_served == 2
    assert economics(as_of=date(2026, 4, 15)).months_served == 3


def test_the_conversion_window_runs_from_month_three_to_month_six() -> None:
    assert economics(as_of=date(2026, 4, 14)).in_conversion_window is False
    assert economics(as_of=date(2026, 4, 15)).in_conversion_window is True
    assert economics(as_of=date(2026, 7, 15)).in_conversion_window is True
    assert economics(as_of=date(2026, 7, 16)).in_conversion_window is False


def test_a_flat_fee_is_the_percent_of_the_perm_salary() -> None:
    assert economics().fee_owed == Decimal("42000.00")


def test_the_declining_schedule_is_applied_for_the_months_served() -> None:
    schedule = DecliningFeeSchedule(points_per_month=Decimal("2"), floor_percent=Decimal("10"))
    result = economics(fee_schedule=schedule, as_of=date(2026, 5, 20))
    # Four whole months served: 20% - 2 x 4 = 12% of 210,000 = 25,200
    assert result.fee_percent == Decimal("12")
    assert result.fee_owed == Decimal("25200.00")


def test_the_perm_salary_is_set_against_the_annualised_contract_cost() -> None:
    result = economics(day_rate=Decimal("1000"), perm_salary=Decimal("210000"))
    assert result.working_days_per_year == 230
    assert result.annualised_contract_cost == Decimal("230000.00")
    assert result.salary_minus_contract_cost == Decimal("-20000.00")


def test_the_working_year_can_be_set_by_the_caller() -> None:
    result = economics(working_days_per_year=220)
    assert result.annualised_contract_cost == Decimal("220000.00")


def test_only_deliveries_up_to_the_date_are_counted_in_date_order() -> None:
    later = Delivery(date=date(2026, 3, 2), shipped="Fraud model v2", metric="Chargebacks -18%")
    earlier = Delivery(date=date(2026, 2, 9), shipped="Feature pipeline", metric="Lag 4h -> 15m")
    future = Delivery(date=date(2026, 6, 1), shipped="Drift alerts", metric="MTTD 2d -> 1h")
    result = economics(deliveries=[later, future, earlier], as_of=date(2026, 5, 20))
    assert result.deliveries == (earlier, later)


def test_the_arithmetic_spells_out_every_figure() -> None:
    text = "\n".join(economics().arithmetic)
    for figure in ("20%", "$210,000.00", "$42,000.00", "$1,000.00", "230", "$230,000.00"):
        assert figure in text
    assert "-$20,000.00" in text
    assert "inside" in text


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"day_rate": Decimal("0")}, "day_rate"),
        ({"perm_salary": Decimal("-1")}, "perm_salary"),
        ({"conversion_fee_percent": Decimal("101")}, "conversion_fee_percent"),
        ({"as_of": START - timedelta(days=1)}, "as_of"),
        ({"working_days_per_year": 0}, "working_days_per_year"),
        ({"window_start_month": 6, "window_end_month": 3}, "window_end_month"),
        (
            {"deliveries": [Delivery(date=date(2025, 12, 1), shipped="x", metric="y")]},
            "deliveries",
        ),
    ],
)
def test_bad_inputs_are_typed_errors_naming_the_field(
    overrides: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidEngagementInput) as caught:
        economics(**overrides)
    assert caught.value.field == field


@given(
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    months=st.integers(min_value=0, max_value=36),
)
def test_a_month_anniversary_completes_exactly_that_many_months(start: date, months: int) -> None:
    anniversary = add_months(start, months)
    assert months_served(start, anniversary) == months
    if months > 0:
        assert months_served(start, anniversary - timedelta(days=1)) == months - 1
