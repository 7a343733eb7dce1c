"""Rate validation pages: a brief's rate check with its chart, the signal pool, the brief panel."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.auth.permissions import allows
from hireloop.briefs.models import Brief
from hireloop.briefs.service import get_brief
from hireloop.kit.errors import HireloopError, InvalidInput, NotFound
from hireloop.rates.chart import rate_chart_svg
from hireloop.rates.check import VERDICT_MEANING
from hireloop.rates.normalise import UNITS, money
from hireloop.rates.overrides import VERDICTS, override_latest
from hireloop.rates.service import (
    FORMATS,
    CheckView,
    add_signal,
    import_signals,
    latest_check,
    list_signals,
    run_check,
)
from hireloop.rates.signals import KINDS
from hireloop.reference.rate_card import BASES, load_rate_card
from hireloop.web.deps import DbSession, Viewer, require
from hireloop.web.panels import Panel
from hireloop.web.templating import render

router = APIRouter()
Reader = Annotated[User, Depends(require("rates:read"))]
Writer = Annotated[User, Depends(require("rates:write"))]

VERDICT_TONE = {
    "competitive": "good",
    "above_band": "warn",
    "tight": "warn",
    "at_risk": "bad",
    "below_market": "bad",
}
SIGNAL_FIELDS = (
    "kind",
    "source",
    "market",
    "specialism",
    "unit",
    "basis",
    "as_of",
    "rate",
    "p25",
    "p50",
    "p75",
    "p90",
    "low",
    "high",
    "n",
)
POOL_LIMIT = 500


def today() -> date:
    """The check date: today in UTC, decided here at the edge."""
    return datetime.now(UTC).date()


def _shared_context() -> dict[str, Any]:
    card = load_rate_card()
    return {
        "markets": card.markets,
        "specialisms": card.specialisms,
        "bases": BASES,
        "kinds": KINDS,
        "units": UNITS,
        "formats": FORMATS,
        "money": money,
        "tone": VERDICT_TONE,
        "meaning": VERDICT_MEANING,
        "signal_form": {},
        "signal_error": None,
        "import_form": {},
        "import_error": None,
        "notice": None,
    }


def _chart(view: CheckView | None) -> str | None:
    return None if view is None else rate_chart_svg(view.check, view.signals)


def _brief_context(db: Session, brief: Brief) -> dict[str, Any]:
    view = latest_check(db, brief, today())
    check_form: dict[str, Any] = {
        "rate": "" if brief.budget_day_rate is None else f"{brief.budget_day_rate:g}",
        "basis": view.check.basis if view else "1099",
        "market": brief.location or "",
        "specialisms": list(view.check.specialisms) if view else [],
    }
    return {
        **_shared_context(),
        "brief": brief,
        "view": view,
        "chart": _chart(view),
        "check_form": check_form,
        "check_error": None,
        "override_form": {},
        "override_error": None,
        "verdicts": VERDICTS,
        "return_to": f"/briefs/{brief.id}/rates",
    }


def _notice(imported: int | None, added: int | None) -> str | None:
    if imported is not None:
        return f"Imported {imported} signal{'s' if imported != 1 else ''}."
    if added is not None:
        return "Signal added to the pool."
    return None


@router.get("/briefs/{brief_id}/rates", response_class=HTMLResponse)
def brief_rates_page(
    request: Request,
    brief_id: int,
    db: DbSession,
    user: Reader,
    imported: int | None = None,
    added: int | None = None,
) -> Response:
    context = _brief_context(db, get_brief(db, brief_id))
    context["notice"] = _notice(imported, added)
    return render(request, "rates/brief_rates.html", context)


@router.post("/briefs/{brief_id}/rates/override", response_model=None)
def brief_rates_override(
    request: Request,
    brief_id: int,
    db: DbSession,
    user: Writer,
    verdict: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    brief = get_brief(db, brief_id)
    try:
        override_latest(db, brief, verdict or None, reason, user)
    except InvalidInput as exc:
        context = _brief_context(db, brief)
        context["override_form"] = {"verdict": verdict, "reason": reason}
        context["override_error"] = exc.message
        return render(request, "rates/brief_rates.html", context, status_code=exc.status)
    return RedirectResponse(f"/briefs/{brief_id}/rates#check", status_code=303)


@router.get("/briefs/{brief_id}/rates/chart.svg")
def brief_rates_chart(brief_id: int, db: DbSession, user: Reader) -> Response:
    view = latest_check(db, get_brief(db, brief_id), today())
    if view is None:
        raise NotFound(f"brief {brief_id} has no rate check yet")
    filename = f"brief-{brief_id}-rate-check-{view.check.as_of.isoformat()}.svg"
    return Response(
        rate_chart_svg(view.check, view.signals),
        media_type="image/svg+xml",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _rate(text: str) -> float | None:
    text = text.strip().replace(",", "").replace("$", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise InvalidInput(
            f"rate: {text!r} is not a number",
            detail=[{"field": "rate", "error": "must be a number"}],
        ) from None


@router.post("/briefs/{brief_id}/rates/check", response_model=None)
def brief_rates_check(
    request: Request,
    brief_id: int,
    db: DbSession,
    user: Writer,
    rate: Annotated[str, Form()] = "",
    basis: Annotated[str, Form()] = "1099",
    market: Annotated[str, Form()] = "",
    specialisms: Annotated[list[str] | None, Form()] = None,
) -> Response:
    brief = get_brief(db, brief_id)
    chosen = specialisms or []
    try:
        run_check(
            db,
            brief,
            today=today(),
            actor=user,
            rate=_rate(rate),
            basis=basis,
            specialisms=chosen,
            market=market or None,
        )
    except HireloopError as exc:
        db.rollback()
        context = _brief_context(db, brief)
        context["check_form"] = {
            "rate": rate,
            "basis": basis,
            "market": market,
            "specialisms": chosen,
        }
        context["check_error"] = exc.message
        return render(request, "rates/brief_rates.html", context, status_code=exc.status)
    return RedirectResponse(f"/briefs/{brief_id}/rates#check", status_code=303)


def _pool_context(db: Session, market: str | None, specialism: str | None) -> dict[str, Any]:
    wanted = "" if specialism == "generalist" else (specialism or None)
    signals = list_signals(db, market=market or None, specialism=wanted, limit=POOL_LIMIT)
    return {
        **_shared_context(),
        "signals": signals,
        "limit": POOL_LIMIT,
        "filters": {"market": market or "", "specialism": specialism or ""},
        "return_to": "/rates/signals",
    }


@router.get("/rates/signals", response_class=HTMLResponse)
def signals_page(
    request: Request,
    db: DbSession,
    user: Reader,
    market: str | None = None,
    specialism: str | None = None,
    imported: int | None = None,
    added: int | None = None,
) -> Response:
    context = _pool_context(db, market, specialism)
    context["notice"] = _notice(imported, added)
    return render(request, "rates/signals.html", context)


def _back(db: Session, brief_id: str) -> tuple[str, dict[str, Any]]:
    """The page a signal form came from, to show its error on: a brief's rates or the pool."""
    if brief_id.strip().isdigit():
        return "rates/brief_rates.html", _brief_context(db, get_brief(db, int(brief_id)))
    return "rates/signals.html", _pool_context(db, None, None)


def _target(brief_id: str) -> str:
    if brief_id.strip().isdigit():
        return f"/briefs/{int(brief_id)}/rates"
    return "/rates/signals"


async def signal_form(request: Request) -> dict[str, str]:
    """The add-a-signal form's fields, every one as the text the user typed."""
    form = await request.form()
    fields: dict[str, str] = {}
    for name in (*SIGNAL_FIELDS, "brief_id"):
        value = form.get(name)
        fields[name] = value if isinstance(value, str) else ""
    return fields


@router.post("/rates/signals", response_model=None)
def signals_add(
    request: Request,
    db: DbSession,
    user: Writer,
    form: Annotated[dict[str, str], Depends(signal_form)],
) -> Response:
    brief_id = form.pop("brief_id")
    try:
        add_signal(db, form, actor=user, origin="form")
    except HireloopError as exc:
        db.rollback()
        template, context = _back(db, brief_id)
        context.update(signal_form=form, signal_error=exc.message)
        return render(request, template, context, status_code=exc.status)
    return RedirectResponse(f"{_target(brief_id)}?added=1#signals", status_code=303)


@router.post("/rates/signals/import", response_model=None)
def signals_import(
    request: Request,
    db: DbSession,
    user: Writer,
    file: Annotated[UploadFile | None, File()] = None,
    text: Annotated[str, Form()] = "",
    fmt: Annotated[str, Form(alias="format")] = "signals",
    as_of: Annotated[str, Form()] = "",
    market: Annotated[str, Form()] = "us",
    brief_id: Annotated[str, Form()] = "",
) -> Response:
    kept = {"text": text, "format": fmt, "as_of": as_of, "market": market}
    try:
        content = file.file.read() if file is not None else b""
        try:
            body = content.decode("utf-8-sig") if content else text
        except UnicodeDecodeError:
            raise InvalidInput(
                "the file is not UTF-8 text; save it as CSV (UTF-8) and try again",
                detail=[{"field": "file", "error": "not UTF-8 text"}],
            ) from None
        on = _date(as_of) if as_of.strip() else today()
        rows = import_signals(db, body, actor=user, fmt=fmt, as_of=on, market=market)
    except HireloopError as exc:
        db.rollback()
        template, context = _back(db, brief_id)
        context.update(import_form=kept, import_error=exc.message)
        return render(request, template, context, status_code=exc.status)
    return RedirectResponse(f"{_target(brief_id)}?imported={len(rows)}#signals", status_code=303)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            f"as of: {text!r} is not a date (use YYYY-MM-DD)",
            detail=[{"field": "as_of", "error": "must be a date like 2026-04-01"}],
        ) from None


def brief_panel(db: Session, brief: Brief, viewer: Viewer) -> Panel | None:
    """The brief page's rate panel: the latest verdict, validated or not, stale or fresh."""
    if not allows(viewer.role, "rates:read"):
        return None
    view = latest_check(db, brief, today())
    context = {"brief_id": brief.id, "view": view, "money": money, "tone": VERDICT_TONE}
    return Panel(template="rates/_brief_panel.html", context=context, order=30)
