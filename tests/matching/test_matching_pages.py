"""The ranking page (factors, exclusions, empty pool, shortlist and vet forms) and vetting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from hireloop.briefs.intake import validate_brief
from hireloop.briefs.models import Brief
from hireloop.briefs.service import create_brief
from hireloop.candidates.models import Candidate
from hireloop.matching.models import Vetting
from html_tree import parse
from support import add_cv as support_add_cv
from support import add_user, login

SHIPPED = """{name}
Senior ML Engineer

Experience
Acme Corp, Senior ML Engineer, Jan 2023 - Present
- Shipped a PyTorch ranking model to production serving 20,000 requests per second at p99
  latency of 40 ms.
- Owned the Kubernetes and MLflow deployment pipeline; on-call, rolled back a bad model.

Skills
Python, PyTorch, Kubernetes, Docker, MLflow
"""
BAKER = """{name}
Head Baker, Corner Bakery, 2018 - 2024. Ran the morning bake for 400 loaves a day.
"""


def add_cv(db: Session, name: str, template: str) -> Candidate:
    return support_add_cv(db, name, template, date.today())


def add_brief(db: Session) -> Brief:
    fields = {"title": "Senior ML Engineer", "stack": ["PyTorch", "Kubernetes"], "window_weeks": 20}
    return create_brief(db, validate_brief(fields), None)


@pytest.fixture
def token(client: TestClient, db: Session) -> str:
    return login(client, add_user(db, "recruiter"))


def test_the_ranking_shows_each_factor_the_excluded_and_a_shortlist_button(
    client: TestClient, db: Session, token: str
) -> None:
    shipped = add_cv(db, "Sam Shipped", SHIPPED)
    baker = add_cv(db, "Bea Baker", BAKER)
    brief = add_brief(db)
    db.commit()

    response = client.get(f"/briefs/{brief.id}/ranking")

    assert response.status_code == 200
    page = parse(response.text)
    row = page.one("tr", class_="ranked")
    assert row.attrs["data-candidate"] == str(shipped.id)
    assert "sam-shipped.txt" in row.one("span", class_="muted source-file").text()
    score = float(row.one("td", class_="score").text())
    factors = row.find_all("tr", class_="factor")
    names = [f.attrs["data-factor"] for f in factors]
    assert "area coverage" in names and "production evidence" in names
    contributions = [float(f.one("td", class_="contribution").text()) for f in factors]
    assert sum(contributions) == pytest.approx(score, abs=0.05)
    assert all(f.one("td", class_="why").text() for f in factors)
    shortlist = row.one("form", class_="shortlist")
    assert shortlist.attrs["action"] == f"/briefs/{brief.id}/shortlist/add"
    assert shortlist.one("input", name="candidate_id").attrs["value"] == str(shipped.id)
    assert shortlist.one("input", name="csrf_token").attrs["value"] == token
    added = client.post(
        shortlist.attrs["action"] or "",
        data={"csrf_token": token, "candidate_id": str(shipped.id)},
    )
    assert added.status_code == 303
    assert added.headers["location"] == f"/briefs/{brief.id}/shortlist"
    [excluded] = page.find_all("li", class_="excluded")
    assert excluded.attrs["data-candidate"] == str(baker.id)
    assert "excluded because the screen found no machine-learning work" in excluded.text()


def test_an_empty_pool_shows_a_message(client: TestClient, db: Session, token: str) -> None:
    brief = add_brief(db)
    db.commit()
    response = client.get(f"/briefs/{brief.id}/ranking")
    assert response.status_code == 200
    assert (
        "No candidates in the pool yet" in parse(response.text).one(class_="card empty-pool").text()
    )


def test_vetting_from_the_ranking_returns_there_and_shows_on_the_ranking(
    client: TestClient, db: Session, token: str
) -> None:
    shipped = add_cv(db, "Sam Shipped", SHIPPED)
    brief = add_brief(db)
    db.commit()
    ranking = f"/briefs/{brief.id}/ranking"
    form = parse(client.get(ranking).text).one("details", class_="vet").one("form")
    assert form.attrs["action"] == f"/candidates/{shipped.id}/vet"

    today = date.today()
    response = client.post(
        f"/candidates/{shipped.id}/vet",
        data={
            "csrf_token": token,
            "vetted_on": today.isoformat(),
            "note": "Call done",
            "next": ranking,
        },
    )
    assert response.status_code == 303 and response.headers["location"] == ranking

    row = parse(client.get(ranking).text).one("tr", class_="ranked")
    vetted = row.one("tr", class_="factor", data_factor="pre-vetted")
    assert float(vetted.one("td", class_="contribution").text()) > 0
    assert f"Vetted on {today}" in vetted.one("td", class_="why").text()


def test_a_vetting_older_than_30_days_has_lapsed_on_the_ranking(
    client: TestClient, db: Session, token: str
) -> None:
    shipped = add_cv(db, "Sam Shipped", SHIPPED)
    brief = add_brief(db)
    db.add(Vetting(candidate_id=shipped.id, vetted_on=date.today() - timedelta(days=31), note="x"))
    db.commit()
    row = parse(client.get(f"/briefs/{brief.id}/ranking").text).one("tr", class_="ranked")
    vetted = row.one("tr", class_="factor", data_factor="pre-vetted")
    assert float(vetted.one("td", class_="contribution").text()) == 0
    assert "lapsed after 30 days" in vetted.one("td", class_="why").text()


def test_the_vet_route_goes_back_to_the_referring_page(
    client: TestClient, db: Session, token: str
) -> None:
    shipped = add_cv(db, "Sam Shipped", SHIPPED)
    db.commit()
    response = client.post(
        f"/candidates/{shipped.id}/vet",
        data={"csrf_token": token, "vetted_on": date.today().isoformat(), "note": "ok"},
        headers={"referer": "http://testserver/candidates/search?q=pytorch"},
    )
    assert response.headers["location"] == "/candidates/search?q=pytorch"
    elsewhere = client.post(
        f"/candidates/{shipped.id}/vet",
        data={
            "csrf_token": token,
            "vetted_on": date.today().isoformat(),
            "note": "ok",
            "next": "//evil.example",
        },
    )
    assert elsewhere.headers["location"] == f"/candidates/{shipped.id}"


def test_a_bad_vetting_re_renders_with_field_errors_keeping_the_input(
    client: TestClient, db: Session, token: str
) -> None:
    shipped = add_cv(db, "Sam Shipped", SHIPPED)
    db.commit()
    future = (date.today() + timedelta(days=3)).isoformat()
    response = client.post(
        f"/candidates/{shipped.id}/vet",
        data={"csrf_token": token, "vetted_on": future, "note": "Spoke <i>twice</i>", "next": "/x"},
    )
    assert response.status_code == 422
    page = parse(response.text)
    assert page.one(id="vetted_on-error").text() == "must not be in the future"
    assert page.one("input", name="vetted_on").attrs["value"] == future
    assert page.one("textarea", name="note").text() == "Spoke <i>twice</i>"
    assert page.one("input", name="next").attrs["value"] == "/x"
    assert db.query(Vetting).count() == 0


def test_reading_needs_candidate_read_and_vetting_needs_candidate_vet(
    client: TestClient, db: Session
) -> None:
    shipped = add_cv(db, "Sam Shipped", SHIPPED)
    brief = add_brief(db)
    token = login(client, add_user(db, "hiring_manager"))
    assert client.get(f"/briefs/{brief.id}/ranking").status_code == 200
    page = parse(client.get(f"/briefs/{brief.id}/ranking").text)
    assert page.find_all("details", class_="vet") == []
    response = client.post(
        f"/candidates/{shipped.id}/vet",
        data={"csrf_token": token, "vetted_on": date.today().isoformat(), "note": "x"},
    )
    assert response.status_code == 403


def test_the_ranking_api(client: TestClient, db: Session, token: str) -> None:
    shipped = add_cv(db, "Sam Shipped", SHIPPED)
    brief = add_brief(db)
    db.commit()
    body = client.get(f"/api/v1/briefs/{brief.id}/ranking").json()
    [row] = body["ranked"]
    assert row["candidate_id"] == shipped.id and row["factors"][0]["why"]
    vetting = client.post(
        f"/api/v1/candidates/{shipped.id}/vettings",
        json={"vetted_on": date.today().isoformat(), "note": "call"},
        headers={"X-CSRF-Token": token},
    )
    assert vetting.status_code == 201 and vetting.json()["current"] is True
    bad = client.post(
        f"/api/v1/candidates/{shipped.id}/vettings",
        json={"note": ""},
        headers={"X-CSRF-Token": token},
    )
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "note"


def test_the_vet_page_from_search_keeps_the_search_to_return_to(
    client: TestClient, db: Session, token: str
) -> None:
    shipped = add_cv(db, "Sam Shipped", SHIPPED)
    db.commit()
    search = parse(client.get("/candidates/search", params={"q": "pytorch"}).text)
    [link] = [a for a in search.find_all("a") if a.attrs.get("href", "").endswith("/vet")]
    assert link.attrs["href"] == f"/candidates/{shipped.id}/vet"
    page = client.get(
        link.attrs["href"] or "",
        headers={"referer": "http://testserver/candidates/search?q=pytorch"},
    )
    form = parse(page.text).one("form", action=f"/candidates/{shipped.id}/vet")
    assert form.one("input", name="next").attrs["value"] == "/candidates/search?q=pytorch"
    assert "not vetted" in parse(page.text).one("p", class_="muted vetting-status").text().lower()
