"""The brief page's pipeline board: moving a candidate records who moved them and when."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.candidates.models import Candidate
from hireloop.candidates.repository import CandidateRepository
from hireloop.pipeline.models import Application, StageEvent
from hireloop.pipeline.service import add_to_brief
from support import add_user, login


def _brief_with_candidate(db: Session) -> tuple[Brief, Candidate, Application]:
    brief = BriefRepository(db).add(Brief(title="Ship the support assistant", location="remote"))
    candidate = CandidateRepository(db).add(Candidate(name="Ada Example", email="ada@example.com"))
    application = add_to_brief(db, brief, candidate, actor=None)
    db.commit()
    return brief, candidate, application


def _column_of(page: str, name: str) -> str:
    for stage, body in re.findall(r'data-stage="([a-z]+)">(.*?)</section>', page, re.S):
        if name in body:
            return stage
    raise AssertionError(f"{name} is on no column")


def test_the_board_shows_each_candidate_in_their_stage(client: TestClient, db: Session) -> None:
    brief, candidate, _ = _brief_with_candidate(db)
    login(client, add_user(db, "recruiter"))
    page = client.get(f"/briefs/{brief.id}").text
    assert _column_of(page, candidate.name) == "sourced"


def test_moving_a_candidate_records_who_and_when(client: TestClient, db: Session) -> None:
    brief, candidate, application = _brief_with_candidate(db)
    mover = add_user(db, "hiring_manager")
    token = login(client, mover)
    response = client.post(
        f"/briefs/{brief.id}/applications/{application.id}/move",
        data={"stage": "interviewing", "csrf_token": token},
    )
    assert response.status_code == 303
    assert _column_of(client.get(f"/briefs/{brief.id}").text, candidate.name) == "interviewing"
    event = db.scalars(
        select(StageEvent)
        .where(StageEvent.application_id == application.id)
        .order_by(StageEvent.id)
    ).all()[-1]
    assert (event.from_stage, event.to_stage, event.actor_id) == (
        "sourced",
        "interviewing",
        mover.id,
    )
    history = client.get(f"/candidates/{candidate.id}").text
    assert "interviewing" in history and mover.name in history


def test_an_unknown_stage_is_refused_and_nothing_moves(client: TestClient, db: Session) -> None:
    brief, candidate, application = _brief_with_candidate(db)
    token = login(client, add_user(db, "recruiter"))
    response = client.post(
        f"/briefs/{brief.id}/applications/{application.id}/move",
        data={"stage": "hired-ish", "csrf_token": token},
    )
    assert response.status_code == 422
    assert "unknown stage" in response.text
    assert _column_of(client.get(f"/briefs/{brief.id}").text, candidate.name) == "sourced"


def test_an_unknown_brief_is_a_404_page_and_a_json_404(client: TestClient, db: Session) -> None:
    login(client, add_user(db, "recruiter"))
    page = client.get("/briefs/999999")
    assert page.status_code == 404
    assert "no brief with id 999999" in page.text
    api = client.get("/api/v1/briefs/999999")
    assert api.status_code == 404
    assert api.json() == {"error": "no brief with id 999999", "code": "not_found", "detail": None}


def test_the_api_moves_a_candidate_with_the_csrf_header(client: TestClient, db: Session) -> None:
    brief, _, application = _brief_with_candidate(db)
    token = login(client, add_user(db, "recruiter"))
    response = client.post(
        f"/api/v1/applications/{application.id}/move",
        json={"stage": "screened"},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 200
    assert response.json()["stage"] == "screened"
    board = client.get(f"/api/v1/briefs/{brief.id}").json()["board"]
    assert [c["application_id"] for c in board["screened"]] == [application.id]


def test_the_dashboard_counts_candidates_per_stage(client: TestClient, db: Session) -> None:
    brief, _, _ = _brief_with_candidate(db)
    login(client, add_user(db, "recruiter"))
    page = client.get("/").text
    assert brief.title in page


def test_the_dashboard_title_is_just_its_name(client: TestClient, db: Session) -> None:
    login(client, add_user(db, "recruiter"))
    page = client.get("/").text
    assert re.search(r"<title>\s*Dashboard · hireloop\s*</title>", page)
