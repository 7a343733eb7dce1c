"""Reading an outcome brief: clear errors that name the field, and warnings about weak briefs."""

from datetime import date

import pytest

from hireloop.briefs.errors import BriefInvalid
from hireloop.briefs.intake import BriefIn, brief_warnings, parse_brief_yaml, validate_brief
from hireloop.kit.errors import InvalidInput
from hireloop.reference.role_shapes import load_role_shapes

FULL_BRIEF = """
title: Senior ML Engineer (Contract)
outcome: Ship the fraud-scoring model to live traffic with monitoring and rollback.
window_weeks: 16
stack: [PyTorch, Kubernetes, MLflow]
success_metric: Chargebacks down 20% at under 50 ms p99
location: Bay Area
budget_day_rate: 1500
engagement_types: [1099, W-2, Corp-to-Corp]
start_date: 2026-06-01
must_haves: [PyTorch, Kubernetes]
nice_to_haves: [Feast]
"""


def problems_of(error: BriefInvalid) -> dict[str, str]:
    return {p["field"]: p["error"] for p in error.detail}


def test_a_complete_brief_is_read_with_spellings_made_consistent() -> None:
    brief = parse_brief_yaml(FULL_BRIEF)

    assert brief.title == "Senior ML Engineer (Contract)"
    assert brief.window_weeks == 16
    assert brief.stack == ["PyTorch", "Kubernetes", "MLflow"]
    assert brief.location == "sf_bay_area"
    assert brief.engagement_types == ["1099", "w2", "c2c"]
    assert brief.start_date == date(2026, 6, 1)
    assert brief.budget_day_rate == 1500


def test_a_comma_separated_stack_is_read_as_a_list_without_repeats() -> None:
    brief = validate_brief({"title": "ML engineer", "stack": "PyTorch, Ray , pytorch,"})

    assert brief.stack == ["PyTorch", "Ray"]


def test_an_unknown_field_is_named_in_the_message_and_the_detail() -> None:
    with pytest.raises(BriefInvalid) as caught:
        validate_brief({"title": "ML engineer", "salary": 200_000})

    assert "salary" in caught.value.message
    assert "salary" in problems_of(caught.value)


def test_a_wrong_type_is_named_in_plain_words() -> None:
    with pytest.raises(BriefInvalid) as caught:
        parse_brief_yaml("title: ML engineer\nwindow_weeks: twelve\nstack: 5\n")

    problems = problems_of(caught.value)
    assert problems["window_weeks"] == "must be a whole number"
    assert problems["stack"] == "must be a list"
    assert "window_weeks" in caught.value.message and "stack" in caught.value.message


@pytest.mark.parametrize("weeks", [-4, 0])
def test_a_window_that_is_not_positive_is_refused(weeks: int) -> None:
    with pytest.raises(BriefInvalid) as caught:
        validate_brief({"title": "ML engineer", "window_weeks": weeks})

    assert problems_of(caught.value)["window_weeks"] == "must be greater than 0"


def test_a_missing_title_is_required() -> None:
    with pytest.raises(BriefInvalid) as caught:
        validate_brief({"outcome": "Ship a model"})

    assert problems_of(caught.value)["title"] == "is required"


def test_an_unknown_market_lists_the_known_ones() -> None:
    with pytest.raises(BriefInvalid) as caught:
        validate_brief({"title": "ML engineer", "location": "Atlantis"})

    error = problems_of(caught.value)["location"]
    for market_id in load_role_shapes().market_ids:
        assert market_id in error


def test_an_unknown_engagement_type_points_at_the_list_entry() -> None:
    with pytest.raises(BriefInvalid) as caught:
        validate_brief({"title": "ML engineer", "engagement_types": ["w2", "temp-to-hire"]})

    assert "1099" in problems_of(caught.value)["engagement_types[1]"]


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(BriefInvalid) as caught:
        validate_brief({"title": "", "window_weeks": -1, "budget_day_rate": -900, "x": 1})

    assert set(problems_of(caught.value)) == {"title", "window_weeks", "budget_day_rate", "x"}


def test_brief_errors_are_invalid_input_shown_to_users_as_422() -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_brief({"title": "ML engineer", "unknown": True})

    assert caught.value.status == 422


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: [unclosed", "is not valid YAML"),
        ("- title: a list, not a mapping", "must be a YAML mapping"),
        ("just a sentence", "must be a YAML mapping"),
        ("", "is empty"),
    ],
)
def test_text_that_is_not_a_yaml_mapping_gets_a_clear_error(text: str, expected: str) -> None:
    with pytest.raises(BriefInvalid) as caught:
        parse_brief_yaml(text)

    assert expected in problems_of(caught.value)["brief"]


def test_a_window_under_the_minimum_warns_with_its_source() -> None:
    minimum = load_role_shapes().min_window
    short = validate_brief({"title": "ML", "window_weeks": minimum.weeks - 1, "must_haves": ["x"]})
    enough = validate_brief({"title": "ML", "window_weeks": minimum.weeks, "must_haves": ["x"]})

    short_warnings = [w for w in brief_warnings(short) if "weeks is under" in w]
    assert len(short_warnings) == 1
    assert "KORE1" in short_warnings[0]
    assert not any("weeks is under" in w for w in brief_warnings(enough))


def test_a_brief_without_must_haves_warns_that_nothing_will_be_filtered() -> None:
    brief = BriefIn(title="ML engineer", outcome="Ship a model", window_weeks=16, location="us")

    assert any("No must-haves" in w for w in brief_warnings(brief))


def test_a_complete_brief_has_no_warnings() -> None:
    assert brief_warnings(parse_brief_yaml(FULL_BRIEF)) == []
