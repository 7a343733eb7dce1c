"""Screening in the workspace: shown with its evidence, overridden by a person with a reason."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.candidates.import_runner import import_paths
from hireloop.candidates.models import Candidate, Screening
from hireloop.cli import run
from hireloop.compliance.models import AuditEntry
from hireloop.runtime import Runtime
from support import add_user, login

PRODUCTION_CV = """Ada Example
ada@example.com

EXPERIENCE
Senior ML Engineer, Acme Example, Jan 2021 - Present
- Deployed a PyTorch ranking model behind FastAPI on Kubernetes serving 3,000 requests per
  second at p99 45 ms; owned on-call, canary releases and rollbacks.
- Set up drift monitoring in Prometheus and Grafana and an MLflow model registry.

SKILLS
Python, PyTorch, Kubernetes, MLflow
"""


@pytest.fixture
def candidate(runtime: Runtime, db: Session, tmp_path: Path) -> Candidate:
    (tmp_path / "ada.txt").write_text(PRODUCTION_CV)
    import_paths(runtime, [tmp_path / "ada.txt"], as_of=date(2026, 11, 25))
    found = db.scalar(select(Candidate).where(Candidate.email == "ada@example.com"))
    assert found is not None
    return found


def test_the_candidate_page_shows_the_verdict_and_highlights_the_evidence(
    client: TestClient, db: Session, candidate: Candidate
) -> None:
    login(client, add_user(db, "recruiter"))
    page = client.get(f"/candidates/{candidate.id}").text
    screening = db.scalar(select(Screening).where(Screening.candidate_id == candidate.id))
    assert screening is not None
    assert f"score {screening.score} / 100" in page
    marks = re.findall(r"<mark title=\"[^\"]+\">(.*?)</mark>", page, re.S)
    quotes = [e["quote"] for e in screening.result["evidence"]]
    assert marks and all(any(m in q or q in m for q in quotes) for m in marks)


def test_an_override_needs_a_reason_and_is_logged_and_shown(
    client: TestClient, db: Session, candidate: Candidate
) -> None:
    recruiter = add_user(db, "recruiter")
    token = login(client, recruiter)
    url = f"/candidates/{candidate.id}/verdict"
    refused = client.post(url, data={"verdict": "claims_only", "reason": " ", "csrf_token": token})
    assert refused.status_code == 422
    assert "say why" in refused.text
    assert '<option value="claims_only" selected>' in refused.text

    reason = "Spoke to her: the ranking model never left staging."
    ok = client.post(url, data={"verdict": "claims_only", "reason": reason, "csrf_token": token})
    assert ok.status_code == 303
    page = client.get(f"/candidates/{candidate.id}").text
    assert "claims only" in page and "never left staging" in page
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "screening.override")).one()
    assert entry.actor_id == recruiter.id and entry.detail["to"] == "claims_only"


def test_a_hiring_manager_may_read_but_not_override(
    client: TestClient, db: Session, candidate: Candidate
) -> None:
    token = login(client, add_user(db, "hiring_manager"))
    assert "Override the verdict" not in client.get(f"/candidates/{candidate.id}").text
    response = client.post(
        f"/candidates/{candidate.id}/verdict",
        data={"verdict": "production", "reason": "trust me", "csrf_token": token},
    )
    assert response.status_code == 403


def test_rescreen_is_one_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HIRELOOP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("HIRELOOP_DATABASE_URL", raising=False)
    run(["db", "upgrade"])
    (tmp_path / "ada.txt").write_text(PRODUCTION_CV)
    assert run(["candidate", "import", str(tmp_path / "ada.txt"), "--workers", "1"]) == 0
    capsys.readouterr()
    assert run(["candidate", "rescreen"]) == 0
    assert "re-screened 0 candidate(s)" in capsys.readouterr().out
    assert run(["candidate", "rescreen", "--all", "--as-of", "2027-06-01"]) == 0
    assert "re-screened 1 candidate(s)" in capsys.readouterr().out
