"""A person overrides a rate check's verdict with a reason; it is logged and shown."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.compliance.models import AuditEntry
from support import add_user, login


def _brief(db: Session) -> Brief:
    brief = BriefRepository(db).add(
        Brief(title="Ship the support assistant", location="sf_bay_area", budget_day_rate=1400)
    )
    db.commit()
    return brief


def test_an_override_needs_a_check_and_a_reason_and_keeps_what_was_typed(
    client: TestClient, db: Session
) -> None:
    brief = _brief(db)
    token = login(client, add_user(db, "recruiter"))
    url = f"/briefs/{brief.id}/rates/override"
    early = client.post(url, data={"verdict": "competitive", "reason": "x", "csrf_token": token})
    assert early.status_code == 404 and "run one first" in early.text

    assert (
        client.post(f"/briefs/{brief.id}/rates/check", data={"csrf_token": token}).status_code
        == 303
    )
    refused = client.post(url, data={"verdict": "competitive", "reason": "", "csrf_token": token})
    assert refused.status_code == 422
    assert "say why" in refused.text
    assert '<option value="competitive" selected>' in refused.text


def test_an_override_is_shown_on_the_page_the_panel_and_the_api_and_is_logged(
    client: TestClient, db: Session
) -> None:
    brief = _brief(db)
    recruiter = add_user(db, "recruiter")
    token = login(client, recruiter)
    client.post(f"/briefs/{brief.id}/rates/check", data={"csrf_token": token})
    reason = "The candidate takes 1,400 for a fully remote four-day week."
    ok = client.post(
        f"/briefs/{brief.id}/rates/override",
        data={"verdict": "competitive", "reason": reason, "csrf_token": token},
    )
    assert ok.status_code == 303
    assert "four-day week" in client.get(f"/briefs/{brief.id}/rates").text
    assert "four-day week" in client.get(f"/briefs/{brief.id}").text
    api = client.get(f"/api/v1/briefs/{brief.id}/rate-check").json()
    assert api["override"]["verdict"] == "competitive"
    assert api["verdict"] != "competitive" or api["override"]["reason"] == reason
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "rates.override")).one()
    assert entry.actor_id == recruiter.id and entry.detail["to"] == "competitive"


def test_the_api_refuses_an_unknown_verdict_naming_the_field(
    client: TestClient, db: Session
) -> None:
    brief = _brief(db)
    token = login(client, add_user(db, "recruiter"))
    headers = {"X-CSRF-Token": token}
    client.post(f"/api/v1/briefs/{brief.id}/rate-check", json={}, headers=headers)
    response = client.post(
        f"/api/v1/briefs/{brief.id}/rate-check/override",
        json={"verdict": "cheap", "reason": "because"},
        headers=headers,
    )
    assert response.status_code == 422
    assert response.json()["detail"] == [{"field": "verdict", "error": "unknown verdict"}]
