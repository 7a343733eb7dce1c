"""The rate pages as a recruiter uses them: run a check, read the verdict and chart, add signals."""

from __future__ import annotations

from datetime import date

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.rates.models import MarketSignal
from hireloop.rates.pages import today
from hireloop.rates.service import import_signals, run_check
from support import add_user, login

HEADER = "kind,source,rate,unit,basis,market,specialism,as_of,p25,p50,p75,n"


def _signals_csv() -> str:
    """Two aggregators and a placement, all fresh on the day the tests run."""
    on = today().isoformat()
    return "\n".join(
        [
            HEADER,
            f"aggregator,Pay survey A,,day,1099,sf_bay_area,,{on},1500,1700,1900,40",
            f"aggregator,Pay survey B,,day,1099,sf_bay_area,,{on},1450,1650,1850,90",
            f"placement,Our desk,1800,day,1099,sf_bay_area,,{on},,,,",
        ]
    )


def _brief(db: Session) -> Brief:
    brief = BriefRepository(db).add(
        Brief(
            title="Ship the support assistant",
            location="sf_bay_area",
            budget_day_rate=1500.0,
            window_weeks=24,
        )
    )
    db.commit()
    return brief


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _text(page: BeautifulSoup, selector: str) -> str:
    found = page.select_one(selector)
    assert found is not None, f"nothing matches {selector}"
    return found.get_text()


def _value(page: BeautifulSoup, selector: str) -> str:
    found = page.select_one(selector)
    assert found is not None, f"nothing matches {selector}"
    return str(found["value"])


def _pool_size(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(MarketSignal)) or 0


def test_running_a_check_shows_the_verdict_band_and_chart(client: TestClient, db: Session) -> None:
    brief = _brief(db)
    import_signals(db, _signals_csv(), actor=None)
    db.commit()
    token = login(client, add_user(db, "recruiter"))
    response = client.post(
        f"/briefs/{brief.id}/rates/check",
        data={"rate": "1,540", "basis": "1099", "market": "sf_bay_area", "csrf_token": token},
    )
    assert response.status_code == 303
    page = _soup(client.get(f"/briefs/{brief.id}/rates").text)
    check = page.select_one("#check")
    assert check is not None
    verdict = check.select_one("[data-verdict]")
    assert verdict is not None and verdict["data-verdict"] == "at_risk"
    assert "bad" in verdict["class"]
    assert "validated" in check.get_text() and "not validated" not in check.get_text()
    assert "Clearing estimate" in check.get_text()
    assert len(check.select("table.signals-used tbody tr")) == 3
    assert "Economics over 24 weeks" in check.get_text()
    svg = check.select_one("figure.rate-chart svg")
    assert svg is not None and "Rate check: $1,540/day" in svg.get_text()

    download = page.find("a", string="Download the chart (SVG)")
    assert download is not None
    chart = client.get(str(download["href"]))
    assert chart.status_code == 200
    assert chart.headers["content-type"].startswith("image/svg+xml")
    assert chart.text.startswith("<svg")


def test_a_check_without_signals_says_what_is_missing_not_an_error(
    client: TestClient, db: Session
) -> None:
    brief = _brief(db)
    token = login(client, add_user(db, "recruiter"))
    response = client.post(f"/briefs/{brief.id}/rates/check", data={"csrf_token": token})
    assert response.status_code == 303
    page = _soup(client.get(f"/briefs/{brief.id}/rates").text)
    assert "not validated" in _text(page, "#check")
    missing = [li.get_text() for li in page.select("ul.missing li")]
    assert any("aggregator" in m for m in missing)
    assert any("live market signal" in m for m in missing)


def test_the_brief_page_panel_shows_the_latest_verdict_or_none_yet(
    client: TestClient, db: Session
) -> None:
    brief = _brief(db)
    login(client, add_user(db, "hiring_manager"))
    panel = _soup(client.get(f"/briefs/{brief.id}").text).select_one("#rate-check")
    assert panel is not None and "No rate check yet" in panel.get_text()
    link = panel.find("a", href=f"/briefs/{brief.id}/rates")
    assert link is not None

    run_check(db, brief, today=today(), actor=None, rate=1000)
    db.commit()
    panel = _soup(client.get(f"/briefs/{brief.id}").text).select_one("#rate-check")
    assert panel is not None
    text = panel.get_text(" ", strip=True)
    assert "below market" in text and "not validated" in text and "stale" not in text


def test_the_panel_says_stale_since_when_the_check_is_older_than_a_week(
    client: TestClient, db: Session
) -> None:
    brief = _brief(db)
    run_check(db, brief, today=date(2026, 1, 5), actor=None)
    db.commit()
    login(client, add_user(db, "recruiter"))
    panel = _soup(client.get(f"/briefs/{brief.id}").text).select_one("#rate-check")
    assert panel is not None and "stale since 2026-01-12" in panel.get_text()


def test_a_bad_csv_imports_nothing_and_shows_row_and_column(
    client: TestClient, db: Session
) -> None:
    brief = _brief(db)
    token = login(client, add_user(db, "recruiter"))
    bad = _signals_csv() + "\nplacement,Our desk,lots,day,1099,sf_bay_area,,2026-03-25,,,,"
    response = client.post(
        "/rates/signals/import",
        data={"csrf_token": token, "format": "signals", "brief_id": str(brief.id)},
        files={"file": ("signals.csv", bad.encode(), "text/csv")},
    )
    assert response.status_code == 422
    page = _soup(response.text)
    error = page.select_one("#import .error")
    assert error is not None
    assert "row 5, column 'rate'" in error.get_text()
    assert "nothing was imported" in error.get_text()
    assert _pool_size(db) == 0
    assert _value(page, "#import select[name=format] option[selected]") == "signals"


def test_pasted_csv_is_kept_when_it_fails_and_imported_when_fixed(
    client: TestClient, db: Session
) -> None:
    token = login(client, add_user(db, "recruiter"))
    bad = _signals_csv().replace("sf_bay_area,,", "atlantis,,", 1)
    response = client.post("/rates/signals/import", data={"csrf_token": token, "text": bad})
    assert response.status_code == 422
    page = _soup(response.text)
    assert "row 2, column 'market'" in _text(page, "#import .error")
    assert _text(page, "#import textarea[name=text]") == bad

    response = client.post(
        "/rates/signals/import", data={"csrf_token": token, "text": _signals_csv()}
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith("/rates/signals?imported=3")
    pool = _soup(client.get(response.headers["location"]).text)
    assert "Imported 3 signals." in pool.get_text()
    assert len(pool.select("table.signals tbody tr")) == 3


def test_a_bad_signal_form_keeps_what_was_typed(client: TestClient, db: Session) -> None:
    brief = _brief(db)
    token = login(client, add_user(db, "recruiter"))
    form = {
        "csrf_token": token,
        "brief_id": str(brief.id),
        "kind": "pulled_offer",
        "source": "Rival agency",
        "market": "sf_bay_area",
        "unit": "day",
        "basis": "1099",
        "as_of": "2026-03-30",
        "rate": "-1700",
    }
    response = client.post("/rates/signals", data=form)
    assert response.status_code == 422
    page = _soup(response.text)
    assert "rate" in _text(page, "#signals .error")
    assert _value(page, "#signals input[name=source]") == "Rival agency"
    assert _value(page, "#signals input[name=rate]") == "-1700"
    kind = page.select_one("#signals select[name=kind] option[selected]")
    assert kind is not None and kind["value"] == "pulled_offer"
    assert _pool_size(db) == 0

    response = client.post("/rates/signals", data={**form, "rate": "1700"})
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"/briefs/{brief.id}/rates")
    assert _pool_size(db) == 1


def test_a_bad_rate_in_the_check_form_keeps_the_choices(client: TestClient, db: Session) -> None:
    brief = _brief(db)
    token = login(client, add_user(db, "recruiter"))
    response = client.post(
        f"/briefs/{brief.id}/rates/check",
        data={"csrf_token": token, "rate": "-20", "basis": "w2", "specialisms": ["llm_rag"]},
    )
    assert response.status_code == 422
    page = _soup(response.text)
    assert "rate" in _text(page, "#run .error")
    assert _value(page, "#run input[name=rate]") == "-20"
    assert _value(page, "#run select[name=basis] option[selected]") == "w2"
    ticked = [i["value"] for i in page.select("#run input[name=specialisms][checked]")]
    assert ticked == ["llm_rag"]
    assert "No rate check yet" in _text(page, "#check")


def test_an_interviewer_may_not_see_rates_and_a_manager_may_not_change_them(
    client: TestClient, db: Session
) -> None:
    brief = _brief(db)
    login(client, add_user(db, "interviewer"))
    assert client.get(f"/briefs/{brief.id}/rates").status_code == 403
    assert client.get("/rates/signals").status_code == 403

    client.cookies.clear()
    token = login(client, add_user(db, "hiring_manager"))
    page = _soup(client.get(f"/briefs/{brief.id}/rates").text)
    assert page.select("form.check-form") == [] and page.select("form.import-form") == []
    response = client.post(f"/briefs/{brief.id}/rates/check", data={"csrf_token": token})
    assert response.status_code == 403
