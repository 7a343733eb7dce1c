"""Checkpoints, handover, outcomes and allocation are planned from an engagement's first day."""

from datetime import date

import pytest

from hireloop.engagements.errors import (
    InvalidEngagementInput,
    OutcomeReasonRequired,
    OverAllocated,
)
from hireloop.engagements.schedule import (
    OUTCOME_KINDS,
    check_allocation,
    complete_item,
    default_handover_plan,
    due_within,
    open_items,
    plan_checkpoints,
    record_outcome,
)
from hireloop.kit.errors import HireloopError


def test_every_engagement_gets_the_three_checkpoints_on_their_month_anniversaries() -> None:
    planned = plan_checkpoints(date(2026, 1, 12), date(2026, 12, 31))
    assert [(c.kind, c.due) for c in planned] == [
        ("conversion_eligibility", date(2026, 4, 12)),
        ("renewal", date(2026, 7, 12)),
        ("extension", date(2026, 10, 12)),
    ]
    assert not any(c.after_end for c in planned)


def test_checkpoints_beyond_the_end_date_are_kept_and_marked() -> None:
    planned = plan_checkpoints(date(2026, 1, 12), date(2026, 7, 11))
    marked = {c.kind: c.after_end for c in planned}
    assert marked == {"conversion_eligibility": False, "renewal": True, "extension": True}
    assert next(c for c in planned if c.kind == "renewal").note == "after end date"


def test_a_checkpoint_due_on_the_last_day_is_not_after_the_end() -> None:
    planned = plan_checkpoints(date(2026, 1, 12), date(2026, 7, 12))
    assert not next(c for c in planned if c.kind == "renewal").after_end


def test_month_end_starts_fall_due_on_the_last_day_of_shorter_months() -> None:
    planned = plan_checkpoints(date(2025, 11, 30))
    assert planned[0].due == date(2026, 2, 28)


def test_checkpoints_carry_the_source_of_their_rule() -> None:
    for checkpoint in plan_checkpoints(date(2026, 1, 1)):
        assert checkpoint.source and checkpoint.as_of


def test_checkpoints_need_an_end_after_the_start() -> None:
    with pytest.raises(InvalidEngagementInput) as caught:
        plan_checkpoints(date(2026, 5, 1), date(2026, 4, 1))
    assert caught.value.field == "end_date"


def test_due_within_returns_only_the_checkpoints_in_the_coming_days() -> None:
    planned = plan_checkpoints(date(2026, 1, 12))
    assert [c.kind for c in due_within(planned, date(2026, 4, 1), 14)] == ["conversion_eligibility"]
    assert due_within(planned, date(2026, 4, 1), 10) == []
    assert [c.kind for c in due_within(planned, date(2026, 4, 12), 0)] == ["conversion_eligibility"]
    assert [c.kind for c in due_within(planned, date(2026, 1, 12), 365)] == [
        "conversion_eligibility",
        "renewal",
        "extension",
    ]


def test_past_checkpoints_are_not_due_within_the_coming_days() -> None:
    planned = plan_checkpoints(date(2026, 1, 12))
    assert [c.kind for c in due_within(planned, date(2026, 5, 1), 90)] == ["renewal"]


def test_a_negative_look_ahead_is_refused() -> None:
    with pytest.raises(InvalidEngagementInput):
        due_within(plan_checkpoints(date(2026, 1, 12)), date(2026, 2, 1), -1)


def test_the_default_handover_plan_covers_the_artefacts_a_permanent_team_needs() -> None:
    plan = default_handover_plan()
    titles = " ".join(item.title.lower() for item in plan)
    for artefact in (
        "model card",
        "runbook",
        "evaluation report",
        "dashboard",
        "access revocation",
        "mentoring log",
    ):
        assert artefact in titles
    assert open_items(plan) == plan


def test_ticking_off_a_handover_item_returns_a_new_plan() -> None:
    plan = default_handover_plan()
    updated = complete_item(plan, "runbooks")
    assert [i.id for i in open_items(updated)] == [i.id for i in plan if i.id != "runbooks"]
    assert open_items(plan) == plan
    with pytest.raises(InvalidEngagementInput):
        complete_item(plan, "coffee_rota")


@pytest.mark.parametrize("kind", OUTCOME_KINDS)
def test_every_outcome_is_recorded_with_its_reason(kind: str) -> None:
    outcome = record_outcome(kind, "  Delivery metric met two months early ", date(2026, 7, 1))
    assert outcome.kind == kind
    assert outcome.reason == "Delivery metric met two months early"


@pytest.mark.parametrize("kind", OUTCOME_KINDS)
def test_an_outcome_without_a_reason_is_refused(kind: str) -> None:
    with pytest.raises(OutcomeReasonRequired) as caught:
        record_outcome(kind, "   ", date(2026, 7, 1))
    assert caught.value.field == "reason"
    assert kind in caught.value.message


def test_an_unknown_outcome_is_refused() -> None:
    with pytest.raises(InvalidEngagementInput) as caught:
        record_outcome("vanished", "no reply", date(2026, 7, 1))
    assert caught.value.field == "outcome"


def test_allocations_up_to_a_full_week_are_accepted_and_totalled() -> None:
    assert check_allocation([], 100) == 100
    assert check_allocation([60], 40) == 100
    assert check_allocation([30, 20], 25) == 75


def test_a_second_engagement_beyond_full_allocation_is_a_clear_typed_error() -> None:
    with pytest.raises(OverAllocated) as caught:
        check_allocation([80], 40)
    error = caught.value
    assert isinstance(error, HireloopError)
    assert error.status == 409
    assert error.total == 120
    assert "120%" in error.message and "80%" in error.message


@pytest.mark.parametrize(("existing", "new"), [([], 0), ([], 101), ([-10], 50)])
def test_allocation_percents_must_each_be_between_one_and_a_hundred(
    existing: list[int], new: int
) -> None:
    with pytest.raises(InvalidEngagementInput) as caught:
        check_allocation(existing, new)
    assert caught.value.field == "allocation_percent"
