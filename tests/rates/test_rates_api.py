"""The rates API as an integration uses it: signals in, a brief's rate check out, as JSON."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.rates.routes import today
from support import add_user, login

HEADER = "kind,source,rate,unit,basis,market,specialism,as_of,p25,p50,p75,n"


def _brief(db: Session) -> Brief:
    brief = BriefRepository(db).add(
        Brief(title="Ship the support assistant", location="remote", budget_day_rate=1200.0)
    )
    db.commit()
    return brief


def _csv(*rows: str) -> str:
    return "\n".join([HEADER, *rows]) + "\n"


def _rows() -> list[str]:
    on = today().isoformat()
    return [
        f"aggregator,Pay survey A,,day,1099,remote,,{on},1100,1250,1400,40",
        f"aggregator,Pay survey B,,day,1099,remote,,{on},1000,1200,1350,90",
    ]


def test_signals_go_in_as_json_and_come_back_filtered(client: TestClient, db: Session) -> None:
    token = login(client, add_user(db, "recruiter"))
    signal = {
        "kind": "competing_process",
        "source": "Candidate told us",
        "rate": 1300,
        "unit": "day",
        "basis": "1099",
        "market": "remote",
        "as_of": today().isoformat(),
    }
    response = client.post("/api/v1/rates/signals", json=signal, headers={"X-CSRF-Token": token})
    assert response.status_code == 201
    created = response.json()
    assert (created["kind"], created["rate"], created["origin"]) == (
        "competing_process",
        1300,
        "api",
    )
    listed = client.get("/api/v1/rates/signals", params={"market": "remote"}).json()
    assert [s["id"] for s in listed] == [created["id"]]
    assert client.get("/api/v1/rates/signals", params={"market": "us"}).json() == []


def test_a_bad_signal_is_a_422_naming_the_field(client: TestClient, db: Session) -> None:
    token = login(client, add_user(db, "recruiter"))
    response = client.post(
        "/api/v1/rates/signals",
        json={"kind": "placement", "source": "x", "rate": -1, "unit": "day", "basis": "1099"},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 422
    fields = {d["field"] for d in response.json()["detail"]}
    assert {"rate", "market", "as_of"} <= fields


def test_csv_import_takes_a_text_body_or_a_file_and_is_all_or_nothing(
    client: TestClient, db: Session
) -> None:
    token = login(client, add_user(db, "recruiter"))
    headers = {"X-CSRF-Token": token, "Content-Type": "text/csv"}
    response = client.post("/api/v1/rates/signals/import", content=_csv(*_rows()), headers=headers)
    assert response.status_code == 201 and response.json()["imported"] == 2

    bad = _csv(*_rows(), "placement,Desk,1300,fortnight,1099,remote,,2026-03-01,,,,")
    response = client.post(
        "/api/v1/rates/signals/import",
        files={"file": ("signals.csv", bad.encode(), "text/csv")},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_signal_file"
    assert (body["detail"]["row"], body["detail"]["column"]) == (4, "unit")
    assert len(client.get("/api/v1/rates/signals").json()) == 2


def test_a_rate_check_returns_its_verdict_and_evidence(client: TestClient, db: Session) -> None:
    brief = _brief(db)
    token = login(client, add_user(db, "recruiter"))
    headers = {"X-CSRF-Token": token}
    assert client.get(f"/api/v1/briefs/{brief.id}/rate-check").status_code == 404
    client.post(
        "/api/v1/rates/signals/import",
        content=_csv(*_rows()),
        headers={**headers, "Content-Type": "text/csv"},
    )
    response = client.post(
        f"/api/v1/briefs/{brief.id}/rate-check",
        json={"rate": 1250, "basis": "1099", "specialisms": []},
        headers=headers,
    )
    assert response.status_code == 201
    check = response.json()
    for key in ("validated", "verdict", "clearing_day_rate", "band", "percentile", "missing"):
        assert key in check
    assert check["validated"] is False and check["stale"] is False
    assert check["verdict"] == "competitive"
    assert len(check["signals_used"]) == 2
    assert any("live market signal" in m for m in check["missing"])
    assert set(check["band"]) >= {"low", "high"}

    latest = client.get(f"/api/v1/briefs/{brief.id}/rate-check").json()
    assert latest["id"] == check["id"] and latest["clearing_day_rate"] == check["clearing_day_rate"]


def test_a_check_without_a_rate_uses_the_budget(client: TestClient, db: Session) -> None:
    brief = _brief(db)
    token = login(client, add_user(db, "recruiter"))
    response = client.post(
        f"/api/v1/briefs/{brief.id}/rate-check", json={}, headers={"X-CSRF-Token": token}
    )
    assert response.status_code == 201 and response.json()["rate"] == 1200


def test_a_negative_rate_is_a_422_with_field_detail(client: TestClient, db: Session) -> None:
    brief = _brief(db)
    token = login(client, add_user(db, "recruiter"))
    response = client.post(
        f"/api/v1/briefs/{brief.id}/rate-check",
        json={"rate": -1500},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_input"
    assert body["detail"] == [{"field": "rate", "error": "must be a positive number"}]
    assert client.get(f"/api/v1/briefs/{brief.id}/rate-check").status_code == 404


def test_reading_needs_rates_read_and_checking_needs_rates_write(
    client: TestClient, db: Session
) -> None:
    brief = _brief(db)
    login(client, add_user(db, "interviewer"))
    assert client.get("/api/v1/rates/signals").status_code == 403
    client.cookies.clear()
    token = login(client, add_user(db, "hiring_manager"))
    assert client.get("/api/v1/rates/signals").status_code == 200
    response = client.post(
        f"/api/v1/briefs/{brief.id}/rate-check", json={}, headers={"X-CSRF-Token": token}
    )
    assert response.status_code == 403
