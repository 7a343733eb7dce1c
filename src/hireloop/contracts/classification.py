"""Worker-classification flags raised by a term sheet. Information to act on, not legal advice."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict

from hireloop.contracts.terms import C2CEntity, TermSheet, format_usd
from hireloop.reference.contract_defaults import ContractDefaults, load_contract_defaults

Severity = Literal["info", "warning", "high"]

DISCLAIMER = (
    "These flags are general information to help you ask the right questions. They are not "
    "legal or tax advice, they may not reflect the latest rules where the work happens, and they "
    "do not decide how a worker must be classified. Ask an employment lawyer or tax adviser "
    "before you sign."
)

NEW_YORK_CITY_NAMES = frozenset(
    {"new york", "new york city", "nyc", "manhattan", "brooklyn", "queens", "bronx", "the bronx"}
    | {"staten island"}
)


class Flag(BaseModel):
    """One classification risk: what to do (`message`) and the rule behind it (`why`)."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    message: str
    why: str


def classification_flags(terms: TermSheet, defaults: ContractDefaults | None = None) -> list[Flag]:
    """Every flag the terms raise, in a fixed order, most specific rule first."""
    ref = defaults or load_contract_defaults()
    flags: list[Flag] = []
    for check in (_abc_test, _agency_placed, _employee_like, _freelance_contract):
        flag = check(terms, ref)
        if flag is not None:
            flags.append(flag)
    flags.extend(_corp_to_corp(terms, ref))
    return flags


def _abc_test(terms: TermSheet, ref: ContractDefaults) -> Flag | None:
    if terms.engagement_type != "1099" or terms.work_state is None:
        return None
    state = next((s for s in ref.abc_test_states if s.state == terms.work_state), None)
    if state is None:
        return None
    return Flag(
        code="abc_test_state",
        severity="high",
        message=(
            f"An individual paid on a 1099 while working in {state.state} is presumed to be an "
            "employee unless the client can show all three parts of the ABC test. Work that sits "
            "inside the client's usual line of business rarely passes; consider W-2 or a "
            "Corp-to-Corp arrangement."
        ),
        why=f"{state.rule} ({state.source}, reviewed {state.as_of.isoformat()})",
    )


def _agency_placed(terms: TermSheet, ref: ContractDefaults) -> Flag | None:
    if terms.engagement_type != "1099" or not terms.placed_by_agency:
        return None
    rule = ref.agency_safe_harbour
    return Flag(
        code="agency_1099_no_safe_harbour",
        severity="high",
        message=(
            "An engineer placed by a staffing agency and paid on a 1099 cannot lean on the usual "
            "federal safe harbour if the classification is challenged. Agencies normally place "
            "technical contractors as W-2 employees or through the contractor's own company."
        ),
        why=f"{rule.rule} ({rule.source}, reviewed {rule.as_of.isoformat()})",
    )


def _employee_like(terms: TermSheet, ref: ContractDefaults) -> Flag | None:
    full_time = ref.full_time_hours_per_week
    is_full_time = terms.hours_per_week is not None and terms.hours_per_week >= full_time.value
    if terms.engagement_type == "w2" or not (
        is_full_time and terms.open_ended and terms.client_supervised
    ):
        return None
    return Flag(
        code="employee_like_work",
        severity="high",
        message=(
            "Full-time, open-ended work directed day to day by the client looks like employment. "
            "A W-2 engagement fits these terms better; otherwise fix an end date and let the "
            "contractor control how the work is done."
        ),
        why=(
            f"Full time here means {full_time.value}+ hours a week ({full_time.source}); "
            "permanence and control are the factors employment tests weigh most."
        ),
    )


def _freelance_contract(terms: TermSheet, ref: ContractDefaults) -> Flag | None:
    if terms.engagement_type == "w2" or terms.day_rate is None:
        return None
    city = (terms.worksite_city or "").strip().lower()
    laws = [
        law
        for law in ref.freelance_contract_laws
        if terms.work_state == law.applies_to_state
        and (law.applies_to_city is None or city in NEW_YORK_CITY_NAMES)
    ]
    if not laws:
        return None
    window_days = max(law.window_days for law in laws)
    threshold = min(law.threshold_usd for law in laws)
    value = terms.day_rate * _billable_days(terms.start_date, terms.end_date, window_days)
    if value < threshold:
        return None
    where = " and ".join(law.jurisdiction for law in laws)
    return Flag(
        code="freelance_written_contract",
        severity="warning",
        message=(
            f"Work in {where} worth {format_usd(threshold)} or more over {window_days} days "
            "needs a written contract with a freelancer who is an individual or a one-person "
            f"business (estimated {format_usd(value)} here). Put the scope, rate, payment "
            "method and payment date in writing and keep a copy."
        ),
        why="; ".join(
            f"{law.rule} ({law.source}, reviewed {law.as_of.isoformat()})" for law in laws
        ),
    )


def _billable_days(start: date | None, end: date | None, window_days: int) -> int:
    """Weekdays worked in the first `window_days` of the engagement (estimated if undated)."""
    if start is None:
        return window_days * 5 // 7
    last = start + timedelta(days=window_days - 1)
    if end is not None:
        last = min(last, end)
    days = (last - start).days + 1
    return sum(1 for offset in range(days) if (start + timedelta(days=offset)).weekday() < 5)


def _corp_to_corp(terms: TermSheet, ref: ContractDefaults) -> list[Flag]:
    if terms.engagement_type != "c2c":
        return []
    flags: list[Flag] = []
    entity = terms.entity or C2CEntity()
    missing = entity.missing_fields()
    if missing:
        flags.append(
            Flag(
                code="c2c_entity_incomplete",
                severity="warning",
                message=(
                    "Record the contractor's company before agreeing Corp-to-Corp terms; "
                    f"still missing: {', '.join(missing)}."
                ),
                why=(
                    "A Corp-to-Corp contract is only as sound as the business on the other side: "
                    "a registered entity with its own tax id and insurance."
                ),
            )
        )
    open_ids = open_b2b_checks(terms, ref)
    open_items = [item for item in ref.b2b_checklist if item.id in open_ids]
    if open_items:
        flags.append(
            Flag(
                code="c2c_checklist_open",
                severity="warning",
                message=(
                    f"{len(open_items)} of {len(ref.b2b_checklist)} business-to-business checks "
                    "are not yet confirmed: " + " ".join(item.text for item in open_items)
                ),
                why=(
                    "A company that only ever works for one client, with the client's tools and "
                    "under its direction, can be treated as an employee despite the contract."
                ),
            )
        )
    return flags


def open_b2b_checks(terms: TermSheet, defaults: ContractDefaults | None = None) -> list[str]:
    """Ids of business-to-business checklist items not yet confirmed."""
    ref = defaults or load_contract_defaults()
    confirmed = set(terms.b2b_checks_confirmed)
    return [item.id for item in ref.b2b_checklist if item.id not in confirmed]
