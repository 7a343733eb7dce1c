"""A term sheet refuses values the rules forbid, naming the field; defaults come from data."""

from datetime import date
from decimal import Decimal

import pytest

from hireloop.contracts.errors import (
    ConversionFeeOutOfRange,
    EndBeforeStart,
    EngagementLengthOutOfRange,
    InvalidTerm,
)
from hireloop.contracts.terms import TermSheet, default_scope, parse_terms
from hireloop.kit.errors import HireloopError, InvalidInput
from hireloop.reference.contract_defaults import load_contract_defaults


def draft(**overrides: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "engagement_type": "1099",
        "day_rate": "1200",
        "start_date": "2026-02-02",
        "end_date": "2026-08-01",
        "scope_deliverables": ["Ship the ranking model to production"],
    }
    fields.update(overrides)
    return fields


def test_a_complete_draft_is_accepted_with_its_values() -> None:
    terms = parse_terms(draft())
    assert terms.status == "draft"
    assert terms.day_rate == Decimal("1200")
    assert terms.start_date == date(2026, 2, 2)


def test_defaults_come_from_the_reference_data() -> None:
    terms = parse_terms({"engagement_type": "w2"})
    ref = load_contract_defaults()
    assert terms.conversion_fee_percent == ref.conversion_fee.default_percent
    assert ref.conversion_fee.typical_min_percent <= terms.conversion_fee_percent
    assert terms.conversion_fee_percent <= ref.conversion_fee.typical_max_percent
    assert (terms.conversion_window_start_month, terms.conversion_window_end_month) == (3, 6)
    assert terms.notice_period_days == ref.notice_period.default_days


def test_a_draft_may_leave_rate_and_dates_empty() -> None:
    terms = parse_terms({"engagement_type": "c2c"})
    assert terms.day_rate is None
    assert terms.start_date is None and terms.end_date is None


def test_end_date_before_start_is_its_own_error_naming_end_date() -> None:
    with pytest.raises(EndBeforeStart) as caught:
        parse_terms(draft(start_date="2026-06-01", end_date="2026-05-31"))
    assert caught.value.field == "end_date"
    assert caught.value.status == 422
    assert "before" in caught.value.message


def test_an_engagement_shorter_than_three_months_is_refused() -> None:
    with pytest.raises(EngagementLengthOutOfRange) as caught:
        parse_terms(draft(start_date="2026-01-01", end_date="2026-03-30"))
    assert caught.value.field == "end_date"
    assert "3 months" in caught.value.message


def test_an_engagement_longer_than_twelve_months_is_refused() -> None:
    with pytest.raises(EngagementLengthOutOfRange) as caught:
        parse_terms(draft(start_date="2026-01-01", end_date="2027-01-01"))
    assert "12 months" in caught.value.message


@pytest.mark.parametrize(
    ("start", "end"),
    [("2026-01-01", "2026-03-31"), ("2026-01-01", "2026-12-31"), ("2026-03-15", "2026-09-14")],
)
def test_engagements_of_exactly_three_to_twelve_months_are_accepted(start: str, end: str) -> None:
    terms = parse_terms(draft(start_date=start, end_date=end))
    assert terms.end_date == date.fromisoformat(end)


@pytest.mark.parametrize("fee", ["-0.5", "100.01", "150"])
def test_conversion_fee_outside_zero_to_hundred_percent_is_refused(fee: str) -> None:
    with pytest.raises(ConversionFeeOutOfRange) as caught:
        parse_terms(draft(conversion_fee_percent=fee))
    assert caught.value.field == "conversion_fee_percent"
    assert isinstance(caught.value, InvalidInput)


@pytest.mark.parametrize("fee", ["0", "15", "25", "100"])
def test_conversion_fee_anywhere_from_zero_to_hundred_percent_is_allowed(fee: str) -> None:
    assert parse_terms(draft(conversion_fee_percent=fee)).conversion_fee_percent == Decimal(fee)


@pytest.mark.parametrize("rate", ["0", "-900"])
def test_a_day_rate_must_be_positive(rate: str) -> None:
    with pytest.raises(InvalidTerm) as caught:
        parse_terms(draft(day_rate=rate))
    assert caught.value.field == "day_rate"


def test_a_value_of_the_wrong_type_is_a_typed_error_naming_the_field() -> None:
    with pytest.raises(InvalidTerm) as caught:
        parse_terms(draft(day_rate="a lot"))
    assert caught.value.field == "day_rate"
    assert isinstance(caught.value, HireloopError)


def test_an_unknown_field_is_refused_rather_than_ignored() -> None:
    with pytest.raises(InvalidTerm) as caught:
        parse_terms(draft(signing_bonus="5000"))
    assert caught.value.field == "signing_bonus"


def test_work_state_is_a_us_state_code_normalised_to_upper_case() -> None:
    assert parse_terms(draft(work_state="ca")).work_state == "CA"
    with pytest.raises(InvalidTerm) as caught:
        parse_terms(draft(work_state="ZZ"))
    assert caught.value.field == "work_state"


def test_the_fee_schedule_floor_cannot_exceed_the_fee() -> None:
    with pytest.raises(InvalidTerm) as caught:
        parse_terms(
            draft(
                conversion_fee_percent="15",
                fee_schedule={"points_per_month": "1", "floor_percent": "18"},
            )
        )
    assert caught.value.field == "fee_schedule.floor_percent"


def test_the_conversion_window_must_close_after_it_opens() -> None:
    with pytest.raises(InvalidTerm) as caught:
        parse_terms(draft(conversion_window_start_month=6, conversion_window_end_month=3))
    assert caught.value.field == "conversion_window_end_month"


def test_negative_notice_and_impossible_hours_are_refused() -> None:
    with pytest.raises(InvalidTerm) as notice:
        parse_terms(draft(notice_period_days=-1))
    assert notice.value.field == "notice_period_days"
    with pytest.raises(InvalidTerm) as hours:
        parse_terms(draft(hours_per_week=0))
    assert hours.value.field == "hours_per_week"


def test_blank_scope_lines_and_carve_outs_are_refused() -> None:
    with pytest.raises(InvalidTerm) as scope:
        parse_terms(draft(scope_deliverables=["Ship it", "  "]))
    assert scope.value.field == "scope_deliverables"
    with pytest.raises(InvalidTerm) as carve:
        parse_terms(draft(prior_ip_carve_outs=[""]))
    assert carve.value.field == "prior_ip_carve_outs"


def test_prior_ip_is_kept_alongside_the_assignment() -> None:
    terms = parse_terms(
        draft(ip_assignment=True, prior_ip_carve_outs=["Open-source feature store plugin"])
    )
    assert terms.ip_assignment is True
    assert terms.prior_ip_carve_outs == ("Open-source feature store plugin",)


def test_only_known_business_to_business_checks_can_be_confirmed() -> None:
    with pytest.raises(InvalidTerm) as caught:
        parse_terms(draft(engagement_type="c2c", b2b_checks_confirmed=["vibes"]))
    assert caught.value.field == "b2b_checks_confirmed"


def test_term_sheets_are_immutable() -> None:
    terms = parse_terms(draft())
    with pytest.raises(ValueError):
        terms.day_rate = Decimal(1)  # type: ignore[misc]


def test_building_the_model_directly_raises_the_same_typed_errors() -> None:
    with pytest.raises(EndBeforeStart):
        TermSheet(engagement_type="w2", start_date=date(2026, 5, 1), end_date=date(2026, 4, 1))


def test_default_scope_carries_the_outcome_the_metric_and_the_handover() -> None:
    scope = default_scope("Cut checkout fraud losses", "Chargebacks down 30% at equal approvals")
    joined = "\n".join(scope)
    assert "Cut checkout fraud losses" in joined
    assert "Chargebacks down 30% at equal approvals" in joined
    for item in load_contract_defaults().handover_items:
        assert item.title in joined
    assert parse_terms(draft(scope_deliverables=scope)).scope_deliverables == tuple(scope)


@pytest.mark.parametrize(
    ("outcome", "metric", "field"), [(" ", "p95 < 80ms", "outcome"), ("RAG", "", "success_metric")]
)
def test_default_scope_needs_both_outcome_and_metric(outcome: str, metric: str, field: str) -> None:
    with pytest.raises(InvalidTerm) as caught:
        default_scope(outcome, metric)
    assert caught.value.field == field
