"""Engagement pages: checkpoints, handover, delivery log, outcome, conversion, dashboard panel."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.auth.permissions import allows
from hireloop.engagements import service
from hireloop.engagements.errors import InvalidEngagementInput
from hireloop.engagements.schedule import OUTCOME_KINDS
from hireloop.kit.errors import HireloopError
from hireloop.web.deps import DbSession, Viewer, require
from hireloop.web.panels import Panel
from hireloop.web.templating import render

router = APIRouter()
Reader = Annotated[User, Depends(require("engagement:read"))]
Writer = Annotated[User, Depends(require("engagement:write"))]
DUE_WITHIN_DAYS = 30


def parse_day(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InvalidEngagementInput(field, f"{field} must be a date like 2027-01-11") from exc


def parse_amount(value: str, field: str) -> Decimal:
    try:
        amount = Decimal(value.strip().replace(",", "").lstrip("$"))
    except InvalidOperation as exc:
        raise InvalidEngagementInput(field, f"{field} must be an amount in dollars") from exc
    if not amount.is_finite():
        raise InvalidEngagementInput(field, f"{field} must be an amount in dollars")
    return amount


def _context(db: Session, engagement_id: int) -> dict[str, Any]:
    view = service.view_engagement(db, engagement_id)
    return {
        "view": view,
        "e": view.engagement,
        "outcome_kinds": OUTCOME_KINDS,
        "today": date.today(),
        "error": None,
        "error_form": "",
        "delivery_form": {},
        "outcome_form": {},
        "salary_form": {},
    }


def _refused(
    request: Request,
    db: Session,
    engagement_id: int,
    exc: HireloopError,
    which: str,
    typed: dict[str, str],
) -> Response:
    context = _context(db, engagement_id)
    context.update({"error": exc.message, "error_form": which, f"{which}_form": typed})
    return render(request, "engagements/engagement.html", context, status_code=exc.status)


@router.post("/engagements", response_model=None)
def engagement_create(
    request: Request,
    db: DbSession,
    user: Writer,
    term_sheet_id: Annotated[int, Form()],
    allocation_percent: Annotated[str, Form()] = "100",
) -> Response:
    """Start an engagement from agreed terms; a refusal comes back with what was typed."""
    try:
        percent = allocation_percent.strip()
        if not percent.isdigit():
            raise InvalidEngagementInput(
                "allocation_percent", "allocation must be a whole percent between 1 and 100"
            )
        with db.begin_nested():
            engagement = service.create_engagement(db, term_sheet_id, user, int(percent))
    except HireloopError as exc:
        context = {
            "term_sheet_id": term_sheet_id,
            "allocation_percent": allocation_percent,
            "error": exc.message,
        }
        return render(request, "engagements/new.html", context, status_code=exc.status)
    return RedirectResponse(f"/engagements/{engagement.id}", status_code=303)


@router.get("/engagements/{engagement_id}", response_class=HTMLResponse)
def engagement_page(request: Request, engagement_id: int, db: DbSession, user: Reader) -> Response:
    return render(request, "engagements/engagement.html", _context(db, engagement_id))


@router.post("/engagements/{engagement_id}/handover/{item_id}")
def engagement_handover(
    engagement_id: int,
    item_id: str,
    db: DbSession,
    user: Writer,
    done: Annotated[str, Form()] = "1",
) -> RedirectResponse:
    service.set_handover_item(db, engagement_id, item_id, done == "1", user)
    return RedirectResponse(f"/engagements/{engagement_id}#handover", status_code=303)


@router.post("/engagements/{engagement_id}/deliveries", response_model=None)
def engagement_delivery(
    request: Request,
    engagement_id: int,
    db: DbSession,
    user: Writer,
    on: Annotated[str, Form()] = "",
    shipped: Annotated[str, Form()] = "",
    metric: Annotated[str, Form()] = "",
) -> Response:
    try:
        with db.begin_nested():
            day = parse_day(on, "date")
            service.log_delivery(db, engagement_id, day, shipped, metric, user)
    except HireloopError as exc:
        typed = {"on": on, "shipped": shipped, "metric": metric}
        return _refused(request, db, engagement_id, exc, "delivery", typed)
    return RedirectResponse(f"/engagements/{engagement_id}#deliveries", status_code=303)


@router.post("/engagements/{engagement_id}/outcome", response_model=None)
def engagement_outcome(
    request: Request,
    engagement_id: int,
    db: DbSession,
    user: Writer,
    kind: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
    decided_on: Annotated[str, Form()] = "",
) -> Response:
    try:
        with db.begin_nested():
            day = parse_day(decided_on, "decided_on") if decided_on.strip() else date.today()
            service.set_outcome(db, engagement_id, kind, reason, day, user)
    except HireloopError as exc:
        typed = {"kind": kind, "reason": reason, "decided_on": decided_on}
        return _refused(request, db, engagement_id, exc, "outcome", typed)
    return RedirectResponse(f"/engagements/{engagement_id}#outcome", status_code=303)


@router.post("/engagements/{engagement_id}/perm-salary", response_model=None)
def engagement_salary(
    request: Request,
    engagement_id: int,
    db: DbSession,
    user: Writer,
    amount: Annotated[str, Form()] = "",
) -> Response:
    try:
        with db.begin_nested():
            salary = parse_amount(amount, "perm_salary_offered")
            service.set_perm_salary(db, engagement_id, salary, user)
    except HireloopError as exc:
        return _refused(request, db, engagement_id, exc, "salary", {"amount": amount})
    return RedirectResponse(f"/engagements/{engagement_id}/conversion", status_code=303)


@router.get("/engagements/{engagement_id}/conversion", response_class=HTMLResponse)
def engagement_conversion(
    request: Request,
    engagement_id: int,
    db: DbSession,
    user: Reader,
    as_of: str = "",
    salary: str = "",
) -> Response:
    """The economics of converting on a date (today by default), with the arithmetic shown."""
    view = service.view_engagement(db, engagement_id)
    context: dict[str, Any] = {
        "view": view,
        "as_of": as_of,
        "salary": salary,
        "economics": None,
        "error": None,
    }
    try:
        day = parse_day(as_of, "as_of") if as_of.strip() else date.today()
        what_if = parse_amount(salary, "salary") if salary.strip() else None
        context["economics"] = service.conversion(db, engagement_id, day, what_if)
        context["as_of"] = day.isoformat()
    except HireloopError as exc:
        context["error"] = exc.message
        return render(request, "engagements/conversion.html", context, status_code=exc.status)
    return render(request, "engagements/conversion.html", context)


def due_panel(db: Session, viewer: Viewer) -> Panel | None:
    """Checkpoints of active engagements due within 30 days, for the dashboard."""
    if not allows(viewer.role, "engagement:read"):
        return None
    due = service.due_checkpoints(db, date.today(), DUE_WITHIN_DAYS)
    return Panel(
        template="engagements/_due_panel.html",
        context={"due": due, "days": DUE_WITHIN_DAYS},
        order=40,
    )
