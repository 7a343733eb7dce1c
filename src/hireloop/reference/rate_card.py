"""The rate card: market day-rate bands, specialism premiums and the comparison rules.

Stacking rule: when a rate is checked for several specialisms, the largest premium applies in
full, each further premium at `stacking.further_fraction` of its size (0.5 by default), and the
total is capped at `stacking.cap` (0.60 by default). Premiums are fractions: 0.25 means +25%.

A market's band is the mean of its sources' lows and highs; a specialism's premium is the mean
of its sources' lows and highs. A market without figures of its own names a `fallback` market.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from statistics import fmean
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from hireloop.reference.loader import load_model

Basis = Literal["1099", "w2", "c2c", "salary"]
BASES: tuple[Basis, ...] = ("1099", "w2", "c2c", "salary")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Sourced(_Strict):
    source: str = Field(min_length=1)
    as_of: date
    note: str = ""


class DayRateFigure(_Sourced):
    """One source's day-rate range; `open_top` keeps a quoted "+" (the high is a floor)."""

    low: float = Field(gt=0)
    high: float = Field(gt=0)
    open_top: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> DayRateFigure:
        if self.high < self.low:
            raise ValueError("high must not be below low")
        return self


class Market(_Strict):
    id: str = Field(min_length=1)
    name: str
    figures: list[DayRateFigure]
    fallback: str | None = None
    note: str = ""

    @model_validator(mode="after")
    def _has_figures_or_fallback(self) -> Market:
        if not self.figures and self.fallback is None:
            raise ValueError("a market needs figures or a fallback market")
        return self


class Premium(_Sourced):
    """One source's premium range over the baseline rate, as fractions (0.25 = +25%)."""

    low: float = Field(ge=0, le=3)
    high: float = Field(ge=0, le=3)
    open_top: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> Premium:
        if self.high < self.low:
            raise ValueError("high must not be below low")
        return self


class Specialism(_Strict):
    id: str = Field(min_length=1)
    name: str
    premiums: list[Premium] = Field(min_length=1)

    @property
    def premium_low(self) -> float:
        return fmean(p.low for p in self.premiums)

    @property
    def premium_high(self) -> float:
        return fmean(p.high for p in self.premiums)

    @property
    def premium_mid(self) -> float:
        return (self.premium_low + self.premium_high) / 2


class RoleBand(_Sourced):
    id: str = Field(min_length=1)
    name: str
    specialisms: list[str]
    low: float = Field(gt=0)
    high: float = Field(gt=0)


class StackingRule(_Sourced):
    further_fraction: float = Field(ge=0, le=1)
    cap: float = Field(ge=0)

    def stack(self, premiums: Sequence[float]) -> float:
        """Combine premiums: the largest in full, each further one at the fraction, capped."""
        ordered = sorted(premiums, reverse=True)
        if not ordered:
            return 0.0
        total = ordered[0] + self.further_fraction * sum(ordered[1:])
        return min(total, self.cap)


class BasisFactor(_Strict):
    """Multiplier turning one unit of pay on this basis into its 1099 equivalent."""

    factor: float = Field(gt=0)
    source: str = Field(min_length=1)
    as_of: date
    why: str


class Normalisation(_Sourced):
    hours_per_day: float = Field(gt=0, le=24)
    hours_per_year: float = Field(gt=0)
    basis_factors: dict[Basis, BasisFactor]

    @model_validator(mode="after")
    def _every_basis(self) -> Normalisation:
        missing = [b for b in BASES if b not in self.basis_factors]
        if missing:
            raise ValueError(f"basis_factors must give a factor for {', '.join(missing)}")
        return self


class SourcedValue(_Sourced):
    value: float = Field(gt=0)


class SourcedRange(_Sourced):
    low: float = Field(ge=0)
    high: float = Field(ge=0)


class EconomicsDefaults(_Strict):
    working_days_per_year: SourcedValue
    conversion_fee: SourcedRange
    mis_hire_multiple: SourcedRange
    reference_salary: SourcedValue


class RateCard(_Strict):
    version: int
    currency: Literal["USD"]
    basis: Basis
    notes: list[str] = []
    markets: list[Market] = Field(min_length=1)
    specialisms: list[Specialism]
    role_bands: list[RoleBand] = []
    stacking: StackingRule
    normalisation: Normalisation
    economics: EconomicsDefaults

    @model_validator(mode="after")
    def _references_resolve(self) -> RateCard:
        market_ids = [m.id for m in self.markets]
        specialism_ids = [s.id for s in self.specialisms]
        for label, ids in (("market", market_ids), ("specialism", specialism_ids)):
            duplicates = sorted({i for i in ids if ids.count(i) > 1})
            if duplicates:
                raise ValueError(f"duplicate {label} id: {', '.join(duplicates)}")
        for market in self.markets:
            if market.fallback is None:
                continue
            target = self.find_market(market.fallback)
            if target is None or not target.figures:
                raise ValueError(
                    f"market {market.id!r} falls back to {market.fallback!r}, "
                    "which is not a market with figures"
                )
        for band in self.role_bands:
            unknown = [s for s in band.specialisms if s not in specialism_ids]
            if unknown:
                raise ValueError(f"role band {band.id!r} names unknown specialism {unknown[0]!r}")
        return self

    def find_market(self, market_id: str) -> Market | None:
        return next((m for m in self.markets if m.id == market_id), None)

    def find_specialism(self, specialism_id: str) -> Specialism | None:
        return next((s for s in self.specialisms if s.id == specialism_id), None)

    def market_ids(self) -> list[str]:
        return [m.id for m in self.markets]

    def specialism_ids(self) -> list[str]:
        return [s.id for s in self.specialisms]

    def figures_for(self, market: Market) -> tuple[Market, list[DayRateFigure]]:
        """The market whose figures apply (itself or its fallback) and those figures."""
        if market.figures or market.fallback is None:
            return market, market.figures
        target = self.find_market(market.fallback)
        assert target is not None  # guaranteed by validation
        return target, target.figures

    def role_bands_for(self, specialisms: Sequence[str]) -> list[RoleBand]:
        wanted = set(specialisms)
        return [b for b in self.role_bands if wanted & set(b.specialisms)]


@lru_cache(maxsize=1)
def _packaged_rate_card() -> RateCard:
    return load_model(RateCard, "rate_card.yaml")


def load_rate_card(override: Path | None = None) -> RateCard:
    """The packaged rate card (read once), or the user's own file, read afresh each call."""
    if override is None:
        return _packaged_rate_card()
    return load_model(RateCard, "rate_card.yaml", override)
