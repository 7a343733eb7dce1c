"""The loop pages: plan form, kits, scorecard form, debrief and decision, calibration, .ics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.candidates.models import Candidate
from hireloop.candidates.repository import CandidateRepository
from hireloop.interviews import scorecard_service as cards
from hireloop.interviews import service
from hireloop.interviews.models import Loop, StoredScorecard
from hireloop.interviews.repository import LoopRepository
from hireloop.pipeline.models import Application
from hireloop.pipeline.service import add_to_brief
from hireloop.reference.loop import BLOCK_IDS
from support import add_user, login


@dataclass
class Setup:
    brief: Brief
    candidate: Candidate
    application: Application
    manager: User
    panel: dict[str, User]


def _setup(db: Session) -> Setup:
    brief = BriefRepository(db).add(
        Brief(title="Ship the support assistant", stack=["PyTorch", "pgvector"], outcome="RAG")
    )
    candidate = CandidateRepository(db).add(Candidate(name="Ada Example"))
    application = add_to_brief(db, brief, candidate, actor=None, stage="shortlisted")
    manager = add_user(db, "hiring_manager", "hm@example.com")
    panel = {b: add_user(db, "interviewer", f"{b}@example.com") for b in BLOCK_IDS}
    for block, person in panel.items():
        person.name = f"Panel {block}"
    service.save_plan(db, brief, manager, interviewers={b: u.id for b, u in panel.items()})
    db.commit()
    return Setup(brief, candidate, application, manager, panel)


def _loop(db: Session, s: Setup) -> Loop:
    loop = service.schedule_loop(db, s.brief, s.candidate.id, None, s.manager)
    db.commit()
    return loop


def _questions(db: Session, s: Setup, block: str) -> list[str]:
    planned = service.plan_view(db, s.brief).plan.block(block)
    assert planned is not None
    return [q.id for q in planned.questions]


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _rating_form(db: Session, s: Setup, block: str, rating: str, token: str) -> dict[str, str]:
    form = {f"rating.{q}": rating for q in _questions(db, s, block)}
    return {**form, "notes": "clear trade-offs", "recommendation": "hire", "csrf_token": token}


def test_the_plan_page_shows_blocks_minutes_and_interviewers(
    client: TestClient, db: Session
) -> None:
    s = _setup(db)
    login(client, s.manager)
    page = _soup(client.get(f"/briefs/{s.brief.id}/loop").text)
    rows = page.select("table.loop-blocks tr[data-block]")
    assert [(r["data-block"], r.find_all("td")[1].get_text()) for r in rows] == [
        ("system_design", "96"),
        ("deep_dive", "72"),
        ("behavioural", "48"),
        ("coding", "24"),
    ]
    assert "Panel coding" in rows[3].get_text()
    assert "100,000" in page.get_text()  # the brief mentions RAG, so the RAG design question
    chosen = page.select_one('select[name="interviewer.coding"] option[selected]')
    assert chosen is not None and chosen["value"] == str(s.panel["coding"].id)


def test_weights_not_totalling_100_re_render_with_what_was_typed(
    client: TestClient, db: Session
) -> None:
    s = _setup(db)
    token = login(client, s.manager)
    form = {"weight.system_design": "50", "weight.deep_dive": "30"}
    form |= {"weight.behavioural": "20", "weight.coding": "10", "csrf_token": token}
    response = client.post(f"/briefs/{s.brief.id}/loop", data=form)
    assert response.status_code == 422
    page = _soup(response.text)
    assert "total 100; these total 110" in page.select_one(".plan-form .error").get_text()
    assert page.select_one('input[name="weight.system_design"]')["value"] == "50"
    row = LoopRepository(db).plan_for(s.brief.id)
    assert row is not None and row.weights["system_design"] == 40


def test_scheduling_from_the_page_lists_the_loop_and_the_brief_panel(
    client: TestClient, db: Session
) -> None:
    s = _setup(db)
    token = login(client, s.manager)
    response = client.post(
        f"/briefs/{s.brief.id}/loops",
        data={
            "candidate_id": str(s.candidate.id),
            "start": "2026-12-01T14:00",
            "csrf_token": token,
        },
    )
    assert response.status_code == 303
    page = _soup(client.get(f"/briefs/{s.brief.id}/loop").text)
    row = page.select_one("table.loops tr[data-loop]")
    assert row is not None and "Ada Example" in row.get_text()
    assert "2026-12-01 14:00" in row.get_text()
    panel = _soup(client.get(f"/briefs/{s.brief.id}").text).select_one("#loop-panel")
    assert panel is not None and "1 loop" in panel.get_text()
    assert panel.select_one(f'a[href="/briefs/{s.brief.id}/loop"]') is not None


def test_a_kit_is_for_its_interviewer_and_lists_signals_and_checklists(
    client: TestClient, db: Session
) -> None:
    s = _setup(db)
    login(client, s.panel["system_design"])
    kit = client.get(f"/briefs/{s.brief.id}/loop/kit/system_design")
    assert kit.status_code == 200
    page = _soup(kit.text)
    assert "96 minutes" in page.get_text() and "Signal:" in page.get_text()
    assert page.select("ul.checklist.good li") and page.select("ul.checklist.red li")
    assert "@media print" in kit.text
    login(client, add_user(db, "interviewer", "outsider@example.com"))
    assert client.get(f"/briefs/{s.brief.id}/loop/kit/coding").status_code == 403


def test_the_scorecard_form_keeps_input_on_a_bad_rating_and_saves_nothing(
    client: TestClient, db: Session
) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    token = login(client, s.panel["coding"])
    form = _rating_form(db, s, "coding", "3", token)
    first = _questions(db, s, "coding")[0]
    form[f"rating.{first}"] = "5"
    response = client.post(f"/loops/{loop.id}/scorecard/coding", data=form)
    assert response.status_code == 422
    page = _soup(response.text)
    assert f"rating 5 for question {first}" in page.select_one(".error").get_text()
    assert page.select_one('textarea[name="notes"]').get_text() == "clear trade-offs"
    assert db.scalars(select(StoredScorecard)).all() == []


def test_submit_then_a_second_submit_conflicts_and_an_edit_makes_version_2(
    client: TestClient, db: Session
) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    token = login(client, s.panel["coding"])
    url = f"/loops/{loop.id}/scorecard/coding"
    assert client.post(url, data=_rating_form(db, s, "coding", "2", token)).status_code == 303
    assert "version 1" in client.get(url).text

    again = client.post(url, data={**_rating_form(db, s, "coding", "4", token), "mode": "submit"})
    assert again.status_code == 409 and "already submitted" in again.text
    card = db.scalars(select(StoredScorecard)).one()
    db.refresh(card)
    assert set(card.ratings.values()) == {2}

    edit = {**_rating_form(db, s, "coding", "4", token), "mode": "edit"}
    assert client.post(url, data=edit).status_code == 303
    db.refresh(card)
    assert card.version == 2 and set(card.ratings.values()) == {4}
    assert "1 earlier version kept" in client.get(url).text


def test_another_block_s_scorecard_page_is_forbidden(client: TestClient, db: Session) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    token = login(client, s.panel["coding"])
    response = client.post(
        f"/loops/{loop.id}/scorecard/deep_dive", data=_rating_form(db, s, "deep_dive", "3", token)
    )
    assert response.status_code == 403
    assert db.scalars(select(StoredScorecard)).all() == []


def _score_everything(db: Session, s: Setup, loop: Loop, rating: int) -> None:
    for block in BLOCK_IDS:
        data = {"ratings": {q: rating for q in _questions(db, s, block)}, "recommendation": "hire"}
        cards.submit_scorecard(db, loop.id, block, data, s.panel[block])
    db.commit()


def test_the_debrief_shows_the_arithmetic_and_confirming_moves_to_offer(
    client: TestClient, db: Session
) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    _score_everything(db, s, loop, 3)
    token = login(client, s.manager)
    url = f"/briefs/{s.brief.id}/loops/{loop.id}/debrief"
    page = _soup(client.get(url).text)
    assert page.select_one(".computed").get_text() == "hire"
    lines = [li.get_text() for li in page.select("ul.arithmetic li")]
    assert "system_design: mean(3, 3) = 3.00 x 40% = 1.20" in lines
    assert any(line.startswith("loop score = ") for line in lines)
    assert len(page.select("article.scorecard")) == 4

    response = client.post(
        f"/briefs/{s.brief.id}/loops/{loop.id}/decision",
        data={"decision": "hire", "note": "", "csrf_token": token},
    )
    assert response.status_code == 303
    db.refresh(s.application)
    assert s.application.stage == "offer"
    assert "Confirmed" in client.get(url).text


def test_an_override_without_a_reason_keeps_the_form(client: TestClient, db: Session) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    _score_everything(db, s, loop, 2)
    token = login(client, s.manager)
    response = client.post(
        f"/briefs/{s.brief.id}/loops/{loop.id}/decision",
        data={"decision": "hire", "note": "", "csrf_token": token},
    )
    assert response.status_code == 422
    chosen = _soup(response.text).select_one('select[name="decision"] option[selected]')
    assert chosen is not None and chosen["value"] == "hire"
    db.refresh(s.application)
    assert s.application.stage == "interviewing"


def test_a_panel_member_who_has_not_scored_cannot_open_the_debrief(
    client: TestClient, db: Session
) -> None:
    s = _setup(db)
    service.save_plan(db, s.brief, s.manager, interviewers={"coding": s.manager.id})
    db.commit()
    loop = _loop(db, s)
    login(client, s.manager)
    response = client.get(f"/briefs/{s.brief.id}/loops/{loop.id}/debrief")
    assert response.status_code == 403 and "submit your own scorecards" in response.text


def test_calibration_shows_the_pass_rate_against_the_70_percent_target(
    client: TestClient, db: Session
) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    _score_everything(db, s, loop, 2)
    login(client, s.manager)
    page = _soup(client.get(f"/briefs/{s.brief.id}/loop/calibration").text)
    text = page.select_one(".pass-rate").get_text()
    assert "0%" in text and "0 of 1 decided" in text and "Target: 70%" in text
    assert "below the target" in text
    assert len(page.select("table.calibration tbody tr")) == 4


def test_the_calendar_file_and_the_interviewers_own_page(client: TestClient, db: Session) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    login(client, s.panel["coding"])
    assert client.get(f"/loops/{loop.id}/schedule.ics").status_code == 422  # no start yet
    loop.starts_at = datetime(2026, 12, 1, 14, tzinfo=UTC)
    db.commit()
    ics = client.get(f"/loops/{loop.id}/schedule.ics")
    assert ics.status_code == 200
    assert ics.headers["content-type"].startswith("text/calendar")
    assert ics.text.startswith("BEGIN:VCALENDAR") and ics.text.count("BEGIN:VEVENT") == 4
    assert "DTSTART:20261201T140000Z" in ics.text

    mine = _soup(client.get("/interviews").text)
    assert mine.select_one(f'a[href="/loops/{loop.id}/scorecard/coding"]') is not None
