"""Full-text search over the pool with the database's own engine, and its filters."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from hireloop.candidates.models import Candidate, Document
from hireloop.candidates.repository import CandidateRepository
from hireloop.kit.errors import InvalidInput
from hireloop.matching.service import search_candidates, search_terms, vet_candidate
from support import add_cv, add_user, login

TODAY = date(2026, 5, 1)
RAG_CV = """{name}
Senior LLM Engineer

Experience
Lexi Labs, Senior LLM Engineer, Jan 2023 - Present
- Shipped a retrieval-augmented generation service with LangChain and pgvector to production,
  serving 3,000 requests per second at p95 latency of 300 ms.
- Deployed it on Kubernetes with canary releases; on-call for the retrieval stack.

Skills
Python, PyTorch, LangChain, pgvector, Kubernetes
"""
GPU_CV = """{name}
ML Engineer

Experience
Fastgrad, ML Engineer, Feb 2022 - Present
- Cut multi-node training time of our PyTorch model by 40% with FSDP on H100 nodes in production.
- Wrote custom CUDA and Triton kernels for the attention layer.

Skills
Python, PyTorch, CUDA, Triton
"""
NOTEBOOK_CV = """{name}
Student

Projects
- Explored the Titanic data set in a Jupyter notebook with pandas; 81% accuracy.
"""


def _add_cv(db: Session, name: str, template: str, location: str | None = None) -> Candidate:
    # Files named unlike their owners ("gus-cv.txt"), so a file-name search proves itself.
    filename = f"{name.split()[0].lower()}-cv.txt"
    return add_cv(db, name, template, TODAY, location, filename)


@pytest.fixture
def pool(db: Session) -> dict[str, Candidate]:
    return {
        "rag": _add_cv(db, "Rita Retrieval", RAG_CV, "Austin, TX"),
        "gpu": _add_cv(db, "Gus Kernel", GPU_CV, "Seattle, WA"),
        "notebook": _add_cv(db, "Nell Notebook", NOTEBOOK_CV),
    }


def ids(db: Session, query: str = "", **filters: object) -> set[int]:
    results = search_candidates(db, query, today=TODAY, **filters)  # type: ignore[arg-type]
    return {hit.candidate_id for hit in results.hits}


def test_finds_candidates_by_words_in_their_cv(db: Session, pool: dict[str, Candidate]) -> None:
    assert ids(db, "pgvector") == {pool["rag"].id}
    assert ids(db, "Triton kernels") == {pool["gpu"].id}
    assert ids(db, "PyTorch") == {pool["rag"].id, pool["gpu"].id}
    assert ids(db, "pytorch titanic") == set()


def test_words_are_stemmed_and_case_does_not_matter(
    db: Session, pool: dict[str, Candidate]
) -> None:
    assert ids(db, "DEPLOY") == {pool["rag"].id}
    assert ids(db, "notebooks") == {pool["notebook"].id}


def test_finds_candidates_by_name_and_file_name(db: Session, pool: dict[str, Candidate]) -> None:
    assert ids(db, "nell") == {pool["notebook"].id}
    assert ids(db, "gus-cv") == {pool["gpu"].id}


def test_a_hit_shows_where_it_matched(db: Session, pool: dict[str, Candidate]) -> None:
    [hit] = search_candidates(db, "pgvector", today=TODAY).hits
    assert "pgvector" in hit.snippet
    assert hit.name == "Rita Retrieval" and hit.source_file == "rita-cv.txt"


def test_the_verdict_filter(db: Session, pool: dict[str, Candidate]) -> None:
    assert ids(db, verdict="production") == {pool["rag"].id}
    assert ids(db, verdict="some_production") == {pool["gpu"].id}
    assert ids(db, "pytorch", verdict="not_ml") == set()
    assert ids(db, "titanic", verdict="not_ml") == {pool["notebook"].id}


def test_the_area_filter_keeps_scores_of_50_or_more(
    db: Session, pool: dict[str, Candidate]
) -> None:
    assert ids(db, area="distributed_gpu") == {pool["gpu"].id}
    assert ids(db, "pytorch", area="llm_rag") == {pool["rag"].id}


def test_the_location_filter(db: Session, pool: dict[str, Candidate]) -> None:
    assert ids(db, location="seattle") == {pool["gpu"].id}
    assert ids(db, "pytorch", location="Austin") == {pool["rag"].id}


def test_the_vetted_filter_keeps_vettings_of_the_last_30_days(
    db: Session, pool: dict[str, Candidate]
) -> None:
    recruiter = add_user(db, "recruiter")
    vet_candidate(
        db,
        pool["gpu"].id,
        vetted_on=date(2026, 4, 20),
        note="call",
        actor=recruiter,
        today=TODAY,
    )
    vet_candidate(
        db,
        pool["rag"].id,
        vetted_on=date(2026, 3, 1),
        note="call",
        actor=recruiter,
        today=TODAY,
    )
    assert ids(db, vetted=True) == {pool["gpu"].id}
    assert ids(db, "pytorch", vetted=True) == {pool["gpu"].id}


def test_a_persons_verdict_override_moves_a_candidate_between_verdict_filters(
    db: Session, pool: dict[str, Candidate]
) -> None:
    pool["gpu"].verdict_override = "not_ml"
    db.flush()

    assert ids(db, "pytorch", verdict="not_ml") == {pool["gpu"].id}
    assert ids(db, "pytorch", verdict="some_production") == set()


def test_a_later_document_is_searched_and_a_removed_one_no_longer(
    db: Session, pool: dict[str, Candidate]
) -> None:
    text = "Cover letter: I also ran Kubeflow pipelines."
    letter = CandidateRepository(db).add_document(
        Document(
            candidate_id=pool["notebook"].id,
            sha256=hashlib.sha256(text.encode()).hexdigest(),
            filename="nell-letter.txt",
            format="text",
            pages=1,
            size_bytes=len(text),
            text=text,
        )
    )
    assert ids(db, "kubeflow") == {pool["notebook"].id}
    assert ids(db, "titanic") == {pool["notebook"].id}

    db.delete(letter)
    db.flush()

    assert ids(db, "kubeflow") == set()
    assert ids(db, "titanic") == {pool["notebook"].id}


def test_words_are_found_best_screening_score_first_with_the_total(
    db: Session, pool: dict[str, Candidate]
) -> None:
    every = search_candidates(db, "pytorch", today=TODAY).hits
    first = search_candidates(db, "pytorch", today=TODAY, limit=1)

    assert [hit.score for hit in every] == sorted((hit.score for hit in every), reverse=True)
    assert [hit.candidate_id for hit in first.hits] == [every[0].candidate_id]
    assert first.total == 2


@pytest.mark.parametrize(
    ("query", "finds_rag"),
    [
        ('"', True),
        ('pgvector"', True),
        ("pgvector*", True),
        ("(pgvector", True),
        ("pg-vector AND OR NOT", False),
        ("NEAR(pgvector, 3)", False),
        ("c++ / c# : {x} ^ $ % _ '", False),
        ("pgvector:*", True),
        ("!!!", True),
        ("\\", True),
        ("héllo wörld", False),
        ("-pgvector", True),
        ("pgvector' OR '1'='1", False),
    ],
)
def test_odd_punctuation_in_a_query_never_errors(
    db: Session, pool: dict[str, Candidate], query: str, finds_rag: bool
) -> None:
    found = ids(db, query)
    assert (pool["rag"].id in found) is finds_rag


def test_query_words_are_letters_and_digits_only() -> None:
    assert search_terms('C++ "RAG"  pg_vector k8s') == ("c", "rag", "pg", "vector", "k8s")


@pytest.mark.parametrize(("name", "value"), [("verdict", "great"), ("area", "cooking")])
def test_an_unknown_filter_value_names_the_field(
    db: Session, pool: dict[str, Candidate], name: str, value: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        search_candidates(db, "x", today=TODAY, **{name: value})  # type: ignore[arg-type]
    assert caught.value.detail == [{"field": name, "error": caught.value.detail[0]["error"]}]


def test_the_search_api_and_page(
    client: TestClient, db: Session, pool: dict[str, Candidate]
) -> None:
    db.commit()
    login(client, add_user(db, "recruiter"))

    api = client.get("/api/v1/candidates/search", params={"q": "pgvector (", "verdict": ""})
    assert api.status_code == 200, api.text
    assert [r["candidate_id"] for r in api.json()["results"]] == [pool["rag"].id]

    bad = client.get("/api/v1/candidates/search", params={"area": "cooking"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "area"

    page = client.get("/candidates/search", params={"q": "pytorch", "area": "distributed_gpu"})
    assert page.status_code == 200
    assert f'data-candidate="{pool["gpu"].id}"' in page.text
    assert f'data-candidate="{pool["rag"].id}"' not in page.text
    assert 'value="pytorch"' in page.text
