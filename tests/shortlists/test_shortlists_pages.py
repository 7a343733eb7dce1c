"""The shortlist page, its downloads and printable page, the API, and the brief panel."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.compliance.models import AuditEntry
from hireloop.contracts.service import change_status, create_terms
from hireloop.shortlists.models import ShortlistEntry
from hireloop.shortlists.service import add_to_shortlist
from support import add_user, login

TERMS = {"engagement_type": "w2", "start_date": date(2027, 1, 11), "end_date": date(2027, 7, 9)}


class _Text(HTMLParser):
    """The visible text inside <main>, and the form fields' values."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.chunks: list[str] = []
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.depth += 1
        found = dict(attrs)
        if tag in ("input", "option") and found.get("name"):
            self.values[str(found["name"])] = found.get("value") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.chunks.append(data)


def main_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.chunks))


def _agree_all(db: Session, setup: Any) -> None:
    for candidate in (setup.ada, setup.ben):
        sheet = create_terms(db, setup.brief, candidate, None, TERMS)
        change_status(db, sheet.id, "proposed", None)
        change_status(db, sheet.id, "agreed", None)


def _shortlist_both(db: Session, setup: Any) -> None:
    add_to_shortlist(db, setup.brief, setup.ada, None)
    add_to_shortlist(db, setup.brief, setup.ben, None)


def test_the_page_shows_evidence_and_each_candidates_term_status(
    client: TestClient, db: Session, setup: Any
) -> None:
    _shortlist_both(db, setup)
    create_terms(db, setup.brief, setup.ada, None, TERMS)
    db.commit()
    login(client, add_user(db, "recruiter"))
    text = main_text(client.get(f"/briefs/{setup.brief.id}/shortlist").text)
    assert "40k requests per second" in text
    assert "no public code in the last two years" in text
    assert "Ada Example: terms are draft, not agreed" in text
    assert "Ben Roe: no term sheet" in text


def test_adding_through_the_form_and_a_bad_add_keeps_the_note(
    client: TestClient, db: Session, setup: Any
) -> None:
    token = login(client, add_user(db, "recruiter"))
    url = f"/briefs/{setup.brief.id}/shortlist/add"
    added = client.post(url, data={"candidate_id": setup.ada.id, "csrf_token": token})
    assert added.status_code == 303
    again = client.post(
        url, data={"candidate_id": setup.ada.id, "note": "second try", "csrf_token": token}
    )
    assert again.status_code == 409
    assert "Ada Example is already on this shortlist" in main_text(again.text)
    assert "second try" in again.text
    entries = db.scalars(select(ShortlistEntry).where(ShortlistEntry.brief_id == setup.brief.id))
    assert len(list(entries)) == 1


def test_exporting_from_the_page_while_terms_are_open_says_who_and_what(
    client: TestClient, db: Session, setup: Any
) -> None:
    _shortlist_both(db, setup)
    db.commit()
    token = login(client, add_user(db, "recruiter"))
    for url in (
        f"/briefs/{setup.brief.id}/shortlist/export?format=csv",
        f"/briefs/{setup.brief.id}/shortlist/print",
    ):
        refused = client.get(url)
        assert refused.status_code == 409
        text = main_text(refused.text)
        assert "cannot be exported while terms are open" in text
        assert "Ada Example: no term sheet; Ben Roe: no term sheet" in text
    presented = client.post(
        f"/briefs/{setup.brief.id}/shortlist/present", data={"csrf_token": token}
    )
    assert presented.status_code == 409
    assert "cannot be presented while terms are open" in main_text(presented.text)


def test_once_agreed_the_downloads_and_print_page_work_and_are_audited(
    client: TestClient, db: Session, setup: Any
) -> None:
    _shortlist_both(db, setup)
    _agree_all(db, setup)
    db.commit()
    recruiter = add_user(db, "recruiter")
    token = login(client, recruiter)
    base = f"/briefs/{setup.brief.id}/shortlist"
    csv_file = client.get(f"{base}/export?format=csv")
    assert csv_file.status_code == 200
    assert csv_file.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv_file.headers["content-disposition"]
    assert "Ada Example" in csv_file.text
    printable = main_text(client.get(f"{base}/print").text)
    assert "Ben Roe" in printable and "$1,400.00" in printable
    assert client.post(f"{base}/present", data={"csrf_token": token}).status_code == 303
    assert "Presented to the client" in main_text(client.get(base).text)
    audit = db.scalars(select(AuditEntry).where(AuditEntry.action == "shortlist.export"))
    assert [(e.actor_id, e.detail["format"]) for e in audit] == [
        (recruiter.id, "csv"),
        (recruiter.id, "print"),
    ]


def test_the_api_refuses_with_409_then_exports(client: TestClient, db: Session, setup: Any) -> None:
    token = login(client, add_user(db, "recruiter"))
    headers = {"X-CSRF-Token": token}
    url = f"/api/v1/briefs/{setup.brief.id}/shortlist"
    for candidate in (setup.ada, setup.ben):
        added = client.post(url, json={"candidate_id": candidate.id}, headers=headers)
        assert added.status_code == 201
    listing = client.get(url).json()
    assert listing["open_terms"] == ["Ada Example: no term sheet", "Ben Roe: no term sheet"]
    refused = client.get(f"{url}/export?format=json")
    assert refused.status_code == 409
    assert refused.json()["code"] == "terms_open"
    assert [d["name"] for d in refused.json()["detail"]] == ["Ada Example", "Ben Roe"]
    _agree_all(db, setup)
    db.commit()
    exported = client.get(f"{url}/export?format=json")
    assert exported.status_code == 200
    assert [c["name"] for c in json.loads(exported.text)["candidates"]] == [
        "Ada Example",
        "Ben Roe",
    ]
    presented = client.post(f"{url}/present", json={}, headers=headers)
    assert presented.json()["candidate_ids"] == [setup.ada.id, setup.ben.id]
    removed = client.delete(f"{url}/{setup.ben.id}", headers=headers)
    assert [c["name"] for c in removed.json()["candidates"]] == ["Ada Example"]


def test_a_hiring_manager_reads_the_shortlist_but_cannot_export(
    client: TestClient, db: Session, setup: Any
) -> None:
    _shortlist_both(db, setup)
    db.commit()
    login(client, add_user(db, "hiring_manager"))
    assert client.get(f"/briefs/{setup.brief.id}/shortlist").status_code == 200
    assert client.get(f"/api/v1/briefs/{setup.brief.id}/shortlist/export").status_code == 403


def test_the_brief_page_panel_counts_the_shortlist_and_agreed_terms(
    client: TestClient, db: Session, setup: Any
) -> None:
    _shortlist_both(db, setup)
    sheet = create_terms(db, setup.brief, setup.ada, None, TERMS)
    change_status(db, sheet.id, "proposed", None)
    change_status(db, sheet.id, "agreed", None)
    db.commit()
    login(client, add_user(db, "recruiter"))
    page = client.get(f"/briefs/{setup.brief.id}").text
    panel = page[page.index('class="card panel-shortlist"') :]
    assert re.search(r'class="shortlist-size">2<', panel)
    assert re.search(r'class="terms-agreed">1<', panel)
