"""The loop API: plan, loops, scorecards with independence, edits as versions, the decision."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.candidates.models import Candidate
from hireloop.candidates.repository import CandidateRepository
from hireloop.interviews import service
from hireloop.interviews.models import ScorecardVersion, StoredScorecard
from hireloop.pipeline.service import add_to_brief
from hireloop.reference.loop import BLOCK_IDS
from support import add_user, login


def _world(db: Session) -> tuple[Brief, Candidate, User, dict[str, User]]:
    brief = BriefRepository(db).add(Brief(title="Ranking service", stack=["PyTorch", "Ray"]))
    candidate = CandidateRepository(db).add(Candidate(name="Ada Example"))
    add_to_brief(db, brief, candidate, actor=None)
    manager = add_user(db, "hiring_manager", "hm@example.com")
    panel = {b: add_user(db, "interviewer", f"{b}@example.com") for b in BLOCK_IDS}
    db.commit()
    return brief, candidate, manager, panel


def _as(client: TestClient, user: User) -> dict[str, str]:
    return {"X-CSRF-Token": login(client, user)}


def _setup_loop(client: TestClient, db: Session) -> tuple[Brief, int, User, dict[str, User]]:
    brief, candidate, manager, panel = _world(db)
    headers = _as(client, manager)
    put = client.put(
        f"/api/v1/briefs/{brief.id}/loop",
        json={"interviewers": {b: u.id for b, u in panel.items()}},
        headers=headers,
    )
    assert put.status_code == 200, put.text
    created = client.post(
        f"/api/v1/briefs/{brief.id}/loops",
        json={"candidate_id": candidate.id, "start": "2026-12-01T09:00:00-05:00"},
        headers=headers,
    )
    assert created.status_code == 201, created.text
    assert created.json()["start"] == "2026-12-01T14:00:00+00:00"
    return brief, created.json()["id"], manager, panel


def _card(client: TestClient, brief_id: int, block: str, rating: Any) -> dict[str, Any]:
    plan = client.get(f"/api/v1/briefs/{brief_id}/loop").json()
    questions = next(b["questions"] for b in plan["blocks"] if b["block"] == block)
    ratings = {q["id"]: rating for q in questions}
    return {"block": block, "ratings": ratings, "recommendation": "hire", "notes": "solid"}


def test_get_the_plan_and_put_weights(client: TestClient, db: Session) -> None:
    brief, _, manager, _ = _world(db)
    headers = _as(client, manager)
    plan = client.get(f"/api/v1/briefs/{brief.id}/loop").json()
    assert plan["total_minutes"] == 240 and plan["saved"] is False
    assert [(b["block"], b["minutes"], b["weight"]) for b in plan["blocks"]] == [
        ("system_design", 96, 40),
        ("deep_dive", 72, 30),
        ("behavioural", 48, 20),
        ("coding", 24, 10),
    ]
    assert all(q["signal"] and q["good_answer"] for b in plan["blocks"] for q in b["questions"])

    bad = client.put(
        f"/api/v1/briefs/{brief.id}/loop",
        json={"weights": {"system_design": 40, "deep_dive": 40, "behavioural": 20, "coding": 10}},
        headers=headers,
    )
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid_weights"
    assert bad.json()["detail"] == [{"field": "weights", "error": bad.json()["error"]}]
    assert client.get(f"/api/v1/briefs/{brief.id}/loop").json()["saved"] is False

    good = client.put(
        f"/api/v1/briefs/{brief.id}/loop",
        json={"weights": {"system_design": 30, "deep_dive": 40, "behavioural": 20, "coding": 10}},
        headers=headers,
    )
    assert good.status_code == 200 and good.json()["saved"] is True
    assert [b["minutes"] for b in good.json()["blocks"]] == [72, 96, 48, 24]


def test_an_interviewer_cannot_change_the_plan(client: TestClient, db: Session) -> None:
    brief, _, _, panel = _world(db)
    headers = _as(client, panel["coding"])
    response = client.put(f"/api/v1/briefs/{brief.id}/loop", json={}, headers=headers)
    assert response.status_code == 403


def test_scorecards_are_independent_until_ones_own_is_in(client: TestClient, db: Session) -> None:
    brief, loop_id, manager, panel = _setup_loop(client, db)

    headers = _as(client, panel["system_design"])
    card = _card(client, brief.id, "system_design", 4)
    assert (
        client.post(f"/api/v1/loops/{loop_id}/scorecards", json=card, headers=headers).status_code
        == 201
    )

    _as(client, panel["coding"])
    hidden = client.get(f"/api/v1/loops/{loop_id}/scorecards").json()
    assert hidden == {"loop_id": loop_id, "complete_view": False, "scorecards": []}
    assert client.get(f"/api/v1/loops/{loop_id}/decision").status_code == 403

    headers = _as(client, panel["coding"])
    card = _card(client, brief.id, "coding", 3)
    assert (
        client.post(f"/api/v1/loops/{loop_id}/scorecards", json=card, headers=headers).status_code
        == 201
    )
    shown = client.get(f"/api/v1/loops/{loop_id}/scorecards").json()
    assert shown["complete_view"] is True
    assert sorted(c["block"] for c in shown["scorecards"]) == ["coding", "system_design"]

    _as(client, manager)
    everything = client.get(f"/api/v1/loops/{loop_id}/scorecards").json()
    assert len(everything["scorecards"]) == 2

    outsider = add_user(db, "interviewer", "outsider@example.com")
    _as(client, outsider)
    assert client.get(f"/api/v1/loops/{loop_id}/scorecards").status_code == 403


def test_bad_scorecards_are_clear_errors_and_save_nothing(client: TestClient, db: Session) -> None:
    brief, loop_id, _, panel = _setup_loop(client, db)
    headers = _as(client, panel["deep_dive"])
    url = f"/api/v1/loops/{loop_id}/scorecards"

    out_of_range = _card(client, brief.id, "deep_dive", 0)
    response = client.post(url, json=out_of_range, headers=headers)
    assert response.status_code == 422 and response.json()["code"] == "rating_out_of_range"
    first = next(iter(out_of_range["ratings"]))
    assert f"question {first}" in response.json()["error"]
    assert response.json()["detail"][0]["field"] == f"ratings.{first}"

    not_mine = _card(client, brief.id, "coding", 3)
    assert client.post(url, json=not_mine, headers=headers).status_code == 403

    no_such_block = {**_card(client, brief.id, "deep_dive", 3), "block": "lunch"}
    assert client.post(url, json=no_such_block, headers=headers).status_code == 422
    assert db.scalars(select(StoredScorecard)).all() == []


def test_a_second_post_conflicts_and_put_keeps_the_old_version(
    client: TestClient, db: Session
) -> None:
    brief, loop_id, _, panel = _setup_loop(client, db)
    headers = _as(client, panel["behavioural"])
    url = f"/api/v1/loops/{loop_id}/scorecards"
    first = client.post(url, json=_card(client, brief.id, "behavioural", 2), headers=headers)
    assert first.status_code == 201 and first.json()["version"] == 1

    second = client.post(url, json=_card(client, brief.id, "behavioural", 4), headers=headers)
    assert second.status_code == 409
    assert set(client.get(url).json()["scorecards"][0]["ratings"].values()) == {2}

    edit = _card(client, brief.id, "behavioural", 3)
    del edit["block"]
    edited = client.put(f"{url}/behavioural", json=edit, headers=headers)
    assert edited.status_code == 200 and edited.json()["version"] == 2
    versions = db.scalars(select(ScorecardVersion)).all()
    assert [(v.version, set(v.ratings.values())) for v in versions] == [(1, {2})]


def test_the_decision_waits_for_every_block_then_is_confirmed(
    client: TestClient, db: Session
) -> None:
    brief, loop_id, manager, panel = _setup_loop(client, db)
    for block in BLOCK_IDS:
        headers = _as(client, panel[block])
        card = _card(client, brief.id, block, 3)
        client.post(f"/api/v1/loops/{loop_id}/scorecards", json=card, headers=headers)
    headers = _as(client, manager)
    decision = client.get(f"/api/v1/loops/{loop_id}/decision").json()
    assert decision["decision"] == "hire" and decision["score"] == 3.0
    assert decision["arithmetic"][-1].endswith(": hire")

    confirmed = client.post(f"/api/v1/loops/{loop_id}/decision", json={}, headers=headers)
    assert confirmed.status_code == 200 and confirmed.json()["decision"] == "hire"
    board = client.get(f"/api/v1/briefs/{brief.id}").json()["board"]
    assert [c["name"] for c in board["offer"]] == ["Ada Example"]


def test_a_naive_start_and_an_unknown_candidate_are_refused(
    client: TestClient, db: Session
) -> None:
    brief, candidate, manager, _ = _world(db)
    headers = _as(client, manager)
    url = f"/api/v1/briefs/{brief.id}/loops"
    naive = client.post(
        url, json={"candidate_id": candidate.id, "start": "2026-12-01T09:00:00"}, headers=headers
    )
    assert naive.status_code == 422 and "time zone" in naive.json()["error"]
    unknown = client.post(url, json={"candidate_id": 999999}, headers=headers)
    assert unknown.status_code == 404
    assert service.brief_plan(db, brief.id).saved is False
