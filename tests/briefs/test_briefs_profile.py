"""From an outcome brief to a role profile: shape, weights, titles and searches, each with why."""

from datetime import date

import pytest

from hireloop.briefs.intake import BriefIn, brief_warnings, validate_brief
from hireloop.briefs.profile import RoleProfile, derive_profile, profile_markdown
from hireloop.reference.role_shapes import load_role_shapes
from hireloop.reference.skills import AREA_IDS, load_skills

LLM_BRIEF = validate_brief(
    {
        "title": "Senior GenAI Engineer",
        "outcome": "Answer support questions from 100,000 internal documents with a RAG "
        "service backed by pgvector, with an evaluation harness.",
        "window_weeks": 16,
        "stack": ["Python", "PyTorch", "pgvector", "LangChain"],
        "must_haves": ["RAG", "k8s"],
        "location": "sf_bay_area",
    }
)
PLATFORM_BRIEF = validate_brief(
    {
        "title": "Senior MLOps Engineer",
        "outcome": "Build the self-serve platform that lets six engineers on many teams "
        "ship five models a quarter.",
        "window_weeks": 24,
        "stack": ["Kubernetes", "MLflow", "Terraform"],
    }
)
GPU_BRIEF = validate_brief(
    {
        "title": "Senior ML Engineer",
        "outcome": "Halve multi-node training time for our 7B model on H100 nodes.",
        "window_weeks": 20,
        "stack": ["PyTorch", "CUDA", "FSDP"],
    }
)
PLAIN_BRIEF = validate_brief({"title": "Engineer", "outcome": "Help the team out"})
ALL_BRIEFS = [LLM_BRIEF, PLATFORM_BRIEF, GPU_BRIEF, PLAIN_BRIEF]


def balanced(query: str) -> bool:
    depth = 0
    for char in query:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0 and query.count('"') % 2 == 0


def search(profile: RoleProfile, platform: str) -> str:
    return next(s.query for s in profile.searches if s.platform == platform)


def test_an_llm_rag_brief_is_read_as_an_llm_genai_role_with_its_reasons() -> None:
    profile = derive_profile(LLM_BRIEF)

    assert profile.shape == "llm_genai"
    assert any('"rag"' in reason for reason in profile.shape_reasons)
    assert any('"pgvector"' in reason for reason in profile.shape_reasons)
    assert profile.main_area == "llm_rag"


def test_a_platform_for_many_teams_is_read_as_an_mlops_platform_role() -> None:
    profile = derive_profile(PLATFORM_BRIEF)

    assert profile.shape == "mlops_platform"
    assert any('"self serve"' in reason for reason in profile.shape_reasons)
    assert any('"many teams"' in reason for reason in profile.shape_reasons)
    assert profile.main_area == "mlops"


def test_a_multi_node_gpu_brief_is_read_as_a_gpu_distributed_role() -> None:
    profile = derive_profile(GPU_BRIEF)

    assert profile.shape == "gpu_distributed"
    for keyword in ("multi node", "h100", "cuda", "fsdp"):
        assert any(f'"{keyword}"' in reason for reason in profile.shape_reasons)
    assert profile.main_area == "distributed_gpu"


def test_a_brief_with_no_shape_keywords_falls_back_to_the_default_shape_and_says_so() -> None:
    profile = derive_profile(PLAIN_BRIEF)

    assert profile.shape == load_role_shapes().default_shape
    assert any("default" in reason for reason in profile.shape_reasons)


@pytest.mark.parametrize("brief", ALL_BRIEFS, ids=lambda b: b.title)
def test_area_weights_cover_the_five_areas_and_sum_to_100(brief: BriefIn) -> None:
    profile = derive_profile(brief)

    assert set(profile.area_weights) == set(AREA_IDS)
    assert sum(profile.area_weights.values()) == 100
    assert profile.area_weights[profile.main_area] == max(profile.area_weights.values())


def test_a_stack_term_raises_the_weight_of_its_area_and_says_why() -> None:
    without = derive_profile(validate_brief({"title": "ML", "stack": ["pandas"]}))
    with_cuda = derive_profile(validate_brief({"title": "ML", "stack": ["pandas", "cuda"]}))

    assert with_cuda.area_weights["distributed_gpu"] > without.area_weights["distributed_gpu"]
    assert any('"cuda"' in reason for reason in with_cuda.weight_reasons)


def test_a_stack_term_outside_the_taxonomy_is_reported_and_changes_nothing() -> None:
    base = derive_profile(validate_brief({"title": "ML"}))
    odd = derive_profile(validate_brief({"title": "ML", "stack": ["Quantum Abacus"]}))

    assert odd.area_weights == base.area_weights
    assert any("Quantum Abacus" in reason for reason in odd.weight_reasons)


@pytest.mark.parametrize("brief", ALL_BRIEFS, ids=lambda b: b.title)
def test_all_eight_titles_come_back_with_the_shapes_own_titles_first(brief: BriefIn) -> None:
    profile = derive_profile(brief)
    variants = {v.title: v for v in load_skills().title_variants}
    fits = [profile.shape in variants[choice.title].shapes for choice in profile.titles]

    assert sorted(c.title for c in profile.titles) == sorted(variants)
    assert fits == sorted(fits, reverse=True)
    closeness = [
        variants[c.title].shapes.index(profile.shape) for c in profile.titles if c.fits_shape
    ]
    assert closeness == sorted(closeness)
    assert all(choice.reason for choice in profile.titles)


def test_the_llm_specialist_title_leads_an_llm_search_ahead_of_the_mlops_title() -> None:
    titles = [c.title for c in derive_profile(LLM_BRIEF).titles]

    llm_title = next(t for t in titles if "LLM" in t)
    mlops_title = next(t for t in titles if "MLOps" in t)
    assert titles.index(llm_title) < titles.index(mlops_title)


@pytest.mark.parametrize("brief", ALL_BRIEFS, ids=lambda b: b.title)
def test_every_search_string_has_balanced_parentheses_and_quotes(brief: BriefIn) -> None:
    for found in derive_profile(brief).searches:
        assert balanced(found.query), found.query


@pytest.mark.parametrize("platform", ["linkedin", "dice"])
def test_boolean_searches_name_the_titles_stack_and_exclude_students(platform: str) -> None:
    query = search(derive_profile(PLATFORM_BRIEF), platform)

    assert '"Senior MLOps Engineer"' in query
    assert "(Contract)" not in query
    assert '"MLflow"' in query
    assert " AND " in query and " OR " in query
    not_clause = query.split(" NOT ", 1)[1]
    assert '"intern"' in not_clause and '"student"' in not_clause


def test_a_must_have_is_searched_under_its_usual_name_too() -> None:
    query = search(derive_profile(LLM_BRIEF), "linkedin")

    assert '("Kubernetes" OR "k8s")' in query
    assert '"RAG"' in query


def test_the_github_search_uses_qualifiers_and_recent_activity() -> None:
    profile = derive_profile(LLM_BRIEF, as_of=date(2026, 5, 1))
    repositories = search(profile, "github")
    people = search(profile, "github_users")

    assert "language:Python" in repositories
    assert "pushed:>2025-05-01" in repositories
    assert "pgvector" in repositories
    assert "NOT intern" in repositories
    assert 'location:"San Francisco"' in people


def test_the_profile_page_carries_everything_the_recruiter_needs() -> None:
    brief = validate_brief({**LLM_BRIEF.model_dump(), "window_weeks": 8})
    profile = derive_profile(brief)
    page = profile_markdown(brief, profile)

    assert page.startswith(f"# {brief.title}")
    assert brief.outcome in page
    assert profile.shape_name in page
    assert "8 weeks" in page
    for choice in profile.titles:
        assert choice.title in page
    for found in profile.searches:
        assert found.query in page
    for must in brief.must_haves:
        assert f"- {must}" in page
    for warning in brief_warnings(brief):
        assert warning in page
    assert f"| {profile.area_weights['llm_rag']} |" in page
