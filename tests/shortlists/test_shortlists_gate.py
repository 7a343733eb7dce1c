"""The shortlist and its gate: nothing goes to the client while anyone's terms are open."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.candidates.models import Candidate
from hireloop.compliance.models import AuditEntry
from hireloop.contracts.service import change_status, create_terms
from hireloop.kit.errors import NotFound
from hireloop.pipeline.repository import PipelineRepository
from hireloop.pipeline.service import add_to_brief, move
from hireloop.shortlists import service
from hireloop.shortlists.errors import AlreadyShortlisted, TermsOpen
from support import add_user

TERMS = {"engagement_type": "w2", "start_date": date(2027, 1, 11), "end_date": date(2027, 7, 9)}


def _audit(db: Session, action: str) -> list[AuditEntry]:
    return list(db.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def _agree(db: Session, setup: Any, candidate_id: int) -> None:
    candidate = setup.ada if candidate_id == setup.ada.id else setup.ben
    sheet = create_terms(db, setup.brief, candidate, None, TERMS)
    change_status(db, sheet.id, "proposed", None)
    change_status(db, sheet.id, "agreed", None)


def test_adding_moves_the_candidate_to_shortlisted_and_is_logged(db: Session, setup: Any) -> None:
    recruiter = add_user(db, "recruiter")
    service.add_to_shortlist(db, setup.brief, setup.ada, recruiter, "strong retrieval work")
    application = PipelineRepository(db).find(setup.brief.id, setup.ada.id)
    assert application is not None and application.stage == "shortlisted"
    assert [e.actor_id for e in _audit(db, "shortlist.add")] == [recruiter.id]
    with pytest.raises(AlreadyShortlisted):
        service.add_to_shortlist(db, setup.brief, setup.ada, recruiter)


def test_a_candidate_further_along_keeps_their_stage(db: Session, setup: Any) -> None:
    application = add_to_brief(db, setup.brief, setup.ada, None)
    move(db, application.id, "interviewing", None)
    service.add_to_shortlist(db, setup.brief, setup.ada, None)
    assert application.stage == "interviewing"


def test_removing_takes_them_off_and_back_to_screened(db: Session, setup: Any) -> None:
    service.add_to_shortlist(db, setup.brief, setup.ada, None)
    service.remove_from_shortlist(db, setup.brief, setup.ada, None)
    assert service.shortlist(db, setup.brief.id) == []
    application = PipelineRepository(db).find(setup.brief.id, setup.ada.id)
    assert application is not None and application.stage == "screened"
    with pytest.raises(NotFound):
        service.remove_from_shortlist(db, setup.brief, setup.ada, None)


def test_each_row_carries_its_evidence_override_and_terms(db: Session, setup: Any) -> None:
    setup.ben.verdict_override = "production"
    setup.ben.override_reason = "shipped fraud model, confirmed by reference"
    service.add_to_shortlist(db, setup.brief, setup.ada, None)
    service.add_to_shortlist(db, setup.brief, setup.ben, None)
    create_terms(db, setup.brief, setup.ada, None, TERMS)
    ada, ben = service.shortlist(db, setup.brief.id)
    assert ada.evidence.verdict == "production" and ada.evidence.score == 82
    assert [e["kind"] for e in ada.evidence.evidence] == ["scale", "reliability"]
    assert ada.evidence.missing == ["no public code in the last two years"]
    assert ada.terms.status == "draft" and ada.terms.day_rate == 1400.0
    assert ben.evidence.verdict == "production"
    assert ben.evidence.engine_verdict == "some_production"
    assert ben.terms.status == "none"


def test_the_gate_names_who_and_what_is_open_and_logs_nothing(db: Session, setup: Any) -> None:
    service.add_to_shortlist(db, setup.brief, setup.ada, None)
    service.add_to_shortlist(db, setup.brief, setup.ben, None)
    sheet = create_terms(db, setup.brief, setup.ada, None, TERMS)
    change_status(db, sheet.id, "proposed", None)
    for fmt in ("csv", "json", "print"):
        with pytest.raises(TermsOpen) as refused:
            service.export_shortlist(db, setup.brief, fmt, None)
        assert refused.value.status == 409
        assert refused.value.message == (
            "the shortlist cannot be exported while terms are open: "
            "Ada Example: terms are proposed, not agreed; Ben Roe: no term sheet"
        )
    with pytest.raises(TermsOpen, match="cannot be presented"):
        service.present_shortlist(db, setup.brief, None)
    assert _audit(db, "shortlist.export") == []
    assert _audit(db, "shortlist.present") == []
    assert service.latest_presentation(db, setup.brief.id) is None


def test_once_all_agreed_the_export_goes_out_and_is_audited(db: Session, setup: Any) -> None:
    recruiter = add_user(db, "recruiter")
    service.add_to_shortlist(db, setup.brief, setup.ada, recruiter)
    service.add_to_shortlist(db, setup.brief, setup.ben, recruiter)
    _agree(db, setup, setup.ada.id)
    _agree(db, setup, setup.ben.id)

    done = service.export_shortlist(db, setup.brief, "csv", recruiter)
    rows = list(csv.DictReader(io.StringIO(done.body)))
    assert [r["name"] for r in rows] == ["Ada Example", "Ben Roe"]
    assert rows[0]["terms_status"] == "agreed" and rows[0]["day_rate"] == "1400.0"
    assert (rows[0]["start_date"], rows[0]["end_date"]) == ("2027-01-11", "2027-07-09")
    assert "40k requests per second" in rows[0]["evidence"]
    assert "Kaggle" not in rows[0]["evidence"]
    assert done.filename.endswith(".csv")

    data = json.loads(service.export_shortlist(db, setup.brief, "json", recruiter).body)
    assert data["candidates"][1]["terms"]["engagement_type"] == "w2"
    assert data["candidates"][0]["evidence"][0]["kind"] == "scale"

    exports = _audit(db, "shortlist.export")
    assert [(e.actor_id, e.detail["format"]) for e in exports] == [
        (recruiter.id, "csv"),
        (recruiter.id, "json"),
    ]
    assert exports[0].detail["candidate_ids"] == [setup.ada.id, setup.ben.id]


def test_presenting_records_who_and_when(db: Session, setup: Any) -> None:
    recruiter = add_user(db, "recruiter")
    with pytest.raises(Exception, match="shortlist is empty"):
        service.present_shortlist(db, setup.brief, recruiter)
    service.add_to_shortlist(db, setup.brief, setup.ada, recruiter)
    _agree(db, setup, setup.ada.id)
    presentation = service.present_shortlist(db, setup.brief, recruiter, "sent to Dana")
    assert presentation.presented_by_id == recruiter.id
    assert presentation.candidate_ids == [setup.ada.id]
    assert presentation.presented_at is not None
    assert [e.actor_id for e in _audit(db, "shortlist.present")] == [recruiter.id]


def test_spreadsheet_formulas_in_names_are_neutralised(
    db: Session, setup: Any, make_screened: Callable[[str], Candidate]
) -> None:
    tricky = make_screened("=HYPERLINK(1)")
    service.add_to_shortlist(db, setup.brief, tricky, None)
    sheet = create_terms(db, setup.brief, tricky, None, TERMS)
    change_status(db, sheet.id, "proposed", None)
    change_status(db, sheet.id, "agreed", None)
    body = service.export_shortlist(db, setup.brief, "csv", None).body
    assert [r["name"] for r in csv.DictReader(io.StringIO(body))] == ["'=HYPERLINK(1)"]
