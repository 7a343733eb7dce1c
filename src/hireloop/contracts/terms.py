"""The term sheet agreed before a shortlist: its fields, rules, states and the fee it implies.

Every function returns a new, fully validated `TermSheet`; a rejected change leaves nothing behind.
Length rule: the engagement covers `start_date` to `end_date` inclusive, and the day after the end
must fall between the minimum and maximum month anniversaries of the start (3 and 12 by default).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from hireloop.contracts.errors import (
    ConversionFeeOutOfRange,
    EndBeforeStart,
    EngagementLengthOutOfRange,
    InvalidTerm,
    InvalidTransition,
    TermsIncomplete,
    TermsLocked,
)
from hireloop.reference.contract_defaults import (
    DecliningFeeSchedule,
    add_months,
    load_contract_defaults,
)

EngagementType = Literal["1099", "w2", "c2c"]
TermStatus = Literal["draft", "proposed", "agreed"]
ENGAGEMENT_TYPE_LABELS: dict[str, str] = {
    "1099": "Independent contractor (1099)",
    "w2": "W-2 contract employee",
    "c2c": "Corp-to-Corp",
}
_STATE_CODES_TEXT = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
)
US_STATE_CODES = frozenset(_STATE_CODES_TEXT.split())
_ALLOWED_TRANSITIONS = {("draft", "proposed"), ("proposed", "draft"), ("proposed", "agreed")}
_CENT = Decimal("0.01")


def _default_fee_percent() -> Decimal:
    return load_contract_defaults().conversion_fee.default_percent


def _default_window_start() -> int:
    return load_contract_defaults().conversion_window.start_month


def _default_window_end() -> int:
    return load_contract_defaults().conversion_window.end_month


def _default_notice_days() -> int:
    return load_contract_defaults().notice_period.default_days


def _clean_texts(field: str, items: tuple[str, ...]) -> tuple[str, ...]:
    cleaned = tuple(item.strip() for item in items)
    if any(not item for item in cleaned):
        raise InvalidTerm(field, f"{field} has an empty entry")
    return cleaned


def _optional_text(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


class C2CEntity(BaseModel):
    """The contractor's company in a Corp-to-Corp deal. Empty fields are flagged, not refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    legal_name: str | None = None
    tax_id: str | None = None
    state_of_incorporation: str | None = None
    insurance: str | None = None

    @field_validator("legal_name", "tax_id", "state_of_incorporation", "insurance")
    @classmethod
    def _blank_is_missing(cls, value: str | None) -> str | None:
        return _optional_text(value)

    def missing_fields(self) -> list[str]:
        return [name for name, value in self.model_dump().items() if value is None]


class TermSheet(BaseModel):
    """Terms of one engagement. Money is in US dollars; percents are 0-100."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    engagement_type: EngagementType
    status: TermStatus = "draft"
    day_rate: Decimal | None = None
    start_date: date | None = None
    end_date: date | None = None
    scope_deliverables: tuple[str, ...] = ()
    ip_assignment: bool = True
    prior_ip_carve_outs: tuple[str, ...] = ()
    conversion_fee_percent: Decimal = Field(default_factory=_default_fee_percent)
    fee_schedule: DecliningFeeSchedule | None = None
    conversion_window_start_month: int = Field(default_factory=_default_window_start)
    conversion_window_end_month: int = Field(default_factory=_default_window_end)
    notice_period_days: int = Field(default_factory=_default_notice_days)
    work_state: str | None = None
    worksite_city: str | None = None
    hours_per_week: int | None = None
    open_ended: bool = False
    client_supervised: bool = False
    placed_by_agency: bool = False
    entity: C2CEntity | None = None
    b2b_checks_confirmed: tuple[str, ...] = ()
    reopen_reason: str | None = None

    @field_validator("day_rate")
    @classmethod
    def _rate_positive(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and value <= 0:
            raise InvalidTerm("day_rate", "day_rate must be greater than zero")
        return value

    @field_validator("conversion_fee_percent")
    @classmethod
    def _fee_is_a_percent(cls, value: Decimal) -> Decimal:
        if not Decimal(0) <= value <= Decimal(100):
            raise ConversionFeeOutOfRange(
                f"conversion_fee_percent must be between 0 and 100, got {value}"
            )
        return value

    @field_validator("scope_deliverables")
    @classmethod
    def _scope_entries(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _clean_texts("scope_deliverables", value)

    @field_validator("prior_ip_carve_outs")
    @classmethod
    def _carve_out_entries(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _clean_texts("prior_ip_carve_outs", value)

    @field_validator("notice_period_days")
    @classmethod
    def _notice_not_negative(cls, value: int) -> int:
        if value < 0:
            raise InvalidTerm("notice_period_days", "notice_period_days cannot be negative")
        return value

    @field_validator("work_state")
    @classmethod
    def _known_state(cls, value: str | None) -> str | None:
        value = _optional_text(value)
        if value is None:
            return None
        code = value.upper()
        if code not in US_STATE_CODES:
            raise InvalidTerm("work_state", f"work_state must be a US state code, got {value!r}")
        return code

    @field_validator("worksite_city", "reopen_reason")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return _optional_text(value)

    @field_validator("hours_per_week")
    @classmethod
    def _hours_in_range(cls, value: int | None) -> int | None:
        if value is not None and not 1 <= value <= 80:
            raise InvalidTerm("hours_per_week", "hours_per_week must be between 1 and 80")
        return value

    @field_validator("b2b_checks_confirmed")
    @classmethod
    def _known_checks(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        known = {item.id for item in load_contract_defaults().b2b_checklist}
        unknown = sorted(set(value) - known)
        if unknown:
            raise InvalidTerm(
                "b2b_checks_confirmed", f"unknown checklist items: {', '.join(unknown)}"
            )
        return tuple(dict.fromkeys(value))

    @model_validator(mode="after")
    def _terms_hold_together(self) -> TermSheet:
        _check_dates(self.start_date, self.end_date)
        _check_window(self.conversion_window_start_month, self.conversion_window_end_month)
        schedule = self.fee_schedule
        if schedule is not None and schedule.floor_percent > self.conversion_fee_percent:
            raise InvalidTerm(
                "fee_schedule.floor_percent",
                "the fee schedule floor cannot be above the conversion fee itself",
            )
        if self.status == "agreed":
            missing = missing_for_agreement(self)
            if missing:
                raise TermsIncomplete(missing)
        return self


def _check_dates(start: date | None, end: date | None) -> None:
    if start is None or end is None:
        return
    if end < start:
        raise EndBeforeStart(f"end_date {end} is before start_date {start}")
    length = load_contract_defaults().engagement_length
    day_after_end = end + timedelta(days=1)
    if day_after_end < add_months(start, length.min_months):
        raise EngagementLengthOutOfRange(
            f"end_date {end} makes the engagement shorter than {length.min_months} months"
        )
    if day_after_end > add_months(start, length.max_months):
        raise EngagementLengthOutOfRange(
            f"end_date {end} makes the engagement longer than {length.max_months} months"
        )


def _check_window(start_month: int, end_month: int) -> None:
    if start_month < 0:
        raise InvalidTerm(
            "conversion_window_start_month", "conversion_window_start_month cannot be negative"
        )
    if end_month < start_month:
        raise InvalidTerm(
            "conversion_window_end_month",
            "conversion_window_end_month cannot be before conversion_window_start_month",
        )


def missing_for_agreement(terms: TermSheet) -> list[str]:
    """Fields that must be set before the terms can be agreed."""
    required = ("day_rate", "start_date", "end_date")
    return [name for name in required if getattr(terms, name) is None]


def parse_terms(data: Mapping[str, Any]) -> TermSheet:
    """Build a term sheet from raw input; every failure is an `InvalidTerm` naming the field."""
    try:
        return TermSheet.model_validate(dict(data))
    except ValidationError as exc:
        errors = [
            {"field": ".".join(str(p) for p in err["loc"]) or "terms", "error": err["msg"]}
            for err in exc.errors()
        ]
        first = errors[0]
        raise InvalidTerm(
            first["field"], f"{first['field']}: {first['error']}", errors=errors
        ) from exc


def _rebuild(terms: TermSheet, changes: Mapping[str, Any]) -> TermSheet:
    return parse_terms({**terms.model_dump(), **changes})


def revise(terms: TermSheet, changes: Mapping[str, Any]) -> TermSheet:
    """Apply edits to draft terms, validating the whole sheet again."""
    if terms.status != "draft":
        raise TermsLocked(
            f"{terms.status} terms cannot be edited; move them back to draft first",
            detail={"status": terms.status},
        )
    for field in ("status", "reopen_reason"):
        if field in changes:
            raise InvalidTerm(field, f"{field} changes only through transition() or reopen()")
    return _rebuild(terms, changes)


def transition(terms: TermSheet, target: TermStatus) -> TermSheet:
    """Move terms draft -> proposed -> agreed, or proposed back to draft."""
    current = terms.status
    if (current, target) not in _ALLOWED_TRANSITIONS:
        if current == "agreed" and target == "draft":
            message = "agreed terms go back to draft only through reopen() with a reason"
        elif current == target:
            message = f"terms are already {current}"
        else:
            message = f"terms cannot move from {current} to {target}"
        raise InvalidTransition(current, target, message)
    return _rebuild(terms, {"status": target})


def reopen(terms: TermSheet, reason: str) -> TermSheet:
    """Return agreed terms to draft, recording why they were reopened."""
    if terms.status != "agreed":
        raise InvalidTransition(terms.status, "draft", "only agreed terms can be reopened")
    if not reason.strip():
        raise InvalidTerm("reason", "say why the agreed terms are being reopened")
    return _rebuild(terms, {"status": "draft", "reopen_reason": reason})


def default_scope(outcome: str, success_metric: str) -> list[str]:
    """Scope deliverables drawn from a brief's outcome and success metric, plus the handover."""
    outcome, success_metric = outcome.strip(), success_metric.strip()
    if not outcome:
        raise InvalidTerm("outcome", "the brief's outcome is needed to write the scope")
    if not success_metric:
        raise InvalidTerm(
            "success_metric", "the brief's success metric is needed to write the scope"
        )
    handover = "; ".join(item.title for item in load_contract_defaults().handover_items)
    return [
        f"Deliver the outcome: {outcome}",
        f"Show success against the agreed metric: {success_metric}",
        f"Hand over before the last day: {handover}",
    ]


def format_percent(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return f"{text}%"


def format_usd(value: Decimal) -> str:
    return f"${value.quantize(_CENT, rounding=ROUND_HALF_UP):,.2f}"


class FeeCalculation(BaseModel):
    """The conversion fee owed after some months of service, with its working shown."""

    model_config = ConfigDict(frozen=True)

    salary: Decimal
    months_served: int
    base_percent: Decimal
    applied_percent: Decimal
    fee: Decimal
    arithmetic: tuple[str, ...]


def fee_lines(
    base_percent: Decimal, schedule: DecliningFeeSchedule | None, months: int
) -> tuple[Decimal, list[str]]:
    """The fee percent after `months` of service and the lines that explain it."""
    lines = [f"Base conversion fee: {format_percent(base_percent)} of first-year salary"]
    if schedule is None:
        return base_percent, lines
    applied = schedule.applied_percent(base_percent, months)
    reduction = schedule.points_per_month * months
    line = (
        f"Declining schedule: {format_percent(base_percent)} - "
        f"{format_percent(schedule.points_per_month)} x {months} months served = "
        f"{format_percent(base_percent - reduction)}"
    )
    if applied != base_percent - reduction:
        line += f", held at the floor of {format_percent(applied)}"
    lines.append(line)
    return applied, lines


def fee_owed(terms: TermSheet, salary: Decimal, months_served: int) -> FeeCalculation:
    """The conversion fee owed if the contractor converts at `salary` after `months_served`."""
    if salary <= 0:
        raise InvalidTerm("salary", "first-year salary must be greater than zero")
    if months_served < 0:
        raise InvalidTerm("months_served", "months_served cannot be negative")
    applied, lines = fee_lines(terms.conversion_fee_percent, terms.fee_schedule, months_served)
    fee = (salary * applied / 100).quantize(_CENT, rounding=ROUND_HALF_UP)
    lines.append(f"Fee owed: {format_percent(applied)} x {format_usd(salary)} = {format_usd(fee)}")
    return FeeCalculation(
        salary=salary,
        months_served=months_served,
        base_percent=terms.conversion_fee_percent,
        applied_percent=applied,
        fee=fee,
        arithmetic=tuple(lines),
    )
