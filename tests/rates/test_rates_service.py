"""Rate validation stored: the signal pool, CSV imports all or nothing, a brief's checks."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.cli import run
from hireloop.cli_support import unit_of_work
from hireloop.compliance.models import AuditEntry
from hireloop.kit.errors import InvalidInput
from hireloop.rates.errors import SignalFileError
from hireloop.rates.models import MarketSignal, RateCheckRecord
from hireloop.rates.service import (
    add_signal,
    import_signals,
    latest_check,
    list_signals,
    run_check,
)
from support import add_user

TODAY = date(2026, 4, 1)
HEADER = "kind,source,rate,unit,basis,market,specialism,as_of,p25,p50,p75,n"
GOOD_ROWS = [
    "aggregator,Pay survey A,,day,1099,sf_bay_area,llm_rag,2026-02-01,1900,2100,2300,40",
    "aggregator,Pay survey B,,day,1099,sf_bay_area,,2026-01-15,1400,1550,1700,120",
    "placement,Our desk,2000,day,1099,sf_bay_area,llm_rag,2026-03-25,,,,",
]


def _csv(*rows: str) -> str:
    return "\n".join([HEADER, *rows]) + "\n"


def _brief(db: Session, **fields: object) -> Brief:
    values: dict[str, object] = {
        "title": "Ship the support assistant",
        "location": "sf_bay_area",
        "budget_day_rate": 1500.0,
        "window_weeks": 24,
    }
    values.update(fields)
    return BriefRepository(db).add(Brief(**values))


def _pool_size(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(MarketSignal)) or 0


def test_a_signal_from_a_form_is_stored_in_the_shared_pool(db: Session) -> None:
    user = add_user(db, "recruiter")
    row = add_signal(
        db,
        {
            "kind": "Placement",
            "source": " Our desk ",
            "rate": "$1,950",
            "unit": "day",
            "basis": "1099",
            "market": "sf_bay_area",
            "specialism": "",
            "as_of": "2026-03-20",
            "p50": "",
        },
        actor=user,
    )
    assert (row.kind, row.source, row.rate, row.specialism) == ("placement", "Our desk", 1950, None)
    assert (row.origin, row.entered_by_id) == ("form", user.id)
    assert [s.id for s in list_signals(db, market="sf_bay_area")] == [row.id]
    assert list_signals(db, market="remote") == []
    assert [s.id for s in list_signals(db, specialism="")] == [row.id]
    assert list_signals(db, specialism="llm_rag") == []
    audit = db.scalars(select(AuditEntry).where(AuditEntry.action == "rates.signal.add")).all()
    assert [a.subject_id for a in audit] == [str(row.id)]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "placement", "rate": "-5"}, "rate"),
        ({"kind": "placement", "rate": "1500", "market": "mars"}, "market"),
        ({"kind": "placement", "rate": "1500", "as_of": "2026-13-01"}, "as_of"),
        ({"kind": "aggregator", "rate": ""}, "p50"),
        ({"kind": "guess", "rate": "1500"}, "kind"),
        ({"kind": "placement", "rate": "1500", "source": ""}, "source"),
    ],
)
def test_a_bad_signal_names_the_field_and_stores_nothing(
    db: Session, data: dict[str, str], field: str
) -> None:
    base = {
        "source": "Our desk",
        "unit": "day",
        "basis": "1099",
        "market": "us",
        "as_of": "2026-03-20",
    }
    with pytest.raises(InvalidInput) as caught:
        add_signal(db, {**base, **data}, actor=None)
    assert caught.value.detail[0]["field"] == field
    assert _pool_size(db) == 0


def test_a_csv_of_signals_is_imported_whole(db: Session) -> None:
    rows = import_signals(db, _csv(*GOOD_ROWS), actor=None)
    assert len(rows) == 3
    assert {r.origin for r in rows} == {"csv"}
    assert _pool_size(db) == 3


def test_a_csv_with_one_bad_row_imports_nothing_and_names_row_and_column(db: Session) -> None:
    bad = "placement,Our desk,lots,day,1099,sf_bay_area,,2026-03-25,,,,"
    with pytest.raises(SignalFileError) as caught:
        import_signals(db, _csv(*GOOD_ROWS, bad), actor=None)
    assert (caught.value.row, caught.value.column) == (5, "rate")
    assert "row 5" in caught.value.message and "nothing was imported" in caught.value.message
    assert _pool_size(db) == 0


def test_an_oews_table_becomes_aggregator_figures_on_a_salary_basis(db: Session) -> None:
    table = "\n".join(
        [
            "AREA_TITLE,OCC_CODE,OCC_TITLE,TOT_EMP,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90",
            'U.S.,15-2051,Data Scientists,"202,900","83,400","109,200","141,400","177,400"',
            'U.S.,29-1141,Registered Nurses,"3,175,000","72,800","86,100","104,000","129,000"',
        ]
    )
    (row,) = import_signals(db, table, actor=None, fmt="oews", as_of=date(2025, 5, 1))
    assert (row.kind, row.basis, row.unit, row.market) == ("aggregator", "salary", "year", "us")
    assert (row.p50, row.n, row.origin, row.as_of) == (109200, 202900, "oews", date(2025, 5, 1))


def test_a_check_is_stored_validated_and_goes_stale_after_seven_days(db: Session) -> None:
    brief = _brief(db)
    user = add_user(db, "recruiter")
    import_signals(db, _csv(*GOOD_ROWS), actor=None)
    view = run_check(db, brief, today=TODAY, actor=user, specialisms=["llm_rag"])
    stored = db.get(RateCheckRecord, view.record.id)
    assert stored is not None
    assert (stored.brief_id, stored.rate, stored.market, stored.specialisms) == (
        brief.id,
        1500,
        "sf_bay_area",
        ["llm_rag"],
    )
    assert stored.validated and stored.verdict == view.check.verdict
    assert stored.result["clearing_day_rate"] == stored.clearing_day_rate
    assert len(stored.signals) == 3 and len(view.check.signals_used) == 3

    fresh = latest_check(db, brief, TODAY + timedelta(days=6))
    assert fresh is not None and fresh.record.id == stored.id and not fresh.stale
    old = latest_check(db, brief, TODAY + timedelta(days=7))
    assert old is not None and old.stale and old.stale_since == TODAY + timedelta(days=7)


def test_the_latest_check_is_the_last_one_run(db: Session) -> None:
    brief = _brief(db)
    run_check(db, brief, today=TODAY, actor=None, rate=1200)
    second = run_check(db, brief, today=TODAY, actor=None, rate=1900, basis="W2")
    latest = latest_check(db, brief, TODAY)
    assert latest is not None and latest.record.id == second.record.id
    assert (latest.check.rate, latest.check.basis) == (1900, "w2")


def test_a_check_without_signals_is_stored_not_validated_and_says_what_is_missing(
    db: Session,
) -> None:
    brief = _brief(db)
    view = run_check(db, brief, today=TODAY, actor=None)
    assert not view.check.validated
    assert any("aggregator" in m for m in view.check.missing)
    assert any("live market signal" in m for m in view.check.missing)
    assert view.check.band.origin == "rate_card"
    assert latest_check(db, brief, TODAY) is not None


def test_signals_of_other_markets_play_no_part(db: Session) -> None:
    brief = _brief(db, location="remote")
    import_signals(db, _csv(*GOOD_ROWS), actor=None)
    view = run_check(db, brief, today=TODAY, actor=None)
    assert view.check.signals_used == [] and view.signals == []


def test_the_rate_defaults_to_the_budget_and_economics_use_the_window(db: Session) -> None:
    brief = _brief(db, budget_day_rate=1450.0, window_weeks=12)
    view = run_check(db, brief, today=TODAY, actor=None)
    assert view.check.rate == 1450
    assert view.economics is not None
    assert view.economics.engagement_days == 60
    assert view.economics.engagement_cost == 1450 * 60


@pytest.mark.parametrize(
    ("fields", "options", "field"),
    [
        ({"budget_day_rate": None}, {}, "rate"),
        ({}, {"rate": -100.0}, "rate"),
        ({}, {"rate": 0.0}, "rate"),
        ({"location": None}, {}, "market"),
        ({}, {"specialisms": ["crystal_balls"]}, "specialisms"),
        ({}, {"basis": "cash"}, "basis"),
    ],
)
def test_a_check_that_cannot_run_names_the_field_and_stores_nothing(
    db: Session, fields: dict[str, object], options: dict[str, Any], field: str
) -> None:
    brief = _brief(db, **fields)
    with pytest.raises(InvalidInput) as caught:
        run_check(db, brief, today=TODAY, actor=None, **options)
    assert caught.value.detail == [{"field": field, "error": caught.value.detail[0]["error"]}]
    assert latest_check(db, brief, TODAY) is None


def test_the_command_line_imports_signals_and_stores_a_brief_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HIRELOOP_HOME", str(tmp_path))
    monkeypatch.delenv("HIRELOOP_DATABASE_URL", raising=False)
    assert run(["db", "upgrade"]) == 0
    with unit_of_work() as session:
        brief_id = _brief(session).id
    signals = tmp_path / "signals.csv"
    signals.write_text(_csv(*GOOD_ROWS), encoding="utf-8")
    capsys.readouterr()
    assert run(["rates", "signals", "import", str(signals)]) == 0
    assert "imported 3 signals" in capsys.readouterr().out

    signals.write_text(_csv(*GOOD_ROWS, "placement,X,1,day,1099,nowhere,,2026-03-25,,,,"))
    assert run(["rates", "signals", "import", str(signals)]) == 2
    assert "row 5, column 'market'" in capsys.readouterr().err

    check = ["rates", "brief-check", str(brief_id), "--specialism", "llm_rag", "--json"]
    assert run([*check, "--as-of", "2026-04-01"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["validated"] is True and payload["rate"] == 1500
    assert len(payload["signals_used"]) == 3
    assert run(["rates", "brief-check", str(brief_id), "--rate", "-3"]) == 2
    assert "rate: must be positive" in capsys.readouterr().err
