"""Contract and engagement defaults, the rules classification flags cite, and the contract calendar.

The contract calendar (`add_months`, `months_served`) and the declining fee schedule live here so
that the contracts and engagements engines count months and fees the same way.
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hireloop.reference.loader import load_model

CheckpointKind = Literal["conversion_eligibility", "renewal", "extension"]
CHECKPOINT_KINDS: tuple[CheckpointKind, ...] = ("conversion_eligibility", "renewal", "extension")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Sourced(_Strict):
    source: str
    as_of: date


class EngagementLength(_Sourced):
    min_months: int = Field(ge=1)
    max_months: int = Field(ge=1)
    note: str


class ConversionFeeDefaults(_Sourced):
    default_percent: Decimal = Field(ge=0, le=100)
    typical_min_percent: Decimal = Field(ge=0, le=100)
    typical_max_percent: Decimal = Field(ge=0, le=100)
    note: str


class ConversionWindowDefaults(_Sourced):
    start_month: int = Field(ge=0)
    end_month: int = Field(ge=0)
    note: str


class NoticePeriodDefaults(_Sourced):
    default_days: int = Field(ge=0)
    note: str


class SourcedValue(_Sourced):
    value: int = Field(gt=0)
    note: str


class CheckpointRule(_Sourced):
    id: CheckpointKind
    month: int = Field(ge=1)
    label: str


class HandoverItemTemplate(_Strict):
    id: str
    title: str
    description: str


class ChecklistItem(_Strict):
    id: str
    text: str


class AbcTestState(_Sourced):
    state: str = Field(min_length=2, max_length=2)
    rule: str


class LegalRule(_Sourced):
    rule: str


class FreelanceContractLaw(_Sourced):
    id: str
    jurisdiction: str
    applies_to_state: str
    applies_to_city: str | None
    threshold_usd: Decimal = Field(gt=0)
    window_days: int = Field(gt=0)
    rule: str


class ContractDefaults(_Strict):
    version: int
    engagement_length: EngagementLength
    conversion_fee: ConversionFeeDefaults
    conversion_window: ConversionWindowDefaults
    notice_period: NoticePeriodDefaults
    working_days_per_year: SourcedValue
    full_time_hours_per_week: SourcedValue
    checkpoints: list[CheckpointRule]
    handover_items: list[HandoverItemTemplate]
    b2b_checklist: list[ChecklistItem]
    abc_test_states: list[AbcTestState]
    agency_safe_harbour: LegalRule
    freelance_contract_laws: list[FreelanceContractLaw]

    @field_validator("checkpoints")
    @classmethod
    def _one_of_each_checkpoint(cls, value: list[CheckpointRule]) -> list[CheckpointRule]:
        if sorted(c.id for c in value) != sorted(CHECKPOINT_KINDS):
            raise ValueError(f"checkpoints must list exactly {CHECKPOINT_KINDS}")
        return value

    @model_validator(mode="after")
    def _ranges_are_ordered(self) -> ContractDefaults:
        if self.engagement_length.min_months > self.engagement_length.max_months:
            raise ValueError("engagement_length.min_months exceeds max_months")
        if self.conversion_window.start_month > self.conversion_window.end_month:
            raise ValueError("conversion_window.start_month exceeds end_month")
        return self


@lru_cache(maxsize=4)
def load_contract_defaults(override: Path | None = None) -> ContractDefaults:
    return load_model(ContractDefaults, "contract_defaults.yaml", override)


class DecliningFeeSchedule(_Strict):
    """The conversion fee falls by `points_per_month` for each whole month served, to a floor."""

    points_per_month: Decimal = Field(gt=0, le=100)
    floor_percent: Decimal = Field(ge=0, le=100)

    def applied_percent(self, base_percent: Decimal, months: int) -> Decimal:
        reduced = base_percent - self.points_per_month * months
        return max(min(self.floor_percent, base_percent), reduced)


def add_months(start: date, months: int) -> date:
    """The same day `months` later; a day the target month lacks becomes its last day."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def months_served(start: date, on: date) -> int:
    """Whole months from `start` to `on`: a month counts once its same-day anniversary arrives."""
    if on < start:
        return 0
    months = (on.year - start.year) * 12 + on.month - start.month
    while months > 0 and add_months(start, months) > on:
        months -= 1
    return months
