"""Ranking the stored pool against a stored brief, and vetting that lapses after 30 days."""

from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.briefs.intake import validate_brief
from hireloop.briefs.models import Brief
from hireloop.briefs.service import create_brief
from hireloop.candidates.models import Candidate, Document, Screening
from hireloop.candidates.repository import CandidateRepository
from hireloop.candidates.screening_service import override_verdict, screen_document
from hireloop.kit.errors import InvalidInput, NotFound
from hireloop.matching.models import Vetting
from hireloop.matching.service import load_pool, rank_brief, vet_candidate, vetting_status
from hireloop.reference.skills import AREA_IDS
from support import add_cv as support_add_cv
from support import add_user

AS_OF = date(2026, 5, 1)
SHIPPED = """{name}
Senior ML Engineer

Experience
Acme Corp, Senior ML Engineer, Jan 2023 - Present
- Shipped a PyTorch ranking model to production serving 20,000 requests per second at p99
  latency of 40 ms.
- Owned the Kubernetes and MLflow deployment pipeline; on-call, rolled back a bad model within
  10 minutes.

Skills
Python, PyTorch, Kubernetes, Docker, MLflow
"""
NOTEBOOK = """{name}
Data Scientist

Experience
Study Lab, Research Assistant, 2019 - 2020
- Trained models in Jupyter notebooks with scikit-learn for a course project; 94% test accuracy.

Skills
Python, scikit-learn, pandas
"""
BAKER = """{name}
Pastry chef

Experience
Corner Bakery, Head Baker, 2018 - 2024
- Ran the morning bake for 400 loaves a day and trained three apprentices.
"""


def add_cv(db: Session, name: str, template: str, as_of: date = AS_OF) -> Candidate:
    return support_add_cv(db, name, template, as_of)


def add_brief(db: Session, **changes: object) -> Brief:
    fields: dict[str, object] = {
        "title": "Senior ML Engineer",
        "outcome": "Ship the ranking model to production on Kubernetes.",
        "window_weeks": 20,
        "stack": ["PyTorch", "Kubernetes"],
        "location": "us",
    }
    return create_brief(db, validate_brief({**fields, **changes}), None)


@pytest.fixture
def recruiter(db: Session) -> User:
    return add_user(db, "recruiter")


def test_the_pool_facts_come_from_the_latest_screening(db: Session) -> None:
    shipped = add_cv(db, "Ada Shipped", SHIPPED)
    [facts] = load_pool(db)
    assert facts.candidate_id == shipped.id
    assert facts.name == "Ada Shipped"
    assert facts.source_file == "ada-shipped.txt"
    assert facts.verdict == "production"
    assert facts.production_level == 3
    assert {"PyTorch", "Kubernetes", "MLflow"} <= facts.skills
    assert facts.areas["pytorch_production"] > 0
    assert facts.latest_evidence_age_years == 0.0

    text = NOTEBOOK.format(name="Ada Shipped")
    newer = CandidateRepository(db).add_document(
        Document(
            candidate_id=shipped.id,
            sha256=hashlib.sha256(text.encode()).hexdigest(),
            filename="ada-2019.txt",
            format="text",
            pages=1,
            size_bytes=len(text),
            text=text,
        )
    )
    screen_document(db, shipped, newer, AS_OF)
    [again] = load_pool(db)
    assert again.source_file == "ada-2019.txt"
    assert again.verdict != "production"
    assert "Kubernetes" not in again.skills


def test_shipped_evidence_outranks_a_notebook_and_each_score_is_explained(db: Session) -> None:
    notebook = add_cv(db, "Nora Notebook", NOTEBOOK)
    shipped = add_cv(db, "Sam Shipped", SHIPPED)
    baker = add_cv(db, "Bea Baker", BAKER)
    brief = add_brief(db)

    result = rank_brief(db, brief, AS_OF)

    ranked = result.ranking.ranked
    assert [r.candidate_id for r in ranked] == [shipped.id, notebook.id]
    for row in ranked:
        names = [f.name for f in row.factors]
        assert "area coverage" in names and "production evidence" in names
        assert sum(f.contribution for f in row.factors) == pytest.approx(row.score, abs=0.05)
    [excluded] = result.ranking.excluded
    assert excluded.candidate_id == baker.id
    assert any("no machine-learning work" in reason for reason in excluded.reasons)
    assert result.band is not None and result.band.low < result.band.high


def test_a_must_have_filters_with_the_reason(db: Session) -> None:
    notebook = add_cv(db, "Nora Notebook", NOTEBOOK)
    shipped = add_cv(db, "Sam Shipped", SHIPPED)
    brief = add_brief(db, must_haves=["k8s"])

    result = rank_brief(db, brief, AS_OF)

    assert [r.candidate_id for r in result.ranking.ranked] == [shipped.id]
    [excluded] = result.ranking.excluded
    assert excluded.candidate_id == notebook.id
    assert excluded.reasons == [
        'excluded because the must-have "k8s" is not among the skills found'
    ]


def test_an_empty_pool_gives_a_message_not_an_error(db: Session) -> None:
    result = rank_brief(db, add_brief(db), AS_OF)
    assert result.ranking.ranked == [] and result.ranking.excluded == []
    assert result.ranking.message is not None and "No candidates" in result.ranking.message


def test_a_person_overriding_the_verdict_sets_the_production_credit(
    db: Session, recruiter: User
) -> None:
    shipped = add_cv(db, "Sam Shipped", SHIPPED)
    override_verdict(
        db, shipped, "notebook_only", "Spoke to them: the model never shipped", recruiter
    )
    [facts] = load_pool(db)
    assert facts.verdict == "notebook_only" and facts.production_level is None


def test_vetting_counts_for_30_days_then_lapses(db: Session, recruiter: User) -> None:
    shipped = add_cv(db, "Sam Shipped", SHIPPED)
    brief = add_brief(db)
    vet_candidate(
        db,
        shipped.id,
        vetted_on=AS_OF,
        note="Reviewed screen; 30 min call",
        actor=recruiter,
        today=AS_OF,
    )

    def vetted_points(day: date) -> float:
        [row] = rank_brief(db, brief, day).ranking.ranked
        return next(f.contribution for f in row.factors if f.name == "pre-vetted")

    day_30, day_31 = AS_OF + timedelta(days=30), AS_OF + timedelta(days=31)
    assert vetting_status(db, shipped.id, day_30).current
    assert vetted_points(day_30) > 0
    lapsed = vetting_status(db, shipped.id, day_31)
    assert not lapsed.current and "lapsed" in lapsed.label
    assert vetted_points(day_31) == 0


@pytest.mark.parametrize(
    ("vetted_on", "note", "field"),
    [
        (AS_OF + timedelta(days=1), "call done", "vetted_on"),
        ("yesterday", "call done", "vetted_on"),
        ("", "call done", "vetted_on"),
        (AS_OF, "   ", "note"),
    ],
)
def test_a_vetting_needs_a_past_date_and_a_note(
    db: Session, recruiter: User, vetted_on: date | str, note: str, field: str
) -> None:
    shipped = add_cv(db, "Sam Shipped", SHIPPED)
    with pytest.raises(InvalidInput) as caught:
        vet_candidate(db, shipped.id, vetted_on=vetted_on, note=note, actor=recruiter, today=AS_OF)
    assert caught.value.detail[0]["field"] == field


def test_vetting_an_unknown_candidate_is_not_found(db: Session, recruiter: User) -> None:
    with pytest.raises(NotFound):
        vet_candidate(db, 999_999, vetted_on=AS_OF, note="x", actor=recruiter, today=AS_OF)


def add_screened(db: Session, rng: random.Random, number: int, recruiter: User) -> None:
    """A candidate with a made-up screening written straight to the table."""
    repo = CandidateRepository(db)
    candidate = repo.add(Candidate(name=f"Candidate {number}"))
    document = repo.add_document(
        Document(
            candidate_id=candidate.id,
            sha256=f"{number:064x}",
            filename=f"cv-{number}.txt",
            format="text",
            pages=1,
            size_bytes=1,
            text="cv",
        )
    )
    verdict = rng.choice(
        ["production", "some_production", "claims_only", "notebook_only", "not_ml"]
    )
    level = {"production": 3, "some_production": 2, "claims_only": 1}.get(verdict)
    skills = rng.sample(["PyTorch", "Kubernetes", "Docker", "MLflow", "CUDA", "LangChain"], 3)
    ages = [rng.choice([None, 0.0, 0.5, 1.7, 3.2, 4.9, 6.0]) for _ in range(2)]
    db.add(
        Screening(
            candidate_id=candidate.id,
            document_id=document.id,
            engine_version="test",
            as_of=AS_OF,
            verdict=verdict,
            production_level=level,
            score=rng.randint(0, 100),
            areas={area: rng.choice([0, 10, 35, 50, 75, 100]) for area in AREA_IDS},
            result={"skills": skills, "evidence": [{"age_years": a} for a in ages]},
        )
    )
    if rng.random() < 0.3:
        day = AS_OF - timedelta(days=rng.choice([0, 12, 30, 31, 90]))
        db.add(Vetting(candidate_id=candidate.id, vetted_on=day, note="call", by_id=recruiter.id))
    if rng.random() < 0.1:
        candidate.verdict_override = rng.choice(["production", "not_ml", "claims_only"])
    db.flush()


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"must_haves": ["PyTorch"], "start_date": "2026-06-01", "budget_day_rate": 1400},
        {"must_haves": ["k8s", "docker"], "location": "sf_bay_area"},
        {"must_haves": ["Fortran"]},
    ],
)
def test_the_database_pre_ranking_gives_the_same_top_as_ranking_everyone(
    db: Session, recruiter: User, changes: dict[str, object]
) -> None:
    rng = random.Random(5)
    for number in range(90):
        add_screened(db, rng, number, recruiter)
    brief = add_brief(db, **changes)

    full = rank_brief(db, brief, AS_OF)
    for limit in (1, 7, 30, 200):
        part = rank_brief(db, brief, AS_OF, limit)
        expected = [(r.candidate_id, r.score) for r in full.ranking.ranked[:limit]]
        assert [(r.candidate_id, r.score) for r in part.ranking.ranked] == expected
        excluded = [(e.candidate_id, e.reasons) for e in full.ranking.excluded[:limit]]
        assert [(e.candidate_id, e.reasons) for e in part.ranking.excluded] == excluded
        assert part.ranked_total == len(full.ranking.ranked)
        assert part.excluded_total == len(full.ranking.excluded)
        assert part.ranking.message == full.ranking.message
