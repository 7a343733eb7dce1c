"""Classification flags warn about risky terms; each explains itself and cites its rule."""

import pytest

from hireloop.contracts.classification import DISCLAIMER, Flag, classification_flags
from hireloop.contracts.terms import parse_terms
from hireloop.reference.contract_defaults import load_contract_defaults


def flags_for(**fields: object) -> list[Flag]:
    base: dict[str, object] = {
        "engagement_type": "1099",
        "day_rate": "1200",
        "start_date": "2026-02-02",
        "end_date": "2026-08-01",
        "work_state": "TX",
    }
    base.update(fields)
    return classification_flags(parse_terms(base))


def codes(flags: list[Flag]) -> set[str]:
    return {flag.code for flag in flags}


def test_disclaimer_says_it_is_not_legal_advice() -> None:
    assert "not legal" in DISCLAIMER.lower()


def test_a_plain_1099_engagement_in_a_non_abc_state_raises_nothing() -> None:
    assert flags_for() == []


@pytest.mark.parametrize("state", ["CA", "MA", "NJ"])
def test_an_individual_on_1099_in_an_abc_test_state_is_flagged_high(state: str) -> None:
    flags = [f for f in flags_for(work_state=state) if f.code == "abc_test_state"]
    assert len(flags) == 1
    assert flags[0].severity == "high"
    assert state in flags[0].message
    rule = next(s for s in load_contract_defaults().abc_test_states if s.state == state)
    assert rule.source in flags[0].why


@pytest.mark.parametrize("engagement_type", ["w2", "c2c"])
def test_the_abc_flag_is_only_for_individuals_on_1099(engagement_type: str) -> None:
    assert "abc_test_state" not in codes(
        flags_for(engagement_type=engagement_type, work_state="CA")
    )


def test_an_agency_placed_1099_engineer_has_no_safe_harbour() -> None:
    flags = flags_for(placed_by_agency=True)
    assert "agency_1099_no_safe_harbour" in codes(flags)
    assert "agency_1099_no_safe_harbour" not in codes(flags_for(placed_by_agency=False))
    assert "agency_1099_no_safe_harbour" not in codes(
        flags_for(engagement_type="w2", placed_by_agency=True)
    )


def test_corp_to_corp_without_entity_details_lists_every_missing_field() -> None:
    flag = next(f for f in flags_for(engagement_type="c2c") if f.code == "c2c_entity_incomplete")
    for field in ("legal_name", "tax_id", "state_of_incorporation", "insurance"):
        assert field in flag.message


def test_corp_to_corp_names_only_the_entity_fields_still_missing() -> None:
    flags = flags_for(
        engagement_type="c2c",
        entity={"legal_name": "Tensor Forge LLC", "tax_id": "12-3456789", "insurance": " "},
    )
    flag = next(f for f in flags if f.code == "c2c_entity_incomplete")
    assert "insurance" in flag.message and "state_of_incorporation" in flag.message
    assert "legal_name" not in flag.message and "tax_id" not in flag.message


def test_a_complete_corp_to_corp_raises_no_c2c_flags() -> None:
    checklist = [item.id for item in load_contract_defaults().b2b_checklist]
    flags = flags_for(
        engagement_type="c2c",
        entity={
            "legal_name": "Tensor Forge LLC",
            "tax_id": "12-3456789",
            "state_of_incorporation": "DE",
            "insurance": "Professional liability, $2M",
        },
        b2b_checks_confirmed=checklist,
    )
    assert not {c for c in codes(flags) if c.startswith("c2c_")}


def test_the_open_b2b_checks_are_counted_and_shown() -> None:
    checklist = load_contract_defaults().b2b_checklist
    flags = flags_for(engagement_type="c2c", b2b_checks_confirmed=[checklist[0].id])
    flag = next(f for f in flags if f.code == "c2c_checklist_open")
    assert f"{len(checklist) - 1} of {len(checklist)}" in flag.message
    assert checklist[0].text not in flag.message
    assert checklist[1].text in flag.message


def test_full_time_open_ended_client_supervised_contract_work_suggests_w2() -> None:
    flags = flags_for(hours_per_week=40, open_ended=True, client_supervised=True)
    flag = next(f for f in flags if f.code == "employee_like_work")
    assert "W-2" in flag.message


@pytest.mark.parametrize(
    "fields",
    [
        {"hours_per_week": 20, "open_ended": True, "client_supervised": True},
        {"hours_per_week": 40, "open_ended": False, "client_supervised": True},
        {"hours_per_week": 40, "open_ended": True, "client_supervised": False},
        {
            "engagement_type": "w2",
            "hours_per_week": 40,
            "open_ended": True,
            "client_supervised": True,
        },
    ],
)
def test_employee_like_flag_needs_all_three_signs_and_a_non_w2_contract(
    fields: dict[str, object],
) -> None:
    assert "employee_like_work" not in codes(flags_for(**fields))


def test_freelance_work_in_new_york_city_needs_a_written_contract() -> None:
    flag = next(
        f
        for f in flags_for(work_state="NY", worksite_city="New York")
        if f.code == "freelance_written_contract"
    )
    assert "$800" in flag.message
    assert "120 days" in flag.message
    assert "New York City" in flag.message
    assert "written contract" in flag.message


def test_freelance_work_elsewhere_in_new_york_state_is_flagged_under_the_state_law() -> None:
    flag = next(
        f
        for f in flags_for(work_state="NY", worksite_city="Buffalo")
        if f.code == "freelance_written_contract"
    )
    assert "New York State" in flag.message
    assert "New York City" not in flag.message


def test_freelance_work_below_800_dollars_in_120_days_is_not_flagged() -> None:
    # A three-month engagement at $9/day is 65 weekdays in its first 120 days: $585.
    flags = flags_for(work_state="NY", day_rate="9", start_date="2026-01-05", end_date="2026-04-04")
    assert "freelance_written_contract" not in codes(flags)


def test_w2_work_in_new_york_is_not_freelance_work() -> None:
    flags = flags_for(engagement_type="w2", work_state="NY", worksite_city="Brooklyn")
    assert "freelance_written_contract" not in codes(flags)


def test_every_flag_has_a_message_and_a_reason() -> None:
    flags = flags_for(
        work_state="NY",
        worksite_city="NYC",
        placed_by_agency=True,
        hours_per_week=40,
        open_ended=True,
        client_supervised=True,
    )
    assert len(flags) >= 3
    for flag in flags:
        assert flag.message.strip() and flag.why.strip()
        assert flag.severity in {"info", "warning", "high"}
