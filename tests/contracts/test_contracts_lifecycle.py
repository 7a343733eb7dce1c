"""Terms go draft -> proposed -> agreed; agreed terms reopen only on purpose; edits are atomic."""

import pytest

from hireloop.contracts.errors import (
    InvalidTerm,
    InvalidTransition,
    TermsIncomplete,
    TermsLocked,
)
from hireloop.contracts.terms import TermSheet, parse_terms, reopen, revise, transition


def complete_draft() -> TermSheet:
    return parse_terms(
        {
            "engagement_type": "w2",
            "day_rate": "1100",
            "start_date": "2026-03-02",
            "end_date": "2026-09-01",
        }
    )


def test_terms_are_proposed_then_agreed() -> None:
    proposed = transition(complete_draft(), "proposed")
    agreed = transition(proposed, "agreed")
    assert (proposed.status, agreed.status) == ("proposed", "agreed")
    assert agreed.day_rate == proposed.day_rate


def test_a_transition_returns_a_new_sheet_and_leaves_the_old_one_alone() -> None:
    original = complete_draft()
    transition(original, "proposed")
    assert original.status == "draft"


def test_agreeing_terms_without_a_day_rate_is_refused() -> None:
    proposed = transition(revise(complete_draft(), {"day_rate": None}), "proposed")
    with pytest.raises(TermsIncomplete) as caught:
        transition(proposed, "agreed")
    assert caught.value.missing == ["day_rate"]
    assert caught.value.status == 422
    assert "day_rate" in caught.value.message
    assert proposed.status == "proposed"


def test_agreeing_terms_without_dates_names_each_missing_date() -> None:
    proposed = transition(
        revise(complete_draft(), {"start_date": None, "end_date": None}), "proposed"
    )
    with pytest.raises(TermsIncomplete) as caught:
        transition(proposed, "agreed")
    assert caught.value.missing == ["start_date", "end_date"]


def test_terms_cannot_skip_the_proposal() -> None:
    with pytest.raises(InvalidTransition) as caught:
        transition(complete_draft(), "agreed")
    assert caught.value.status == 409


def test_proposed_terms_can_be_withdrawn_to_draft() -> None:
    proposed = transition(complete_draft(), "proposed")
    assert transition(proposed, "draft").status == "draft"


def test_agreed_terms_do_not_fall_back_to_draft_by_a_plain_transition() -> None:
    agreed = transition(transition(complete_draft(), "proposed"), "agreed")
    with pytest.raises(InvalidTransition) as caught:
        transition(agreed, "draft")
    assert "reopen" in caught.value.message


def test_agreed_terms_reopen_with_a_reason_kept_on_the_sheet() -> None:
    agreed = transition(transition(complete_draft(), "proposed"), "agreed")
    reopened = reopen(agreed, "Client extended scope to a second model")
    assert reopened.status == "draft"
    assert reopened.reopen_reason == "Client extended scope to a second model"


def test_reopening_needs_a_reason_and_agreed_terms() -> None:
    agreed = transition(transition(complete_draft(), "proposed"), "agreed")
    with pytest.raises(InvalidTerm) as caught:
        reopen(agreed, "   ")
    assert caught.value.field == "reason"
    with pytest.raises(InvalidTransition):
        reopen(complete_draft(), "nothing to reopen")


def test_a_status_cannot_be_set_to_itself() -> None:
    with pytest.raises(InvalidTransition):
        transition(complete_draft(), "draft")


def test_a_sheet_cannot_be_built_as_agreed_without_a_rate() -> None:
    with pytest.raises(TermsIncomplete):
        parse_terms({"engagement_type": "1099", "status": "agreed"})


def test_revising_a_draft_revalidates_the_whole_sheet() -> None:
    revised = revise(complete_draft(), {"day_rate": "1350", "notice_period_days": 30})
    assert str(revised.day_rate) == "1350"
    assert revised.notice_period_days == 30


def test_a_rejected_revision_changes_nothing() -> None:
    original = complete_draft()
    with pytest.raises(InvalidTerm):
        revise(original, {"day_rate": "1500", "conversion_fee_percent": "140"})
    assert str(original.day_rate) == "1100"
    assert original.conversion_fee_percent != 140


def test_proposed_and_agreed_terms_cannot_be_edited_in_place() -> None:
    proposed = transition(complete_draft(), "proposed")
    with pytest.raises(TermsLocked) as caught:
        revise(proposed, {"day_rate": "900"})
    assert caught.value.status == 409


def test_status_changes_only_through_transitions() -> None:
    with pytest.raises(InvalidTerm) as caught:
        revise(complete_draft(), {"status": "agreed"})
    assert caught.value.field == "status"
