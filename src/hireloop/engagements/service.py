"""Engagements: started from agreed terms once a candidate is placed, followed to their outcome.

The engagement plans on day one its checkpoints (month 3 conversion eligibility, month 6 renewal,
month 9 extension), its handover checklist and the conversion window; delivery evidence is logged
as it happens, and the conversion decision reads it beside the economics.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.candidates.models import Candidate
from hireloop.candidates.repository import CandidateRepository
from hireloop.compliance.service import record
from hireloop.contracts.models import TermSheetRecord
from hireloop.contracts.service import get_terms, terms_of
from hireloop.engagements.conversion import ConversionEconomics, Delivery, conversion_economics
from hireloop.engagements.errors import InvalidEngagementInput
from hireloop.engagements.models import DeliveryEntry, Engagement
from hireloop.engagements.repository import EngagementRepository
from hireloop.engagements.schedule import (
    Checkpoint,
    EngagementOutcome,
    HandoverItem,
    check_allocation,
    complete_item,
    default_handover_plan,
    due_within,
    plan_checkpoints,
    record_outcome,
)
from hireloop.kit.errors import Conflict, NotFound
from hireloop.pipeline.repository import PipelineRepository

ENDING_OUTCOMES = frozenset({"converted", "completed", "ended_early"})
# An outcome already decided answers its checkpoint, which then leaves the due list.
OUTCOME_ANSWERS = {"renewed": "renewal", "extended": "extension"}


@dataclass(frozen=True)
class DueCheckpoint:
    engagement_id: int
    candidate_name: str
    brief_title: str
    checkpoint: Checkpoint


@dataclass(frozen=True)
class EngagementView:
    engagement: Engagement
    candidate: Candidate
    brief: Brief
    term_sheet: TermSheetRecord
    checkpoints: list[Checkpoint]
    handover: list[HandoverItem]
    deliveries: list[DeliveryEntry]


def create_engagement(
    session: Session, term_sheet_id: int, actor: User | None, allocation_percent: int = 100
) -> Engagement:
    """Start the engagement of a placed candidate from their agreed term sheet."""
    sheet = get_terms(session, term_sheet_id)
    candidate = CandidateRepository(session).get(sheet.candidate_id)
    name = candidate.name if candidate else f"candidate {sheet.candidate_id}"
    if sheet.status != "agreed":
        raise Conflict(
            f"term sheet {sheet.id} is {sheet.status}; an engagement starts only from agreed terms",
            detail={"term_sheet_id": sheet.id, "status": sheet.status},
        )
    application = PipelineRepository(session).find(sheet.brief_id, sheet.candidate_id)
    stage = application.stage if application else "not on the brief"
    if stage != "placed":
        raise Conflict(
            f"{name} is {stage} on this brief; an engagement starts once they are placed",
            detail={"stage": stage},
        )
    repo = EngagementRepository(session)
    running = [e for e in repo.for_term_sheet(sheet.id) if e.status == "active"]
    if running:
        raise Conflict(
            f"term sheet {sheet.id} already has active engagement {running[0].id}",
            detail={"engagement_id": running[0].id},
        )
    existing = [e.allocation_percent for e in repo.active_for_candidate(sheet.candidate_id)]
    check_allocation(existing, allocation_percent)
    assert sheet.start_date is not None  # agreed terms always carry their dates
    plan_checkpoints(sheet.start_date, sheet.end_date)
    engagement = repo.add(
        Engagement(
            candidate_id=sheet.candidate_id,
            brief_id=sheet.brief_id,
            term_sheet_id=sheet.id,
            start_date=sheet.start_date,
            end_date=sheet.end_date,
            allocation_percent=allocation_percent,
            status="active",
            handover_plan=[item.model_dump() for item in default_handover_plan()],
            created_by_id=actor.id if actor else None,
        )
    )
    record(
        session,
        actor,
        "engagement.create",
        "engagement",
        engagement.id,
        {
            "term_sheet_id": sheet.id,
            "candidate_id": sheet.candidate_id,
            "allocation": allocation_percent,
        },
    )
    return engagement


def get_engagement(session: Session, engagement_id: int) -> Engagement:
    engagement = EngagementRepository(session).get(engagement_id)
    if engagement is None:
        raise NotFound(f"no engagement with id {engagement_id}")
    return engagement


def handover_of(engagement: Engagement) -> list[HandoverItem]:
    return [HandoverItem.model_validate(item) for item in engagement.handover_plan]


def view_engagement(session: Session, engagement_id: int) -> EngagementView:
    engagement = get_engagement(session, engagement_id)
    candidate = CandidateRepository(session).get(engagement.candidate_id)
    brief = BriefRepository(session).get(engagement.brief_id)
    if candidate is None or brief is None:
        raise NotFound(f"engagement {engagement_id} points at a missing candidate or brief")
    return EngagementView(
        engagement,
        candidate,
        brief,
        get_terms(session, engagement.term_sheet_id),
        plan_checkpoints(engagement.start_date, engagement.end_date),
        handover_of(engagement),
        EngagementRepository(session).deliveries(engagement.id),
    )


def set_handover_item(
    session: Session, engagement_id: int, item_id: str, done: bool, actor: User | None
) -> Engagement:
    engagement = get_engagement(session, engagement_id)
    plan = complete_item(handover_of(engagement), item_id)
    if not done:
        plan = [i.model_copy(update={"done": False}) if i.id == item_id else i for i in plan]
    engagement.handover_plan = [item.model_dump() for item in plan]
    session.flush()
    record(
        session,
        actor,
        "engagement.handover",
        "engagement",
        engagement.id,
        {"item": item_id, "done": done},
    )
    return engagement


def log_delivery(
    session: Session,
    engagement_id: int,
    on: date,
    shipped: str,
    metric: str,
    actor: User | None,
) -> DeliveryEntry:
    """Record what shipped and the metric that showed it worked."""
    engagement = get_engagement(session, engagement_id)
    if not shipped.strip():
        raise InvalidEngagementInput("shipped", "say what shipped")
    if not metric.strip():
        raise InvalidEngagementInput("metric", "give the metric that showed it worked")
    if on < engagement.start_date:
        raise InvalidEngagementInput(
            "date", f"{on} is before the engagement started on {engagement.start_date}"
        )
    entry = EngagementRepository(session).add_delivery(
        DeliveryEntry(
            engagement_id=engagement.id,
            date=on,
            shipped=shipped.strip()[:2000],
            metric=metric.strip()[:2000],
            logged_by_id=actor.id if actor else None,
        )
    )
    record(session, actor, "engagement.delivery", "engagement", engagement.id, {"entry": entry.id})
    return entry


def set_outcome(
    session: Session,
    engagement_id: int,
    kind: str,
    reason: str,
    decided_on: date,
    actor: User | None,
) -> EngagementOutcome:
    """How the engagement ended or continued; converted, completed and ended early close it."""
    engagement = get_engagement(session, engagement_id)
    outcome = record_outcome(kind, reason, decided_on)
    engagement.outcome_kind = outcome.kind
    engagement.outcome_reason = outcome.reason
    engagement.outcome_decided_on = outcome.decided_on
    engagement.status = "ended" if outcome.kind in ENDING_OUTCOMES else "active"
    session.flush()
    record(
        session,
        actor,
        "engagement.outcome",
        "engagement",
        engagement.id,
        {"kind": outcome.kind, "reason": outcome.reason, "decided_on": str(decided_on)},
    )
    return outcome


def set_perm_salary(
    session: Session, engagement_id: int, salary: Decimal, actor: User | None
) -> Engagement:
    engagement = get_engagement(session, engagement_id)
    if salary <= 0:
        raise InvalidEngagementInput(
            "perm_salary_offered", "the permanent salary offered must be greater than zero"
        )
    engagement.perm_salary_offered = float(salary)
    session.flush()
    record(
        session,
        actor,
        "engagement.perm_salary",
        "engagement",
        engagement.id,
        {"perm_salary_offered": str(salary)},
    )
    return engagement


def conversion(
    session: Session, engagement_id: int, as_of: date, salary: Decimal | None = None
) -> ConversionEconomics:
    """The economics of converting on `as_of`, at `salary` or the salary offered."""
    engagement = get_engagement(session, engagement_id)
    if salary is None and engagement.perm_salary_offered is not None:
        salary = Decimal(str(engagement.perm_salary_offered))
    if salary is None:
        raise InvalidEngagementInput(
            "perm_salary", "record the permanent salary offered to see the conversion economics"
        )
    terms = terms_of(get_terms(session, engagement.term_sheet_id))
    if terms.day_rate is None:
        raise InvalidEngagementInput("day_rate", "the engagement's term sheet has no day rate")
    deliveries = [
        Delivery(date=d.date, shipped=d.shipped, metric=d.metric)
        for d in EngagementRepository(session).deliveries(engagement.id)
    ]
    return conversion_economics(
        day_rate=terms.day_rate,
        start=engagement.start_date,
        conversion_fee_percent=terms.conversion_fee_percent,
        fee_schedule=terms.fee_schedule,
        as_of=as_of,
        perm_salary=salary,
        deliveries=deliveries,
        window_start_month=terms.conversion_window_start_month,
        window_end_month=terms.conversion_window_end_month,
    )


def due_checkpoints(session: Session, today: date, days: int = 30) -> list[DueCheckpoint]:
    """Checkpoints of active engagements falling from `today` to `days` ahead, earliest first."""
    due: list[DueCheckpoint] = []
    for engagement, candidate, brief in EngagementRepository(session).active_with_names():
        answered = OUTCOME_ANSWERS.get(engagement.outcome_kind or "")
        planned = plan_checkpoints(engagement.start_date, engagement.end_date)
        for checkpoint in due_within(planned, today, days):
            if checkpoint.kind != answered:
                due.append(DueCheckpoint(engagement.id, candidate.name, brief.title, checkpoint))
    return sorted(due, key=lambda d: (d.checkpoint.due, d.engagement_id))


def due_dict(item: DueCheckpoint) -> dict[str, Any]:
    cp = item.checkpoint
    return {
        "engagement_id": item.engagement_id,
        "candidate": item.candidate_name,
        "brief": item.brief_title,
        "kind": cp.kind,
        "label": cp.label,
        "month": cp.month,
        "due": cp.due.isoformat(),
        "after_end": cp.after_end,
    }


def engagement_dict(view: EngagementView) -> dict[str, Any]:
    e = view.engagement
    return {
        "id": e.id,
        "candidate_id": e.candidate_id,
        "candidate_name": view.candidate.name,
        "brief_id": e.brief_id,
        "term_sheet_id": e.term_sheet_id,
        "start_date": e.start_date.isoformat(),
        "end_date": e.end_date.isoformat() if e.end_date else None,
        "allocation_percent": e.allocation_percent,
        "status": e.status,
        "outcome": None
        if e.outcome_kind is None
        else {
            "kind": e.outcome_kind,
            "reason": e.outcome_reason,
            "decided_on": e.outcome_decided_on.isoformat() if e.outcome_decided_on else None,
        },
        "perm_salary_offered": e.perm_salary_offered,
        "checkpoints": [c.model_dump(mode="json") for c in view.checkpoints],
        "handover": [i.model_dump() for i in view.handover],
        "deliveries": [delivery_dict(d) for d in view.deliveries],
    }


def delivery_dict(entry: DeliveryEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "date": entry.date.isoformat(),
        "shipped": entry.shipped,
        "metric": entry.metric,
    }


def engagements_for_terms(session: Session, term_sheet_id: int) -> list[Engagement]:
    return EngagementRepository(session).for_term_sheet(term_sheet_id)
