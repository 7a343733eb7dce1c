"""A brief with two screened candidates on its shortlist-to-be, for the shortlist tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy.orm import Session

from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.candidates.models import Candidate, Document, Screening
from hireloop.candidates.repository import CandidateRepository, ScreeningRepository

EVIDENCE = [
    {
        "quote": "Shipped a ranking model serving 40k requests per second at p99 35 ms",
        "kind": "scale",
        "area": "pytorch_production",
        "section": "experience",
        "weight": 3.0,
    },
    {
        "quote": "Owned the rollback runbook and on-call rotation",
        "kind": "reliability",
        "area": "mlops",
        "section": "experience",
        "weight": 2.0,
    },
    {
        "quote": "Kaggle notebooks",
        "kind": "notebook",
        "area": None,
        "section": "projects",
        "weight": -1.0,
    },
]


@dataclass
class Setup:
    brief: Brief
    ada: Candidate
    ben: Candidate


def screened(db: Session, name: str, verdict: str = "production") -> Candidate:
    candidate = CandidateRepository(db).add(Candidate(name=name, email=None))
    document = CandidateRepository(db).add_document(
        Document(
            candidate_id=candidate.id,
            sha256=f"{candidate.id:064d}",
            filename=f"{name}.txt",
            format="txt",
            size_bytes=10,
            text="cv",
        )
    )
    ScreeningRepository(db).add(
        Screening(
            candidate_id=candidate.id,
            document_id=document.id,
            engine_version="test",
            as_of=date(2026, 11, 1),
            verdict=verdict,
            production_level=3,
            score=82,
            areas={"pytorch_production": 80, "mlops": 65, "llm_rag": 0},
            result={"evidence": EVIDENCE, "missing": ["no public code in the last two years"]},
        )
    )
    return candidate


@pytest.fixture
def make_screened(db: Session) -> Callable[[str], Candidate]:
    """Add a screened candidate by name."""
    return lambda name: screened(db, name)


@pytest.fixture
def setup(db: Session) -> Setup:
    brief = BriefRepository(db).add(
        Brief(
            title="Ship the support assistant",
            outcome="A retrieval assistant answering 60% of tickets",
            success_metric="deflection rate above 60%",
            budget_day_rate=1400.0,
            engagement_types=["w2"],
            start_date=date(2027, 1, 11),
        )
    )
    ada = screened(db, "Ada Example")
    ben = screened(db, "Ben Roe", verdict="some_production")
    db.commit()
    return Setup(brief, ada, ben)
