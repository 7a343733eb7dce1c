"""Ranking a pool against a brief: best evidence first, must-haves filter, every score explained."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hireloop.matching import (
    BriefFacts,
    CandidateFacts,
    RankedCandidate,
    RankingInputInvalid,
    rank_candidates,
)
from hireloop.reference.skills import AREA_IDS

AS_OF = date(2026, 5, 1)
PYTORCH_FIRST = {
    "pytorch_production": 40,
    "llm_rag": 10,
    "mlops": 25,
    "python_stack": 15,
    "distributed_gpu": 10,
}
START = AS_OF + timedelta(days=14)
BRIEF = BriefFacts(
    area_weights=PYTORCH_FIRST,
    start_date=START,
    budget_day_rate=1500.0,
)


def candidate(candidate_id: int, **changes: object) -> CandidateFacts:
    base = CandidateFacts(
        candidate_id=candidate_id,
        name=f"Candidate {candidate_id}",
        source_file=f"cv-{candidate_id}.pdf",
        verdict="some_production",
        production_level=2,
        score=60,
        areas={area: 50 for area in AREA_IDS},
        skills=frozenset({"PyTorch", "Kubernetes", "Docker"}),
        latest_evidence_age_years=1.5,
        vetted_on=None,
        available_from=AS_OF,
        day_rate=1400.0,
        location="us",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def factor(ranked: RankedCandidate, name: str) -> float:
    return next(f.contribution for f in ranked.factors if f.name == name)


def test_production_evidence_in_the_main_area_outranks_a_listed_skill() -> None:
    shipped = candidate(
        2,
        verdict="production",
        production_level=3,
        areas={**{a: 40 for a in AREA_IDS}, "pytorch_production": 90},
    )
    listed = candidate(
        1,
        verdict="claims_only",
        production_level=1,
        areas={**{a: 40 for a in AREA_IDS}, "pytorch_production": 20},
    )

    ranking = rank_candidates(BRIEF, [listed, shipped], AS_OF)

    assert [r.candidate_id for r in ranking.ranked] == [2, 1]
    first, second = ranking.ranked
    assert factor(first, "area coverage") > factor(second, "area coverage")
    assert factor(first, "production evidence") > factor(second, "production evidence")


def test_breadth_elsewhere_does_not_lift_a_candidate_without_real_main_area_work() -> None:
    broad = candidate(1, areas={**{a: 100 for a in AREA_IDS}, "pytorch_production": 49})
    real = candidate(2, areas={**{a: 0 for a in AREA_IDS}, "pytorch_production": 50})

    ranking = rank_candidates(BRIEF, [broad, real], AS_OF)

    assert [r.candidate_id for r in ranking.ranked] == [2, 1]
    first, second = ranking.ranked
    assert factor(first, "main area") > factor(second, "main area")
    assert "pytorch_production 49/100" in next(
        f.why for f in second.factors if f.name == "main area"
    )


def test_some_main_area_evidence_still_beats_none() -> None:
    some = candidate(2, areas={**{a: 0 for a in AREA_IDS}, "pytorch_production": 25})
    none = candidate(1, areas={a: 0 for a in AREA_IDS})

    ranking = rank_candidates(BRIEF, [none, some], AS_OF)

    assert [r.candidate_id for r in ranking.ranked] == [2, 1]


def test_area_coverage_rewards_depth_where_the_brief_weighs_most_over_breadth() -> None:
    # Both strong in the main area; one also in mlops (weight 25), the other in the three
    # areas weighted 10-15, which add up to more weight but each matters less to the brief.
    deep = candidate(2, areas={**{a: 0 for a in AREA_IDS}, "pytorch_production": 90, "mlops": 90})
    broad = candidate(
        1,
        areas={
            "pytorch_production": 90,
            "llm_rag": 90,
            "mlops": 0,
            "python_stack": 90,
            "distributed_gpu": 90,
        },
    )

    ranking = rank_candidates(BRIEF, [broad, deep], AS_OF)

    assert [r.candidate_id for r in ranking.ranked] == [2, 1]
    assert factor(ranking.ranked[0], "area coverage") > factor(ranking.ranked[1], "area coverage")


def test_the_main_area_is_the_briefs_when_given_else_its_heaviest() -> None:
    strong_rag = candidate(1, areas={**{a: 0 for a in AREA_IDS}, "llm_rag": 80})
    strong_torch = candidate(2, areas={**{a: 0 for a in AREA_IDS}, "pytorch_production": 80})

    by_weight = rank_candidates(BRIEF, [strong_rag, strong_torch], AS_OF)
    as_given = rank_candidates(
        replace(BRIEF, main_area="llm_rag"), [strong_rag, strong_torch], AS_OF
    )

    assert by_weight.ranked[0].candidate_id == 2
    assert as_given.ranked[0].candidate_id == 1


def test_the_briefs_stack_counts_in_any_spelling_and_says_what_is_missing() -> None:
    brief = replace(BRIEF, stack=("PyTorch", "k8s", "MLflow"))
    has_two = candidate(1, skills=frozenset({"pytorch", "Kubernetes"}))
    has_none = candidate(2, skills=frozenset({"Excel"}))

    ranking = rank_candidates(brief, [has_none, has_two], AS_OF)

    assert [r.candidate_id for r in ranking.ranked] == [1, 2]
    first = ranking.ranked[0]
    stack = next(f for f in first.factors if f.name == "stack")
    assert stack.value == pytest.approx(2 / 3, abs=1e-3)
    assert "2 of 3" in stack.why and "not found: MLflow" in stack.why
    assert factor(ranking.ranked[1], "stack") == 0


def test_a_candidate_missing_a_must_have_is_excluded_with_the_reason() -> None:
    brief = replace(BRIEF, must_haves=["k8s", "PyTorch"])
    pool = [
        candidate(1, skills=frozenset({"PyTorch", "Kubernetes"})),
        candidate(2, skills=frozenset({"pytorch", "kubernetes"})),
        candidate(3, skills=frozenset({"PyTorch", "Docker"})),
    ]

    ranking = rank_candidates(brief, pool, AS_OF)

    assert sorted(r.candidate_id for r in ranking.ranked) == [1, 2]
    [left_out] = ranking.excluded
    assert left_out.candidate_id == 3
    [reason] = left_out.reasons
    assert reason.startswith("excluded because") and '"k8s"' in reason


def test_a_candidate_who_does_not_do_ml_is_excluded_with_the_reason() -> None:
    ranking = rank_candidates(BRIEF, [candidate(1), candidate(2, verdict="not_ml")], AS_OF)

    assert [r.candidate_id for r in ranking.ranked] == [1]
    assert ranking.excluded[0].candidate_id == 2
    assert all(r.startswith("excluded because") for r in ranking.excluded[0].reasons)


def test_a_must_have_that_is_not_a_known_skill_is_noted_not_used_as_a_filter() -> None:
    brief = replace(BRIEF, must_haves=["shipped a recommender to ten million users"])

    ranking = rank_candidates(brief, [candidate(1)], AS_OF)

    assert [r.candidate_id for r in ranking.ranked] == [1]
    assert any("shipped a recommender" in note for note in ranking.notes)


def test_pre_vetted_status_lapses_after_30_days() -> None:
    fresh = candidate(1, vetted_on=AS_OF - timedelta(days=30))
    lapsed = candidate(2, vetted_on=AS_OF - timedelta(days=31))

    by_id = {r.candidate_id: r for r in rank_candidates(BRIEF, [fresh, lapsed], AS_OF).ranked}

    assert factor(by_id[1], "pre-vetted") > 0
    assert factor(by_id[2], "pre-vetted") == 0
    assert by_id[1].score - by_id[2].score == pytest.approx(factor(by_id[1], "pre-vetted"))
    lapsed_why = next(f.why for f in by_id[2].factors if f.name == "pre-vetted")
    assert "lapsed" in lapsed_why


def test_an_empty_pool_says_to_import_cvs() -> None:
    ranking = rank_candidates(BRIEF, [], AS_OF)

    assert ranking.ranked == [] and ranking.excluded == []
    assert ranking.message == "No candidates in the pool yet: import CVs to rank them."


def test_a_pool_where_everyone_is_excluded_says_so() -> None:
    ranking = rank_candidates(BRIEF, [candidate(1, verdict="not_ml")], AS_OF)

    assert ranking.ranked == []
    assert ranking.message is not None and "excluded" in ranking.message


def test_equal_scores_are_listed_by_candidate_id() -> None:
    ranking = rank_candidates(BRIEF, [candidate(9), candidate(3), candidate(5)], AS_OF)

    assert [r.candidate_id for r in ranking.ranked] == [3, 5, 9]


def test_a_later_start_and_a_rate_over_budget_each_cost_points() -> None:
    on_time = candidate(1)
    late = candidate(2, available_from=START + timedelta(days=14))
    dear = candidate(3, day_rate=1800.0)

    by_id = {r.candidate_id: r for r in rank_candidates(BRIEF, [on_time, late, dear], AS_OF).ranked}

    assert factor(by_id[2], "availability") < factor(by_id[1], "availability")
    assert factor(by_id[3], "rate") < factor(by_id[1], "rate")
    assert by_id[1].score > max(by_id[2].score, by_id[3].score)


def test_without_a_start_date_or_budget_those_factors_drop_out_and_say_why() -> None:
    brief = BriefFacts(area_weights=PYTORCH_FIRST)

    ranking = rank_candidates(brief, [candidate(1)], AS_OF)

    names = {f.name for f in ranking.ranked[0].factors}
    assert "availability" not in names and "rate" not in names and "stack" not in names
    assert sum(f.weight for f in ranking.ranked[0].factors) == pytest.approx(100)
    assert any("start date" in note for note in ranking.notes)
    assert any("budget" in note for note in ranking.notes)
    assert any("stack" in note for note in ranking.notes)


def test_brief_facts_that_cannot_be_ranked_against_are_refused() -> None:
    with pytest.raises(RankingInputInvalid) as caught:
        rank_candidates(BriefFacts(area_weights={"cooking": 100}), [candidate(1)], AS_OF)

    assert caught.value.status == 422
    assert caught.value.detail[0]["field"] == "area_weights"


dates = st.one_of(st.none(), st.dates(AS_OF - timedelta(days=90), AS_OF + timedelta(days=90)))
candidates = st.builds(
    CandidateFacts,
    candidate_id=st.integers(1, 10_000),
    name=st.just("Someone"),
    source_file=st.none(),
    verdict=st.sampled_from(["production", "some_production", "claims_only", "notebook_only"]),
    production_level=st.one_of(st.none(), st.integers(0, 3)),
    score=st.integers(0, 100),
    areas=st.fixed_dictionaries({area: st.integers(0, 100) for area in AREA_IDS}),
    skills=st.frozensets(st.sampled_from(["PyTorch", "Kubernetes", "RAG", "CUDA"])),
    latest_evidence_age_years=st.one_of(st.none(), st.floats(0, 12)),
    vetted_on=dates,
    available_from=dates,
    day_rate=st.one_of(st.none(), st.floats(300, 3000)),
    location=st.none(),
)


@settings(max_examples=200, deadline=None)
@given(
    pool=st.lists(candidates, min_size=1, max_size=8),
    stack=st.sampled_from([(), ("PyTorch",), ("PyTorch", "k8s", "RAG")]),
)
def test_factor_contributions_add_up_to_the_score(
    pool: list[CandidateFacts], stack: tuple[str, ...]
) -> None:
    ranking = rank_candidates(replace(BRIEF, stack=stack), pool, AS_OF)

    scores = [r.score for r in ranking.ranked]
    assert scores == sorted(scores, reverse=True)
    for ranked in ranking.ranked:
        factors = ranked.factors
        assert 0 <= ranked.score <= 100
        assert sum(f.contribution for f in factors) == pytest.approx(ranked.score, abs=1e-9)
        assert sum(f.weight for f in factors) == pytest.approx(100)
        for f in factors:
            assert 0 <= f.value <= 1
            assert f.contribution == pytest.approx(f.value * f.weight, abs=0.06)
            assert f.why
