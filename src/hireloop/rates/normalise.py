"""Turn any pay figure into a day rate on one basis, with the arithmetic spelled out.

A day is `hours_per_day` hours (8 by default); a yearly figure is spread over `hours_per_year`
hours (2,080 by default). Between bases a figure is multiplied by its basis factor and divided by
the target's (factors are 1099 equivalents: W-2 1.15, salary 1.40, 1099 and C2C 1.0 by default).
The defaults and the reasons for them live in the rate card's `normalisation` section.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from hireloop.reference.rate_card import Basis, Normalisation, load_rate_card

Unit = Literal["day", "hour", "year"]
UNITS: tuple[Unit, ...] = ("day", "hour", "year")


class DayRate(BaseModel):
    """A figure as a day rate on the target basis; `multiplier` = value / original figure."""

    model_config = ConfigDict(frozen=True)

    value: float
    basis: Basis
    multiplier: float
    arithmetic: str


def money(amount: float) -> str:
    """$1,234 for whole amounts, $1,234.57 otherwise."""
    if abs(amount - round(amount)) < 0.005:
        return f"${amount:,.0f}"
    return f"${amount:,.2f}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def unit_to_day_multiplier(unit: Unit, rules: Normalisation) -> float:
    if unit == "day":
        return 1.0
    if unit == "hour":
        return rules.hours_per_day
    return rules.hours_per_day / rules.hours_per_year


def basis_multiplier(basis: Basis, target_basis: Basis, rules: Normalisation) -> float:
    return rules.basis_factors[basis].factor / rules.basis_factors[target_basis].factor


def to_day_rate(
    value: float,
    unit: Unit,
    basis: Basis,
    target_basis: Basis = "1099",
    rules: Normalisation | None = None,
) -> DayRate:
    """Convert `value` per `unit` on `basis` into a day rate on `target_basis`."""
    rules = rules if rules is not None else load_rate_card().normalisation
    steps: list[str] = []
    per_day = value * unit_to_day_multiplier(unit, rules)
    hours_day = _number(rules.hours_per_day)
    if unit == "hour":
        steps.append(f"{money(value)}/hour x {hours_day} h = {money(per_day)}/day")
    elif unit == "year":
        steps.append(
            f"{money(value)}/year / {_number(rules.hours_per_year)} h x {hours_day} h"
            f" = {money(per_day)}/day"
        )
    else:
        steps.append(f"{money(value)}/day")
    factor = basis_multiplier(basis, target_basis, rules)
    result = per_day * factor
    if basis != target_basis:
        steps.append(
            f"{basis} to {target_basis}: x {rules.basis_factors[basis].factor:g}"
            f" / {rules.basis_factors[target_basis].factor:g} = {money(result)}/day"
        )
    multiplier = result / value if value else unit_to_day_multiplier(unit, rules) * factor
    return DayRate(
        value=result, basis=target_basis, multiplier=multiplier, arithmetic="; ".join(steps)
    )
