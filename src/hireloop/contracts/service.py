"""Term sheets stored per candidate and brief: create with defaults, edit, propose, agree, reopen.

Every change is validated whole by the pure engine (`contracts.terms`) before anything is written,
so a refused change leaves the stored sheet as it was. Each status change is logged in the audit
trail, which is also where the sheet's history is read from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, get_args

from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.candidates.models import Candidate
from hireloop.candidates.repository import CandidateRepository
from hireloop.compliance.models import AuditEntry
from hireloop.compliance.repository import AuditRepository
from hireloop.compliance.service import record
from hireloop.contracts.classification import DISCLAIMER, Flag, classification_flags
from hireloop.contracts.errors import InvalidTerm
from hireloop.contracts.models import TermSheetRecord
from hireloop.contracts.render import render_docx
from hireloop.contracts.repository import TermSheetRepository
from hireloop.contracts.terms import (
    EngagementType,
    TermSheet,
    TermStatus,
    default_scope,
    parse_terms,
    reopen,
    revise,
    transition,
)
from hireloop.db import utcnow
from hireloop.kit.errors import Conflict, NotFound

ENGAGEMENT_TYPES: tuple[str, ...] = get_args(EngagementType)
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
STATUS_ACTIONS = ("terms.create", "terms.status", "terms.reopen")


@dataclass(frozen=True)
class TermsView:
    """A stored sheet with everything a page or an API answer shows beside it."""

    record: TermSheetRecord
    terms: TermSheet
    brief: Brief
    candidate: Candidate
    flags: list[Flag]
    history: list[AuditEntry]


@dataclass(frozen=True)
class RenderedTerms:
    filename: str
    content_type: str
    content: bytes


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def terms_of(row: TermSheetRecord) -> TermSheet:
    """The validated term sheet a stored row holds."""
    return parse_terms(
        {
            "engagement_type": row.engagement_type,
            "status": row.status,
            "day_rate": _decimal(row.day_rate),
            "start_date": row.start_date,
            "end_date": row.end_date,
            "scope_deliverables": tuple(row.scope_deliverables),
            "ip_assignment": row.ip_assignment,
            "prior_ip_carve_outs": tuple(row.prior_ip_carve_outs),
            "conversion_fee_percent": _decimal(row.conversion_fee_percent),
            "fee_schedule": row.fee_schedule,
            "conversion_window_start_month": row.conversion_window_start_month,
            "conversion_window_end_month": row.conversion_window_end_month,
            "notice_period_days": row.notice_period_days,
            "work_state": row.work_state,
            "worksite_city": row.worksite_city,
            "hours_per_week": row.hours_per_week,
            "open_ended": row.open_ended,
            "client_supervised": row.client_supervised,
            "placed_by_agency": row.placed_by_agency,
            "entity": row.entity,
            "b2b_checks_confirmed": tuple(row.b2b_checks_confirmed),
            "reopen_reason": row.reopen_reason,
        }
    )


def _write(row: TermSheetRecord, terms: TermSheet) -> None:
    row.engagement_type = terms.engagement_type
    row.status = terms.status
    row.day_rate = None if terms.day_rate is None else float(terms.day_rate)
    row.start_date = terms.start_date
    row.end_date = terms.end_date
    row.scope_deliverables = list(terms.scope_deliverables)
    row.ip_assignment = terms.ip_assignment
    row.prior_ip_carve_outs = list(terms.prior_ip_carve_outs)
    row.conversion_fee_percent = float(terms.conversion_fee_percent)
    row.fee_schedule = terms.fee_schedule.model_dump(mode="json") if terms.fee_schedule else None
    row.conversion_window_start_month = terms.conversion_window_start_month
    row.conversion_window_end_month = terms.conversion_window_end_month
    row.notice_period_days = terms.notice_period_days
    row.work_state = terms.work_state
    row.worksite_city = terms.worksite_city
    row.hours_per_week = terms.hours_per_week
    row.open_ended = terms.open_ended
    row.client_supervised = terms.client_supervised
    row.placed_by_agency = terms.placed_by_agency
    row.entity = terms.entity.model_dump() if terms.entity else None
    row.b2b_checks_confirmed = list(terms.b2b_checks_confirmed)
    row.reopen_reason = terms.reopen_reason
    row.updated_at = utcnow()


def default_rate(session: Session, brief: Brief) -> tuple[Decimal | None, str]:
    """The brief's latest validated rate check, else its budget day rate, and where it came from."""
    check = TermSheetRepository(session).latest_validated_rate_check(brief.id)
    if check is not None and check.basis in ENGAGEMENT_TYPES:
        return Decimal(str(check.rate)), f"validated rate check {check.id} of {check.as_of}"
    if brief.budget_day_rate:
        return Decimal(str(brief.budget_day_rate)), "the brief's budget day rate"
    return None, ""


def _defaults(session: Session, brief: Brief) -> tuple[dict[str, Any], str]:
    rate, source = default_rate(session, brief)
    defaults: dict[str, Any] = {"day_rate": rate, "start_date": brief.start_date}
    if brief.outcome.strip() and brief.success_metric.strip():
        defaults["scope_deliverables"] = default_scope(brief.outcome, brief.success_metric)
    if len(brief.engagement_types) == 1 and brief.engagement_types[0] in ENGAGEMENT_TYPES:
        defaults["engagement_type"] = brief.engagement_types[0]
    return defaults, source


def create_terms(
    session: Session,
    brief: Brief,
    candidate: Candidate,
    actor: User | None,
    data: Mapping[str, Any] | None = None,
) -> TermSheetRecord:
    """A draft term sheet: what `data` sets, the rest from the brief and the reference defaults."""
    repo = TermSheetRepository(session)
    existing = repo.find(brief.id, candidate.id)
    if existing is not None:
        raise Conflict(
            f"{candidate.name} already has term sheet {existing.id} on this brief; "
            "edit it, or reopen it if it is agreed",
            detail={"term_sheet_id": existing.id},
        )
    given = {k: v for k, v in (data or {}).items() if v is not None}
    for field in ("status", "reopen_reason"):
        if field in given:
            raise InvalidTerm(field, f"a new term sheet starts as a draft; {field} cannot be set")
    defaults, source = _defaults(session, brief)
    if "engagement_type" not in given and "engagement_type" not in defaults:
        raise InvalidTerm(
            "engagement_type", "choose the engagement type: " + ", ".join(ENGAGEMENT_TYPES)
        )
    terms = parse_terms({**defaults, **given})
    row = TermSheetRecord(
        brief_id=brief.id,
        candidate_id=candidate.id,
        created_by_id=actor.id if actor else None,
        rate_source="entered" if "day_rate" in given else source,
    )
    _write(row, terms)
    repo.add(row)
    record(
        session,
        actor,
        "terms.create",
        "term_sheet",
        row.id,
        {"brief_id": brief.id, "candidate_id": candidate.id, "to": "draft"},
    )
    return row


def get_terms(session: Session, term_sheet_id: int) -> TermSheetRecord:
    row = TermSheetRepository(session).get(term_sheet_id)
    if row is None:
        raise NotFound(f"no term sheet with id {term_sheet_id}")
    return row


def find_terms(session: Session, brief_id: int, candidate_id: int) -> TermSheetRecord | None:
    return TermSheetRepository(session).find(brief_id, candidate_id)


def update_terms(
    session: Session, term_sheet_id: int, changes: Mapping[str, Any], actor: User | None
) -> TermSheetRecord:
    """Edit a draft; the whole sheet is validated again before anything is stored."""
    row = get_terms(session, term_sheet_id)
    terms = revise(terms_of(row), changes)
    if "day_rate" in changes and terms.day_rate != _decimal(row.day_rate):
        row.rate_source = "entered"
    _write(row, terms)
    session.flush()
    record(session, actor, "terms.update", "term_sheet", row.id, {"fields": sorted(changes)})
    return row


def change_status(
    session: Session, term_sheet_id: int, target: TermStatus, actor: User | None
) -> TermSheetRecord:
    """Propose, agree, or take proposed terms back to draft."""
    row = get_terms(session, term_sheet_id)
    before = row.status
    terms = transition(terms_of(row), target)
    _write(row, terms)
    session.flush()
    record(session, actor, "terms.status", "term_sheet", row.id, {"from": before, "to": target})
    return row


def reopen_terms(
    session: Session, term_sheet_id: int, reason: str, actor: User | None
) -> TermSheetRecord:
    row = get_terms(session, term_sheet_id)
    terms = reopen(terms_of(row), reason)
    _write(row, terms)
    session.flush()
    record(
        session,
        actor,
        "terms.reopen",
        "term_sheet",
        row.id,
        {"from": "agreed", "to": "draft", "reason": terms.reopen_reason},
    )
    return row


def history(session: Session, term_sheet_id: int) -> list[AuditEntry]:
    """Every status change of the sheet, oldest first, from the audit trail."""
    entries = AuditRepository(session).for_subject("term_sheet", str(term_sheet_id))
    return [e for e in entries if e.action in STATUS_ACTIONS]


def view_terms(session: Session, term_sheet_id: int) -> TermsView:
    row = get_terms(session, term_sheet_id)
    brief = BriefRepository(session).get(row.brief_id)
    candidate = CandidateRepository(session).get(row.candidate_id)
    if brief is None or candidate is None:
        raise NotFound(f"term sheet {term_sheet_id} points at a missing brief or candidate")
    terms = terms_of(row)
    return TermsView(
        row, terms, brief, candidate, classification_flags(terms), history(session, row.id)
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "terms"


def render_terms(session: Session, term_sheet_id: int, actor: User | None) -> RenderedTerms:
    """The sheet as a Word document; rendering is an export, so it is logged."""
    view = view_terms(session, term_sheet_id)
    content = render_docx(view.terms, view.candidate.name, view.brief.title, view.flags)
    filename = f"term-sheet-{view.record.id}-{_slug(view.candidate.name)}.docx"
    record(
        session,
        actor,
        "terms.render",
        "term_sheet",
        view.record.id,
        {"format": "docx", "candidate_id": view.candidate.id, "status": view.record.status},
    )
    return RenderedTerms(filename, DOCX_CONTENT_TYPE, content)


def terms_dict(view: TermsView) -> dict[str, Any]:
    """A term sheet as JSON: its fields, flags, disclaimer and status history."""
    return {
        "id": view.record.id,
        "brief_id": view.brief.id,
        "candidate_id": view.candidate.id,
        "candidate_name": view.candidate.name,
        **view.terms.model_dump(mode="json"),
        "rate_source": view.record.rate_source,
        "created_at": view.record.created_at.isoformat(),
        "updated_at": view.record.updated_at.isoformat(),
        "flags": [flag.model_dump() for flag in view.flags],
        "disclaimer": DISCLAIMER,
        "history": [
            {"at": e.at.isoformat(), "actor_id": e.actor_id, "action": e.action, **e.detail}
            for e in view.history
        ],
    }
