"""Engagement pages and API: dashboard checkpoints, forms that keep input, conversion figures."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html.parser import HTMLParser

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.candidates.models import Candidate
from hireloop.candidates.repository import CandidateRepository
from hireloop.contracts.models import TermSheetRecord
from hireloop.contracts.service import change_status, create_terms
from hireloop.engagements.models import Engagement
from hireloop.engagements.service import create_engagement
from hireloop.pipeline.service import add_to_brief, move
from hireloop.reference.contract_defaults import add_months
from support import add_user, login

START, END = date(2027, 1, 11), date(2027, 7, 9)


class _Main(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag == "main"

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag == "main"

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.chunks.append(data)


def main_text(html: str) -> str:
    parser = _Main()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.chunks))


def placed(
    db: Session, candidate: Candidate, start: date = START, end: date = END
) -> TermSheetRecord:
    brief = BriefRepository(db).add(Brief(title=f"Brief for {candidate.name}"))
    data = {"engagement_type": "w2", "day_rate": "1000", "start_date": start, "end_date": end}
    sheet = create_terms(db, brief, candidate, None, data)
    change_status(db, sheet.id, "proposed", None)
    change_status(db, sheet.id, "agreed", None)
    move(db, add_to_brief(db, brief, candidate, None).id, "placed", None)
    return sheet


def _engagement(db: Session, start: date = START, end: date = END) -> Engagement:
    ada = CandidateRepository(db).add(Candidate(name="Ada Example"))
    engagement = create_engagement(db, placed(db, ada, start, end).id, None)
    db.commit()
    return engagement


def test_checkpoints_due_within_30_days_are_on_the_dashboard(
    client: TestClient, db: Session
) -> None:
    start = add_months(date.today(), -3) + timedelta(days=10)
    engagement = _engagement(db, start, add_months(start, 6) - timedelta(days=1))
    login(client, add_user(db, "hiring_manager"))
    text = main_text(client.get("/").text)
    panel = text[text.index("Engagement checkpoints due in the next 30 days") :]
    due = add_months(start, 3)
    assert f"{due.isoformat()} Conversion eligibility review" in panel
    assert "Ada Example" in panel and "Renewal decision" not in panel
    assert client.get("/api/v1/engagements/due").json()[0]["engagement_id"] == engagement.id


def test_nothing_due_says_so(client: TestClient, db: Session) -> None:
    _engagement(db, add_months(date.today(), 1), add_months(date.today(), 7))
    login(client, add_user(db, "recruiter"))
    assert "No checkpoints due." in main_text(client.get("/").text)


def test_an_over_allocated_start_is_refused_and_keeps_the_allocation(
    client: TestClient, db: Session
) -> None:
    engagement = _engagement(db)
    ada = CandidateRepository(db).get(engagement.candidate_id)
    assert ada is not None
    second = placed(db, ada)
    db.commit()
    token = login(client, add_user(db, "recruiter"))
    refused = client.post(
        "/engagements",
        data={"term_sheet_id": second.id, "allocation_percent": "30", "csrf_token": token},
    )
    assert refused.status_code == 409
    assert "bring this candidate to 130% allocated (already 100%)" in main_text(refused.text)
    assert 'name="allocation_percent" value="30"' in refused.text


def test_forms_that_fail_keep_what_was_typed(client: TestClient, db: Session) -> None:
    engagement = _engagement(db)
    token = login(client, add_user(db, "recruiter"))
    url = f"/engagements/{engagement.id}"
    delivery = client.post(
        f"{url}/deliveries",
        data={"on": "2027-02-01", "shipped": "RAG service", "metric": "", "csrf_token": token},
    )
    assert delivery.status_code == 422
    assert "give the metric that showed it worked" in main_text(delivery.text)
    assert 'value="RAG service"' in delivery.text
    outcome = client.post(
        f"{url}/outcome",
        data={"kind": "ended_early", "reason": "", "decided_on": "", "csrf_token": token},
    )
    assert outcome.status_code == 422
    assert "say why the engagement is marked ended_early" in main_text(outcome.text)
    assert '<option value="ended_early" selected>' in outcome.text
    done = client.post(f"{url}/handover/runbooks", data={"done": "1", "csrf_token": token})
    assert done.status_code == 303
    assert '<li data-item="runbooks" class="done">' in client.get(url).text


def test_the_conversion_page_shows_the_figures_and_the_arithmetic(
    client: TestClient, db: Session
) -> None:
    engagement = _engagement(db)
    token = login(client, add_user(db, "recruiter"))
    url = f"/engagements/{engagement.id}"
    logged = client.post(
        f"{url}/deliveries",
        data={"on": "2027-02-01", "shipped": "RAG service", "metric": "41%", "csrf_token": token},
    )
    assert logged.status_code == 303
    missing = client.get(f"{url}/conversion?as_of=2027-05-11")
    assert missing.status_code == 422 and "record the permanent salary" in missing.text
    salary = client.post(f"{url}/perm-salary", data={"amount": "200,000", "csrf_token": token})
    assert salary.status_code == 303
    text = main_text(client.get(f"{url}/conversion?as_of=2027-05-11").text)
    assert "Months served 4" in text and "inside it" in text
    assert "$40,000.00" in text and "$230,000.00" in text and "-$30,000.00" in text
    assert "Annualised contract cost: $1,000.00 x 230 working days = $230,000.00" in text
    assert "RAG service" in text
    early = client.get(f"{url}/conversion?as_of=2026-12-01")
    assert early.status_code == 422 and "before the engagement start" in early.text


def test_the_api_covers_engagements(client: TestClient, db: Session) -> None:
    ada = CandidateRepository(db).add(Candidate(name="Ada Example"))
    sheet = placed(db, ada)
    db.commit()
    headers = {"X-CSRF-Token": login(client, add_user(db, "recruiter"))}
    created = client.post("/api/v1/engagements", json={"term_sheet_id": sheet.id}, headers=headers)
    assert created.status_code == 201
    url = f"/api/v1/engagements/{created.json()['id']}"
    entry = {"date": "2027-02-01", "shipped": "RAG service", "metric": "41% deflection"}
    assert client.post(f"{url}/deliveries", json=entry, headers=headers).status_code == 201
    assert [d["shipped"] for d in client.get(f"{url}/deliveries").json()] == ["RAG service"]
    conversion = client.get(f"{url}/conversion?as_of=2027-05-11&salary=200000").json()
    assert conversion["fee_owed"] == "40000.00"
    outcome = client.post(
        f"{url}/outcome",
        json={"kind": "converted", "reason": "offer accepted", "decided_on": "2027-05-11"},
        headers=headers,
    )
    assert outcome.json()["status"] == "ended"
    assert client.get("/api/v1/engagements/due?today=2027-03-20").json() == []
