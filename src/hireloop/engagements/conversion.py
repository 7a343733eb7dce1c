"""Conversion economics: what converting a contractor to permanent costs on a given date.

The conversion window is open from the start month's anniversary to the end month's anniversary
of the engagement start, both days included (months 3-6 by default).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from pydantic import BaseModel, ConfigDict

from hireloop.engagements.errors import InvalidEngagementInput
from hireloop.reference.contract_defaults import (
    DecliningFeeSchedule,
    add_months,
    load_contract_defaults,
    months_served,
)

_CENT = Decimal("0.01")


class Delivery(BaseModel):
    """One piece of delivery evidence: what shipped, and the metric that showed it worked."""

    model_config = ConfigDict(frozen=True)

    date: dt.date
    shipped: str
    metric: str


class ConversionEconomics(BaseModel):
    """Fee, window and cost comparison for converting on `as_of`, with its working shown."""

    model_config = ConfigDict(frozen=True)

    as_of: dt.date
    start: dt.date
    months_served: int
    base_fee_percent: Decimal
    fee_percent: Decimal
    fee_owed: Decimal
    in_conversion_window: bool
    window_opens: dt.date
    window_closes: dt.date
    perm_salary: Decimal
    day_rate: Decimal
    working_days_per_year: int
    annualised_contract_cost: Decimal
    salary_minus_contract_cost: Decimal
    deliveries: tuple[Delivery, ...]
    arithmetic: tuple[str, ...]


def conversion_economics(
    *,
    day_rate: Decimal,
    start: dt.date,
    conversion_fee_percent: Decimal,
    fee_schedule: DecliningFeeSchedule | None,
    as_of: dt.date,
    perm_salary: Decimal,
    deliveries: Sequence[Delivery],
    working_days_per_year: int | None = None,
    window_start_month: int | None = None,
    window_end_month: int | None = None,
) -> ConversionEconomics:
    """The economics of converting on `as_of`; defaults for the window and year come from data."""
    ref = load_contract_defaults()
    working_days = _or_default(working_days_per_year, ref.working_days_per_year.value)
    opens_month = _or_default(window_start_month, ref.conversion_window.start_month)
    closes_month = _or_default(window_end_month, ref.conversion_window.end_month)
    _check_inputs(day_rate, perm_salary, conversion_fee_percent, working_days, start, as_of)
    if not 0 <= opens_month <= closes_month:
        raise InvalidEngagementInput(
            "window_end_month", "the conversion window must open before it closes"
        )
    for delivery in deliveries:
        if delivery.date < start:
            raise InvalidEngagementInput(
                "deliveries", f"delivery on {delivery.date} is dated before the start {start}"
            )

    served = months_served(start, as_of)
    opens, closes = add_months(start, opens_month), add_months(start, closes_month)
    in_window = opens <= as_of <= closes
    lines = [
        f"Months served: {served} (from {start} to {as_of})",
        f"Conversion window: {opens} to {closes}; {as_of} is "
        + ("inside it" if in_window else "outside it"),
        f"Base conversion fee: {_percent(conversion_fee_percent)} of first-year salary",
    ]
    fee_percent = conversion_fee_percent
    if fee_schedule is not None:
        fee_percent = fee_schedule.applied_percent(conversion_fee_percent, served)
        lines.append(
            f"Declining schedule: {_percent(conversion_fee_percent)} - "
            f"{_percent(fee_schedule.points_per_month)} x {served} months, "
            f"floor {_percent(fee_schedule.floor_percent)} = {_percent(fee_percent)}"
        )
    fee = _cents(perm_salary * fee_percent / 100)
    lines.append(f"Fee owed: {_percent(fee_percent)} x {_usd(perm_salary)} = {_usd(fee)}")
    annual_cost = _cents(day_rate * working_days)
    difference = perm_salary - annual_cost
    lines += [
        f"Annualised contract cost: {_usd(day_rate)} x {working_days} working days = "
        f"{_usd(annual_cost)}",
        f"Perm salary minus contract cost: {_usd(perm_salary)} - {_usd(annual_cost)} = "
        f"{_usd(difference)}",
    ]
    so_far = tuple(sorted((d for d in deliveries if d.date <= as_of), key=lambda d: d.date))
    lines.append(f"Deliveries logged so far: {len(so_far)}")
    return ConversionEconomics(
        as_of=as_of,
        start=start,
        months_served=served,
        base_fee_percent=conversion_fee_percent,
        fee_percent=fee_percent,
        fee_owed=fee,
        in_conversion_window=in_window,
        window_opens=opens,
        window_closes=closes,
        perm_salary=perm_salary,
        day_rate=day_rate,
        working_days_per_year=working_days,
        annualised_contract_cost=annual_cost,
        salary_minus_contract_cost=difference,
        deliveries=so_far,
        arithmetic=tuple(lines),
    )


def _check_inputs(
    day_rate: Decimal,
    perm_salary: Decimal,
    fee_percent: Decimal,
    working_days: int,
    start: dt.date,
    as_of: dt.date,
) -> None:
    if day_rate <= 0:
        raise InvalidEngagementInput("day_rate", "day rate must be greater than zero")
    if perm_salary <= 0:
        raise InvalidEngagementInput("perm_salary", "perm salary must be greater than zero")
    if not Decimal(0) <= fee_percent <= Decimal(100):
        raise InvalidEngagementInput(
            "conversion_fee_percent",
            f"conversion fee must be between 0 and 100%, got {fee_percent}",
        )
    if not 1 <= working_days <= 366:
        raise InvalidEngagementInput(
            "working_days_per_year", "working days per year must be between 1 and 366"
        )
    if as_of < start:
        raise InvalidEngagementInput("as_of", f"{as_of} is before the engagement start {start}")


def _or_default(value: int | None, default: int) -> int:
    return default if value is None else value


def _cents(value: Decimal) -> Decimal:
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def _usd(value: Decimal) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}${_cents(abs(value)):,.2f}"


def _percent(value: Decimal) -> str:
    return f"{value.normalize():f}%"
