"""Stored term sheets: defaults, lifecycle with its history, refused input, the DOCX."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.candidates.models import Candidate
from hireloop.candidates.repository import CandidateRepository
from hireloop.compliance.models import AuditEntry
from hireloop.contracts import service
from hireloop.contracts.errors import (
    ConversionFeeOutOfRange,
    EndBeforeStart,
    InvalidTransition,
    TermsIncomplete,
    TermsLocked,
)
from hireloop.contracts.models import TermSheetRecord
from hireloop.kit.errors import Conflict
from hireloop.rates.models import RateCheckRecord
from support import add_user

DATES = {"start_date": date(2027, 1, 11), "end_date": date(2027, 7, 9)}


def _brief_and_candidate(db: Session) -> tuple[Brief, Candidate]:
    brief = BriefRepository(db).add(
        Brief(
            title="Ship the support assistant",
            outcome="A retrieval assistant answering 60% of tickets",
            success_metric="deflection rate above 60%",
            budget_day_rate=1300.0,
            engagement_types=["1099", "w2"],
        )
    )
    candidate = CandidateRepository(db).add(Candidate(name="Ada Example"))
    return brief, candidate


def _rate_check(db: Session, brief: Brief, rate: float, validated: bool) -> RateCheckRecord:
    check = RateCheckRecord(
        brief_id=brief.id,
        rate=rate,
        basis="1099",
        market="remote_us",
        specialisms=[],
        as_of=date(2026, 11, 20),
        validated=validated,
        verdict="at_market" if validated else "not_validated",
        clearing_day_rate=rate,
        result={},
        signals=[],
    )
    db.add(check)
    db.flush()
    return check


def _count(db: Session) -> int:
    return int(db.scalar(select(func.count()).select_from(TermSheetRecord)) or 0)


def test_a_new_sheet_takes_the_brief_budget_scope_and_reference_defaults(db: Session) -> None:
    brief, candidate = _brief_and_candidate(db)
    row = service.create_terms(db, brief, candidate, None, {"engagement_type": "w2"})
    terms = service.terms_of(row)
    assert terms.status == "draft"
    assert terms.day_rate == Decimal("1300") and row.rate_source == "the brief's budget day rate"
    assert terms.conversion_fee_percent == Decimal(20)
    assert (terms.conversion_window_start_month, terms.conversion_window_end_month) == (3, 6)
    assert terms.scope_deliverables[0].endswith("A retrieval assistant answering 60% of tickets")


def test_the_latest_validated_rate_check_wins_over_the_budget(db: Session) -> None:
    brief, candidate = _brief_and_candidate(db)
    validated = _rate_check(db, brief, 1450.0, validated=True)
    _rate_check(db, brief, 1100.0, validated=False)
    row = service.create_terms(db, brief, candidate, None, {"engagement_type": "1099"})
    assert row.day_rate == 1450.0
    assert row.rate_source == f"validated rate check {validated.id} of 2026-11-20"


def test_the_engagement_type_is_required_when_the_brief_allows_several(db: Session) -> None:
    brief, candidate = _brief_and_candidate(db)
    with pytest.raises(Exception, match="choose the engagement type") as refused:
        service.create_terms(db, brief, candidate, None, {})
    assert refused.value.detail == {"field": "engagement_type"}
    assert _count(db) == 0


def test_propose_agree_reopen_keeps_its_history(db: Session) -> None:
    brief, candidate = _brief_and_candidate(db)
    recruiter = add_user(db, "recruiter")
    row = service.create_terms(db, brief, candidate, recruiter, {"engagement_type": "w2", **DATES})
    service.change_status(db, row.id, "proposed", recruiter)
    service.change_status(db, row.id, "agreed", recruiter)
    with pytest.raises(InvalidTransition):
        service.change_status(db, row.id, "draft", recruiter)
    service.reopen_terms(db, row.id, "client asked for a later start", recruiter)
    assert row.status == "draft" and row.reopen_reason == "client asked for a later start"
    steps = [(e.detail.get("from"), e.detail["to"]) for e in service.history(db, row.id)]
    assert steps == [
        (None, "draft"),
        ("draft", "proposed"),
        ("proposed", "agreed"),
        ("agreed", "draft"),
    ]
    assert {e.actor_id for e in service.history(db, row.id)} == {recruiter.id}


def test_end_before_start_is_refused_naming_the_field_and_saving_nothing(db: Session) -> None:
    brief, candidate = _brief_and_candidate(db)
    bad = {"engagement_type": "w2", "start_date": date(2027, 7, 1), "end_date": date(2027, 1, 1)}
    with pytest.raises(EndBeforeStart) as refused:
        service.create_terms(db, brief, candidate, None, bad)
    assert refused.value.field == "end_date" and refused.value.status == 422
    assert _count(db) == 0
    assert db.scalar(select(func.count()).where(AuditEntry.action == "terms.create")) == 0


def test_a_fee_outside_0_to_100_is_refused_and_the_draft_is_unchanged(db: Session) -> None:
    brief, candidate = _brief_and_candidate(db)
    row = service.create_terms(db, brief, candidate, None, {"engagement_type": "w2"})
    with pytest.raises(ConversionFeeOutOfRange) as refused:
        service.update_terms(db, row.id, {"conversion_fee_percent": "120", **DATES}, None)
    assert refused.value.field == "conversion_fee_percent"
    db.refresh(row)
    assert row.conversion_fee_percent == 20.0 and row.start_date is None


def test_agreeing_without_a_rate_names_the_missing_field(db: Session) -> None:
    brief, candidate = _brief_and_candidate(db)
    brief.budget_day_rate = None
    row = service.create_terms(db, brief, candidate, None, {"engagement_type": "w2", **DATES})
    service.change_status(db, row.id, "proposed", None)
    with pytest.raises(TermsIncomplete) as refused:
        service.change_status(db, row.id, "agreed", None)
    assert refused.value.missing == ["day_rate"] and "day_rate" in refused.value.message
    db.refresh(row)
    assert row.status == "proposed"


def test_only_drafts_are_edited_and_one_sheet_per_candidate_and_brief(db: Session) -> None:
    brief, candidate = _brief_and_candidate(db)
    row = service.create_terms(db, brief, candidate, None, {"engagement_type": "w2", **DATES})
    service.change_status(db, row.id, "proposed", None)
    with pytest.raises(TermsLocked):
        service.update_terms(db, row.id, {"day_rate": "1500"}, None)
    with pytest.raises(Conflict, match="already has term sheet"):
        service.create_terms(db, brief, candidate, None, {"engagement_type": "w2"})


def test_edits_round_trip_through_storage(db: Session) -> None:
    brief, candidate = _brief_and_candidate(db)
    row = service.create_terms(db, brief, candidate, None, {"engagement_type": "c2c"})
    changes = {
        "day_rate": "1412.50",
        "fee_schedule": {"points_per_month": "2", "floor_percent": "10"},
        "entity": {"legal_name": "Example ML LLC"},
        "b2b_checks_confirmed": ["invoices"],
        "work_state": "ny",
        **DATES,
    }
    service.update_terms(db, row.id, changes, None)
    db.expire_all()
    terms = service.terms_of(service.get_terms(db, row.id))
    assert terms.day_rate == Decimal("1412.5") and terms.work_state == "NY"
    assert terms.fee_schedule is not None and terms.fee_schedule.floor_percent == Decimal(10)
    assert terms.entity is not None and terms.entity.legal_name == "Example ML LLC"
    assert row.rate_source == "entered"


def test_the_docx_renders_with_its_flags_and_is_logged(db: Session) -> None:
    brief, candidate = _brief_and_candidate(db)
    data = {"engagement_type": "1099", "work_state": "CA", **DATES}
    row = service.create_terms(db, brief, candidate, None, data)
    done = service.render_terms(db, row.id, None)
    assert done.content_type == service.DOCX_CONTENT_TYPE
    assert done.filename == f"term-sheet-{row.id}-ada-example.docx"
    with zipfile.ZipFile(io.BytesIO(done.content)) as docx:
        body = docx.read("word/document.xml").decode()
    assert "Ada Example" in body and "ABC test" in body and "not legal or tax advice" in body
    logged = db.scalars(select(AuditEntry).where(AuditEntry.action == "terms.render")).all()
    assert [e.subject_id for e in logged] == [str(row.id)]
