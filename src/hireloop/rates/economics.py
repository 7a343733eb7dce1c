"""What a day rate means in money: hourly and annual equivalents, engagement cost, conversion fee,
and the cost of a mis-hire beside the saving a lower rate would buy.

Defaults come from the rate card's `economics` section: 230 working days a year (260 weekdays
less holidays, leave and gaps), a conversion fee of 15-25% of first-year salary, a mis-hire
costing 1.5-2x annual salary, and a reference salary when none is given. An engagement of
`window_weeks` weeks bills `days_per_week` days a week (5 by default).
"""

from __future__ import annotations

from pydantic import BaseModel

from hireloop.kit.errors import InvalidInput
from hireloop.rates.normalise import money
from hireloop.reference.rate_card import RateCard


class Economics(BaseModel):
    day_rate: float
    hourly_rate: float
    annualised: float
    hours_per_day: float
    working_days_per_year: float
    window_weeks: float
    days_per_week: float
    engagement_days: float
    engagement_cost: float
    first_year_salary: float
    salary_source: str
    conversion_fee_low: float
    conversion_fee_high: float
    mis_hire_cost_low: float
    mis_hire_cost_high: float
    compare_day_rate: float | None
    saving_over_window: float | None
    lines: list[str]


def _positive(name: str, value: float | None) -> None:
    if value is not None and not value > 0:
        raise InvalidInput(f"{name} must be a positive number, not {value}")


def rate_economics(
    day_rate: float,
    window_weeks: float,
    card: RateCard,
    *,
    days_per_week: float = 5,
    working_days_per_year: float | None = None,
    first_year_salary: float | None = None,
    compare_day_rate: float | None = None,
) -> Economics:
    """The money behind `day_rate` over a `window_weeks` engagement.

    `compare_day_rate` (e.g. the clearing estimate) shows what paying `day_rate` instead saves
    over the window, next to what a mis-hire would cost.
    """
    for name, value in (
        ("day rate", day_rate),
        ("window in weeks", window_weeks),
        ("days per week", days_per_week),
        ("working days per year", working_days_per_year),
        ("first-year salary", first_year_salary),
        ("comparison day rate", compare_day_rate),
    ):
        _positive(name, value)
    if days_per_week > 7:
        raise InvalidInput(f"days per week cannot exceed 7, not {days_per_week}")
    defaults = card.economics
    hours = card.normalisation.hours_per_day
    working_days = working_days_per_year or defaults.working_days_per_year.value
    hourly = day_rate / hours
    annualised = day_rate * working_days
    days = window_weeks * days_per_week
    cost = day_rate * days
    lines = [
        f"Hourly: {money(day_rate)} / {hours:g} h = {money(hourly)}/hour.",
        f"Annualised: {money(day_rate)} x {working_days:g} working days = {money(annualised)}.",
        f"Engagement: {window_weeks:g} weeks x {days_per_week:g} days = {days:g} days;"
        f" {days:g} x {money(day_rate)} = {money(cost)}.",
    ]
    if first_year_salary is not None:
        salary, salary_source = first_year_salary, "given"
    else:
        ref = defaults.reference_salary
        salary, salary_source = ref.value, f"{ref.source}, {ref.as_of.isoformat()}"
    fee = defaults.conversion_fee
    lines.append(
        f"Conversion fee: {fee.low:.0%}-{fee.high:.0%} of first-year salary {money(salary)}"
        f" ({salary_source}) = {money(salary * fee.low)}-{money(salary * fee.high)}."
    )
    multiple = defaults.mis_hire_multiple
    mis_low, mis_high = salary * multiple.low, salary * multiple.high
    lines.append(
        f"Mis-hire: {multiple.low:g}-{multiple.high:g} x {money(salary)}"
        f" = {money(mis_low)}-{money(mis_high)} ({multiple.source}, {multiple.as_of.isoformat()})."
    )
    saving = None
    if compare_day_rate is not None:
        saving = (compare_day_rate - day_rate) * days
        if saving > 0:
            lines.append(
                f"Paying {money(day_rate)} instead of {money(compare_day_rate)} saves"
                f" {money(compare_day_rate - day_rate)} x {days:g} days = {money(saving)} over"
                f" the window; a mis-hire would cost {mis_low / saving:.1f}-"
                f"{mis_high / saving:.1f} times that."
            )
        else:
            lines.append(
                f"Paying {money(day_rate)} instead of {money(compare_day_rate)} costs"
                f" {money(-saving)} more over the window."
            )
    return Economics(
        day_rate=day_rate,
        hourly_rate=hourly,
        annualised=annualised,
        hours_per_day=hours,
        working_days_per_year=working_days,
        window_weeks=window_weeks,
        days_per_week=days_per_week,
        engagement_days=days,
        engagement_cost=cost,
        first_year_salary=salary,
        salary_source=salary_source,
        conversion_fee_low=salary * fee.low,
        conversion_fee_high=salary * fee.high,
        mis_hire_cost_low=mis_low,
        mis_hire_cost_high=mis_high,
        compare_day_rate=compare_day_rate,
        saving_over_window=saving,
        lines=lines,
    )
