"""The brief form, the brief panel, the role profile page and its Markdown, and the JSON API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from hireloop.briefs.models import Brief
from html_tree import Node, parse
from support import add_user, login


def form_token(page: Node) -> str:
    return page.find_all("input", name="csrf_token")[-1].attrs["value"] or ""


@pytest.fixture
def recruiter_client(client: TestClient, db: Session) -> TestClient:
    login(client, add_user(db, "recruiter"))
    return client


def test_the_form_has_every_field(recruiter_client: TestClient) -> None:
    page = parse(recruiter_client.get("/briefs/new").text)
    form = page.one("form", action="/briefs/new")
    names = {
        n.attrs.get("name") for n in form.find_all() if n.tag in {"input", "select", "textarea"}
    }
    assert names >= {
        "csrf_token",
        "title",
        "outcome",
        "window_weeks",
        "stack",
        "success_metric",
        "location",
        "budget_day_rate",
        "engagement_types",
        "start_date",
        "must_haves",
        "nice_to_haves",
    }


def test_a_bad_form_shows_errors_by_each_field_and_keeps_what_was_typed(
    recruiter_client: TestClient, db: Session
) -> None:
    token = form_token(parse(recruiter_client.get("/briefs/new").text))
    typed = {
        "csrf_token": token,
        "title": "Senior <b>LLM</b> Engineer",
        "outcome": "Ship the RAG assistant",
        "window_weeks": "-3",
        "stack": "PyTorch\npgvector",
        "budget_day_rate": "a lot",
        "start_date": "next spring",
        "must_haves": "RAG, k8s",
        "engagement_types": ["1099", "c2c"],
    }
    response = recruiter_client.post("/briefs/new", data=typed)

    assert response.status_code == 422
    page = parse(response.text)
    assert page.one(id="window_weeks-error").text() == "must be greater than 0"
    assert page.one(id="budget_day_rate-error").text() == "must be a number"
    assert page.one(id="start_date-error").text().startswith("must be a date")
    form = page.one("form", action="/briefs/new")
    assert form.one("input", name="title").attrs["value"] == "Senior <b>LLM</b> Engineer"
    assert form.one("input", name="window_weeks").attrs["value"] == "-3"
    assert form.one("input", name="budget_day_rate").attrs["value"] == "a lot"
    assert form.one("textarea", name="stack").text() == "PyTorch pgvector"
    assert form.one("textarea", name="must_haves").text() == "RAG, k8s"
    checked = [
        n.attrs["value"]
        for n in form.find_all("input", name="engagement_types")
        if "checked" in n.attrs
    ]
    assert checked == ["1099", "c2c"]
    assert "<b>LLM</b>" not in response.text
    assert db.query(Brief).count() == 0


def test_a_good_form_creates_the_brief_and_its_page_shows_the_short_window_warning(
    recruiter_client: TestClient, db: Session
) -> None:
    token = form_token(parse(recruiter_client.get("/briefs/new").text))
    response = recruiter_client.post(
        "/briefs/new",
        data={
            "csrf_token": token,
            "title": "Senior MLOps Engineer",
            "outcome": "A self-serve model platform",
            "window_weeks": "8",
            "stack": "Kubernetes, MLflow",
            "location": "remote",
            "budget_day_rate": "$1,200",
            "start_date": "2027-02-01",
        },
    )
    assert response.status_code == 303
    brief = db.query(Brief).one()
    assert response.headers["location"] == f"/briefs/{brief.id}"
    assert brief.budget_day_rate == 1200.0 and brief.stack == ["Kubernetes", "MLflow"]

    page = parse(recruiter_client.get(f"/briefs/{brief.id}").text)
    panel = page.one("section", id="brief-profile-panel")
    assert any("8 weeks is under 13 weeks" in w.text() for w in panel.find_all("li"))
    links = {a.attrs["href"] for a in panel.find_all("a")}
    assert {f"/briefs/{brief.id}/profile", f"/briefs/{brief.id}/ranking"} <= links


def test_an_interviewer_cannot_open_the_form(client: TestClient, db: Session) -> None:
    login(client, add_user(db, "interviewer"))
    assert client.get("/briefs/new").status_code == 403


def test_the_profile_page_explains_shape_weights_titles_and_searches(
    recruiter_client: TestClient, db: Session
) -> None:
    token = form_token(parse(recruiter_client.get("/briefs/new").text))
    recruiter_client.post(
        "/briefs/new",
        data={
            "csrf_token": token,
            "title": "Senior GenAI Engineer",
            "outcome": "RAG over 100,000 internal documents",
            "window_weeks": "10",
            "stack": "PyTorch, pgvector, LangChain",
            "must_haves": "RAG",
            "nice_to_haves": "LoRA fine-tuning",
            "location": "sf_bay_area",
        },
    )
    brief = db.query(Brief).one()
    page = parse(recruiter_client.get(f"/briefs/{brief.id}/profile").text)

    assert page.one(class_="shape-name").text()
    assert page.one("section", id="shape").find_all("li")
    weights = [
        int(td.text()) for td in page.one("section", id="weights").find_all("td", class_="weight")
    ]
    assert len(weights) == 5 and sum(weights) == 100
    assert page.one("section", id="weights").find_all("ul")[0].find_all("li")
    titles = page.one("section", id="titles").find_all("li")
    assert len(titles) == 8 and all(":" in t.text() for t in titles)
    platforms = {d.attrs["data-platform"] for d in page.find_all("div", class_="search")}
    assert {"linkedin", "dice", "github"} <= platforms
    assert [li.text() for li in page.one("ul", class_="must").find_all("li")] == ["RAG"]
    assert [li.text() for li in page.one("ul", class_="nice").find_all("li")] == [
        "LoRA fine-tuning"
    ]
    assert any(
        "under 13 weeks" in li.text() for li in page.one("section", id="warnings").find_all("li")
    )

    markdown = recruiter_client.get(f"/briefs/{brief.id}/profile.md")
    assert markdown.status_code == 200
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert markdown.headers["content-disposition"].startswith("attachment")
    assert (
        markdown.text.startswith("# Senior GenAI Engineer")
        and "## Titles to source under" in markdown.text
    )


def test_the_api_creates_a_brief_or_names_the_bad_fields(client: TestClient, db: Session) -> None:
    token = login(client, add_user(db, "hiring_manager"))
    headers = {"X-CSRF-Token": token}
    created = client.post(
        "/api/v1/briefs",
        json={"title": "Senior ML Engineer", "window_weeks": 6, "must_haves": ["PyTorch"]},
        headers=headers,
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert isinstance(body["id"], int)
    assert any("under 13 weeks" in w for w in body["warnings"])

    bad = client.post(
        "/api/v1/briefs",
        json={"title": "X", "window_weeks": -1, "colour": "red", "stack": "a, b"},
        headers=headers,
    )
    assert bad.status_code == 422
    fields = {d["field"]: d["error"] for d in bad.json()["detail"]}
    assert fields == {
        "window_weeks": "must be greater than 0",
        "colour": "is not a field of a brief",
    }

    profile = client.get(f"/api/v1/briefs/{body['id']}/profile")
    assert profile.status_code == 200 and len(profile.json()["titles"]) == 8
