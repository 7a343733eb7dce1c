"""The term sheet page and API: edit, propose, agree, reopen, flags, disclaimer and the DOCX."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.candidates.models import Candidate
from hireloop.candidates.repository import CandidateRepository
from hireloop.contracts.models import TermSheetRecord
from hireloop.contracts.service import DOCX_CONTENT_TYPE, change_status, create_terms
from support import add_user, login


class _Page(HTMLParser):
    """The text inside <main> and each named input's value."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.chunks: list[str] = []
        self.values: dict[str, str] = {}
        self.select = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "main":
            self.depth += 1
        if tag == "input" and found.get("name") and found.get("type") != "checkbox":
            self.values[str(found["name"])] = found.get("value") or ""
        if tag == "select":
            self.select = str(found.get("name") or "")
        if tag == "option" and self.select and "selected" in found:
            self.values[self.select] = found.get("value") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.chunks.append(data)


def parse(html: str) -> tuple[str, dict[str, str]]:
    page = _Page()
    page.feed(html)
    return re.sub(r"\s+", " ", " ".join(page.chunks)), page.values


def _sheet(db: Session, **data: object) -> TermSheetRecord:
    brief = BriefRepository(db).add(
        Brief(title="Ship the support assistant", engagement_types=["1099"], budget_day_rate=1400)
    )
    candidate = CandidateRepository(db).add(Candidate(name="Ada Example"))
    row = create_terms(db, brief, candidate, None, data)
    db.commit()
    return row


def _form(values: dict[str, str], token: str, **changes: str) -> dict[str, str]:
    data = {**values, **changes, "csrf_token": token}
    return {k: v for k, v in data.items() if k != "reason"}


def test_the_page_shows_the_terms_flags_and_the_disclaimer(client: TestClient, db: Session) -> None:
    row = _sheet(db, work_state="CA", start_date=date(2027, 1, 11), end_date=date(2027, 7, 9))
    login(client, add_user(db, "hiring_manager"))
    text, _ = parse(client.get(f"/terms/{row.id}").text)
    assert "Independent contractor (1099)" in text and "$1,400.00" in text
    assert "presumed to be an employee" in text
    assert "Information, not legal advice." in text and "not legal or tax advice" in text
    assert "Edit the draft" not in text  # a hiring manager reads terms but cannot write them


def test_a_bad_edit_names_the_field_keeps_what_was_typed_and_saves_nothing(
    client: TestClient, db: Session
) -> None:
    row = _sheet(db)
    token = login(client, add_user(db, "recruiter"))
    _, values = parse(client.get(f"/terms/{row.id}").text)
    form = _form(values, token, start_date="2027-07-01", end_date="2027-01-04", day_rate="1500")
    refused = client.post(f"/terms/{row.id}", data=form)
    assert refused.status_code == 422
    text, kept = parse(refused.text)
    assert "end_date 2027-01-04 is before start_date 2027-07-01" in text
    assert (kept["end_date"], kept["day_rate"]) == ("2027-01-04", "1500")
    assert 'class="invalid"' in refused.text
    db.refresh(row)
    assert row.day_rate == 1400.0 and row.end_date is None

    fee = client.post(
        f"/terms/{row.id}", data={**form, "end_date": "2027-12-31", "conversion_fee_percent": "140"}
    )
    assert fee.status_code == 422
    assert "conversion_fee_percent must be between 0 and 100" in parse(fee.text)[0]


def test_edit_propose_agree_and_reopen_through_the_page(client: TestClient, db: Session) -> None:
    row = _sheet(db)
    token = login(client, add_user(db, "recruiter"))
    _, values = parse(client.get(f"/terms/{row.id}").text)
    saved = client.post(
        f"/terms/{row.id}",
        data=_form(values, token, start_date="2027-01-11", end_date="2027-07-09"),
    )
    assert saved.status_code == 303
    for step in ("propose", "agree"):
        assert client.post(f"/terms/{row.id}/{step}", data={"csrf_token": token}).status_code == 303
    text, _ = parse(client.get(f"/terms/{row.id}").text)
    assert "proposed → agreed" in text
    empty = client.post(f"/terms/{row.id}/reopen", data={"reason": " ", "csrf_token": token})
    assert empty.status_code == 422 and "say why" in parse(empty.text)[0]
    reopened = client.post(
        f"/terms/{row.id}/reopen", data={"reason": "new start date", "csrf_token": token}
    )
    assert reopened.status_code == 303
    db.refresh(row)
    assert (row.status, row.reopen_reason) == ("draft", "new start date")


def test_agreeing_with_no_rate_is_refused_on_the_page(client: TestClient, db: Session) -> None:
    row = _sheet(db, start_date=date(2027, 1, 11), end_date=date(2027, 7, 9))
    row.day_rate = None
    change_status(db, row.id, "proposed", None)
    db.commit()
    token = login(client, add_user(db, "recruiter"))
    refused = client.post(f"/terms/{row.id}/agree", data={"csrf_token": token})
    assert refused.status_code == 422
    assert "terms cannot be agreed until these are set: day_rate" in parse(refused.text)[0]
    db.refresh(row)
    assert row.status == "proposed"


def test_the_docx_downloads_with_its_type_and_a_file_name(client: TestClient, db: Session) -> None:
    row = _sheet(db)
    login(client, add_user(db, "recruiter"))
    for url in (f"/terms/{row.id}/docx", f"/api/v1/terms/{row.id}/render"):
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["content-type"] == DOCX_CONTENT_TYPE
        assert (
            f'filename="term-sheet-{row.id}-ada-example.docx"'
            in response.headers["content-disposition"]
        )
        assert response.content[:2] == b"PK"


def test_the_api_covers_the_lifecycle(client: TestClient, db: Session) -> None:
    brief = BriefRepository(db).add(Brief(title="Platform", budget_day_rate=1200))
    candidate = CandidateRepository(db).add(Candidate(name="Ben Roe"))
    db.commit()
    headers = {"X-CSRF-Token": login(client, add_user(db, "recruiter"))}
    created = client.post(
        "/api/v1/terms",
        json={
            "brief_id": brief.id,
            "candidate_id": candidate.id,
            "engagement_type": "w2",
            "start_date": "2027-01-11",
            "end_date": "2027-01-01",
        },
        headers=headers,
    )
    assert created.status_code == 422
    assert created.json()["detail"] == {"field": "end_date"}
    created = client.post(
        "/api/v1/terms",
        json={"brief_id": brief.id, "candidate_id": candidate.id, "engagement_type": "w2"},
        headers=headers,
    )
    assert created.status_code == 201
    sheet = created.json()
    assert (sheet["status"], sheet["day_rate"], sheet["conversion_fee_percent"]) == (
        "draft",
        "1200.0",
        "20.0",
    )
    url = f"/api/v1/terms/{sheet['id']}"
    patched = client.patch(
        url, json={"start_date": "2027-01-11", "end_date": "2027-07-09"}, headers=headers
    )
    assert patched.status_code == 200
    assert client.post(f"{url}/propose", headers=headers).json()["status"] == "proposed"
    agreed = client.post(f"{url}/agree", headers=headers).json()
    assert agreed["status"] == "agreed" and agreed["disclaimer"]
    reopened = client.post(f"{url}/reopen", json={"reason": "rate change"}, headers=headers)
    assert reopened.json()["reopen_reason"] == "rate change"
    assert [h["to"] for h in client.get(url).json()["history"]] == [
        "draft",
        "proposed",
        "agreed",
        "draft",
    ]
