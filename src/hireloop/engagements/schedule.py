"""What an engagement plans on day one: checkpoints, the handover checklist, outcomes, allocation.

Checkpoint rule: every engagement gets all three checkpoints (conversion eligibility at month 3,
renewal at month 6, extension at month 9, from reference data), each due on that month's
anniversary of the start date. A checkpoint that falls after the agreed end date is kept and
marked `after_end`, because it only happens if the engagement is renewed or extended.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict

from hireloop.engagements.errors import (
    InvalidEngagementInput,
    OutcomeReasonRequired,
    OverAllocated,
)
from hireloop.reference.contract_defaults import (
    CheckpointKind,
    add_months,
    load_contract_defaults,
)

OutcomeKind = Literal["renewed", "extended", "converted", "completed", "ended_early"]
OUTCOME_KINDS: tuple[OutcomeKind, ...] = get_args(OutcomeKind)
FULL_ALLOCATION = 100


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Checkpoint(_Frozen):
    kind: CheckpointKind
    label: str
    month: int
    due: date
    after_end: bool
    source: str
    as_of: date

    @property
    def note(self) -> str:
        return "after end date" if self.after_end else ""


def plan_checkpoints(start: date, end: date | None = None) -> list[Checkpoint]:
    """The three checkpoints of an engagement starting on `start`, in date order."""
    if end is not None and end < start:
        raise InvalidEngagementInput("end_date", f"end date {end} is before start date {start}")
    rules = sorted(load_contract_defaults().checkpoints, key=lambda rule: rule.month)
    planned = []
    for rule in rules:
        due = add_months(start, rule.month)
        planned.append(
            Checkpoint(
                kind=rule.id,
                label=rule.label,
                month=rule.month,
                due=due,
                after_end=end is not None and due > end,
                source=rule.source,
                as_of=rule.as_of,
            )
        )
    return planned


def due_within(checkpoints: Sequence[Checkpoint], today: date, days: int) -> list[Checkpoint]:
    """Checkpoints falling from `today` to `days` days ahead (inclusive), earliest first."""
    if days < 0:
        raise InvalidEngagementInput("days", "the look-ahead in days cannot be negative")
    horizon = today + timedelta(days=days)
    return sorted((c for c in checkpoints if today <= c.due <= horizon), key=lambda c: c.due)


class HandoverItem(_Frozen):
    id: str
    title: str
    description: str
    done: bool = False


def default_handover_plan() -> list[HandoverItem]:
    """The handover checklist every engagement starts with, none of it done."""
    return [
        HandoverItem(id=item.id, title=item.title, description=item.description)
        for item in load_contract_defaults().handover_items
    ]


def complete_item(plan: Sequence[HandoverItem], item_id: str) -> list[HandoverItem]:
    """A copy of the plan with one item ticked off."""
    if item_id not in {item.id for item in plan}:
        raise InvalidEngagementInput("item_id", f"no handover item {item_id!r} in this plan")
    return [item.model_copy(update={"done": True}) if item.id == item_id else item for item in plan]


def open_items(plan: Sequence[HandoverItem]) -> list[HandoverItem]:
    return [item for item in plan if not item.done]


class EngagementOutcome(_Frozen):
    kind: OutcomeKind
    reason: str
    decided_on: date


def record_outcome(kind: str, reason: str, decided_on: date) -> EngagementOutcome:
    """How an engagement ended or continued; every outcome needs its reason."""
    if kind not in OUTCOME_KINDS:
        raise InvalidEngagementInput(
            "outcome", f"unknown outcome {kind!r}; choose one of {', '.join(OUTCOME_KINDS)}"
        )
    if not reason.strip():
        raise OutcomeReasonRequired(kind)
    return EngagementOutcome.model_validate(
        {"kind": kind, "reason": reason.strip(), "decided_on": decided_on}
    )


def check_allocation(existing_percents: Sequence[int], new_percent: int) -> int:
    """The candidate's total allocation with the new engagement; refused above 100%."""
    for percent in (*existing_percents, new_percent):
        if not 1 <= percent <= FULL_ALLOCATION:
            raise InvalidEngagementInput(
                "allocation_percent", f"allocation must be between 1 and 100%, got {percent}%"
            )
    existing_total = sum(existing_percents)
    if existing_total + new_percent > FULL_ALLOCATION:
        raise OverAllocated(existing_total, new_percent)
    return existing_total + new_percent
