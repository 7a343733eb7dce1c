"""Creating briefs from a mapping or YAML, their warnings, and their role profile."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from hireloop.briefs.errors import BriefInvalid
from hireloop.briefs.service import brief_profile, create_brief_from, get_brief, warnings_of
from hireloop.compliance.models import AuditEntry

GOOD_YAML = """
title: Senior LLM Engineer (Contract)
outcome: A RAG assistant answers support questions from 40,000 articles.
window_weeks: 10
stack: [Python, PyTorch, pgvector, Kubernetes]
location: sf_bay_area
budget_day_rate: 1500
engagement_types: ["1099", c2c]
start_date: 2027-01-11
must_haves: [RAG, k8s]
nice_to_haves: [LoRA fine-tuning]
"""


def test_a_yaml_brief_is_stored_with_its_short_window_warning(db: Session) -> None:
    brief, warnings = create_brief_from(db, GOOD_YAML, None)

    stored = get_brief(db, brief.id)
    assert stored.title == "Senior LLM Engineer (Contract)"
    assert stored.must_haves == ["RAG", "k8s"] and stored.engagement_types == ["1099", "c2c"]
    assert any("10 weeks is under 13 weeks" in w for w in warnings)
    assert warnings_of(stored) == warnings
    audit = db.query(AuditEntry).filter_by(action="brief.create").one()
    assert audit.subject_id == str(brief.id)


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        ({"title": "T", "colour": "blue"}, "colour", "is not a field of a brief"),
        ({"title": "T", "window_weeks": "ten"}, "window_weeks", "must be a whole number"),
        ({"title": "T", "window_weeks": -4}, "window_weeks", "must be greater than 0"),
        ({"title": "T", "budget_day_rate": "lots"}, "budget_day_rate", "must be a number"),
        ({"title": "T", "stack": 7}, "stack", "must be a list"),
        ({"title": "T", "start_date": "soon"}, "start_date", "must be a date like 2026-05-04"),
        ({"title": "T", "location": "Mars"}, "location", "must be one of the known markets"),
        ({"title": "T", "engagement_types": ["payroll"]}, "engagement_types[0]", "must be one"),
        ({"outcome": "no title"}, "title", "is required"),
    ],
)
def test_each_wrong_field_is_named(
    db: Session, data: dict[str, object], field: str, error: str
) -> None:
    with pytest.raises(BriefInvalid) as caught:
        create_brief_from(db, data, None)
    [problem] = caught.value.problems
    assert problem["field"] == field
    assert problem["error"].startswith(error)


def test_yaml_that_is_not_a_mapping_is_a_brief_level_error(db: Session) -> None:
    with pytest.raises(BriefInvalid) as caught:
        create_brief_from(db, "- just\n- a list\n", None)
    assert caught.value.problems[0]["field"] == "brief"


def test_the_profile_of_a_stored_brief(db: Session) -> None:
    brief, _ = create_brief_from(db, GOOD_YAML, None)
    found = brief_profile(db, brief.id)
    assert found.profile.shape == "llm_genai"
    assert sum(found.profile.area_weights.values()) == 100
    assert len(found.profile.titles) == 8
    markdown = found.markdown()
    assert markdown.startswith("# Senior LLM Engineer (Contract)")
    assert "## Must-haves" in markdown and "- k8s" in markdown
