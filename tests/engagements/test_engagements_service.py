"""Engagements: started from agreed terms once placed, within 100% allocation, followed through."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.candidates.models import Candidate
from hireloop.candidates.repository import CandidateRepository
from hireloop.contracts.models import TermSheetRecord
from hireloop.contracts.service import change_status, create_terms, reopen_terms
from hireloop.engagements import service
from hireloop.engagements.errors import (
    InvalidEngagementInput,
    OutcomeReasonRequired,
    OverAllocated,
)
from hireloop.engagements.models import Engagement
from hireloop.kit.errors import Conflict
from hireloop.pipeline.service import add_to_brief, move

START, END = date(2027, 1, 11), date(2027, 7, 9)


def agreed_terms(db: Session, candidate: Candidate, stage: str = "placed") -> TermSheetRecord:
    brief = BriefRepository(db).add(Brief(title=f"Brief {candidate.name}"))
    data = {
        "engagement_type": "w2",
        "day_rate": "1000",
        "start_date": START,
        "end_date": END,
        "conversion_fee_percent": "20",
    }
    sheet = create_terms(db, brief, candidate, None, data)
    change_status(db, sheet.id, "proposed", None)
    change_status(db, sheet.id, "agreed", None)
    application = add_to_brief(db, brief, candidate, None)
    move(db, application.id, stage, None)
    return sheet


def _ada(db: Session) -> Candidate:
    return CandidateRepository(db).add(Candidate(name="Ada Example"))


def _count(db: Session) -> int:
    return int(db.scalar(select(func.count()).select_from(Engagement)) or 0)


def test_an_engagement_starts_from_agreed_terms_with_its_plan(db: Session) -> None:
    sheet = agreed_terms(db, _ada(db))
    engagement = service.create_engagement(db, sheet.id, None)
    assert (engagement.start_date, engagement.end_date) == (START, END)
    assert engagement.status == "active" and engagement.allocation_percent == 100
    view = service.view_engagement(db, engagement.id)
    assert [c.kind for c in view.checkpoints] == ["conversion_eligibility", "renewal", "extension"]
    assert [c.due for c in view.checkpoints][:2] == [date(2027, 4, 11), date(2027, 7, 11)]
    assert view.checkpoints[1].after_end and view.checkpoints[2].after_end
    assert len(view.handover) == 6 and not any(item.done for item in view.handover)


def test_only_a_placed_candidate_with_agreed_terms_starts(db: Session) -> None:
    ada = _ada(db)
    sheet = agreed_terms(db, ada, stage="offer")
    with pytest.raises(Conflict, match="Ada Example is offer on this brief"):
        service.create_engagement(db, sheet.id, None)
    assert _count(db) == 0


def test_a_second_engagement_past_100_percent_is_refused_and_nothing_saved(db: Session) -> None:
    ada = _ada(db)
    first = service.create_engagement(db, agreed_terms(db, ada).id, None, 60)
    second_terms = agreed_terms(db, ada)
    with pytest.raises(OverAllocated) as refused:
        service.create_engagement(db, second_terms.id, None, 50)
    assert refused.value.status == 409
    assert "bring this candidate to 110% allocated (already 60%)" in refused.value.message
    assert _count(db) == 1
    service.create_engagement(db, second_terms.id, None, 40)
    service.set_outcome(db, first.id, "completed", "shipped and handed over", END, None)
    assert first.status == "ended"


def test_the_same_terms_cannot_start_two_engagements(db: Session) -> None:
    sheet = agreed_terms(db, _ada(db))
    service.create_engagement(db, sheet.id, None, 50)
    with pytest.raises(Conflict, match="already has active engagement"):
        service.create_engagement(db, sheet.id, None, 50)


def test_deliveries_and_outcomes_need_their_reasons(db: Session) -> None:
    engagement = service.create_engagement(db, agreed_terms(db, _ada(db)).id, None)
    with pytest.raises(InvalidEngagementInput) as empty:
        service.log_delivery(db, engagement.id, date(2027, 2, 1), " ", "p99 40 ms", None)
    assert empty.value.field == "shipped"
    with pytest.raises(InvalidEngagementInput) as early:
        service.log_delivery(db, engagement.id, date(2026, 12, 1), "x", "y", None)
    assert early.value.field == "date"
    service.log_delivery(db, engagement.id, date(2027, 2, 1), "RAG service", "deflection 41%", None)
    with pytest.raises(OutcomeReasonRequired):
        service.set_outcome(db, engagement.id, "renewed", "  ", date(2027, 6, 1), None)
    service.set_outcome(db, engagement.id, "renewed", "roadmap needs six more months", END, None)
    assert engagement.status == "active" and engagement.outcome_kind == "renewed"
    service.set_handover_item(db, engagement.id, "runbooks", True, None)
    assert [i.id for i in service.handover_of(engagement) if i.done] == ["runbooks"]
    service.set_handover_item(db, engagement.id, "runbooks", False, None)
    assert not any(i.done for i in service.handover_of(engagement))


def test_checkpoints_due_within_the_window(db: Session) -> None:
    service.create_engagement(db, agreed_terms(db, _ada(db)).id, None)
    due = service.due_checkpoints(db, date(2027, 3, 20), 30)
    assert [(d.candidate_name, d.checkpoint.kind, d.checkpoint.due) for d in due] == [
        ("Ada Example", "conversion_eligibility", date(2027, 4, 11))
    ]
    assert service.due_checkpoints(db, date(2027, 2, 1), 30) == []


def test_conversion_economics_at_a_date(db: Session) -> None:
    engagement = service.create_engagement(db, agreed_terms(db, _ada(db)).id, None)
    with pytest.raises(InvalidEngagementInput, match="record the permanent salary"):
        service.conversion(db, engagement.id, date(2027, 5, 11))
    service.set_perm_salary(db, engagement.id, Decimal("200000"), None)
    service.log_delivery(db, engagement.id, date(2027, 2, 1), "RAG service", "41% deflection", None)
    service.log_delivery(db, engagement.id, date(2027, 6, 1), "Eval harness", "weekly run", None)
    economics = service.conversion(db, engagement.id, date(2027, 5, 11))
    assert economics.months_served == 4 and economics.in_conversion_window
    assert economics.fee_owed == Decimal("40000.00")
    assert economics.annualised_contract_cost == Decimal("230000.00")
    assert economics.salary_minus_contract_cost == Decimal("-30000.00")
    assert [d.shipped for d in economics.deliveries] == ["RAG service"]
    assert "Fee owed: 20% x $200,000.00 = $40,000.00" in economics.arithmetic


def test_reopened_terms_do_not_start_an_engagement(db: Session) -> None:
    sheet = agreed_terms(db, _ada(db))
    reopen_terms(db, sheet.id, "the client wants a later start", None)
    with pytest.raises(Conflict, match="is draft; an engagement starts only from agreed terms"):
        service.create_engagement(db, sheet.id, None)
