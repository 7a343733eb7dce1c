"""The term sheet page: view and edit a draft, propose, agree, reopen, flags and the DOCX."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.auth.repository import UserRepository
from hireloop.briefs.service import get_brief
from hireloop.candidates.service import get_candidate
from hireloop.contracts import service
from hireloop.contracts.classification import DISCLAIMER
from hireloop.contracts.errors import InvalidTerm, TermsIncomplete
from hireloop.contracts.terms import ENGAGEMENT_TYPE_LABELS, TermSheet, TermStatus
from hireloop.engagements.service import engagements_for_terms
from hireloop.kit.errors import HireloopError
from hireloop.reference.contract_defaults import load_contract_defaults
from hireloop.web.deps import DbSession, require
from hireloop.web.templating import render

router = APIRouter()
Reader = Annotated[User, Depends(require("terms:read"))]
Writer = Annotated[User, Depends(require("terms:write"))]

TEXT_FIELDS = (
    "engagement_type",
    "day_rate",
    "start_date",
    "end_date",
    "conversion_fee_percent",
    "conversion_window_start_month",
    "conversion_window_end_month",
    "notice_period_days",
    "work_state",
    "worksite_city",
    "hours_per_week",
)
FLAG_FIELDS = ("ip_assignment", "open_ended", "client_supervised", "placed_by_agency")
LIST_FIELDS = ("scope_deliverables", "prior_ip_carve_outs")
ENTITY_FIELDS = ("legal_name", "tax_id", "state_of_incorporation", "insurance")


def form_values(terms: TermSheet) -> dict[str, Any]:
    """The stored terms as the edit form shows them."""
    data = terms.model_dump(mode="json")
    values: dict[str, Any] = {f: "" if data[f] is None else str(data[f]) for f in TEXT_FIELDS}
    values.update({f: bool(data[f]) for f in FLAG_FIELDS})
    values.update({f: "\n".join(data[f]) for f in LIST_FIELDS})
    entity = data["entity"] or {}
    values.update({f"entity_{f}": entity.get(f) or "" for f in ENTITY_FIELDS})
    schedule = data["fee_schedule"] or {}
    values["fee_points_per_month"] = str(schedule.get("points_per_month", ""))
    values["fee_floor_percent"] = str(schedule.get("floor_percent", ""))
    values["b2b_checks_confirmed"] = list(data["b2b_checks_confirmed"])
    return values


def raw_form(form: Any) -> dict[str, Any]:
    """What the user typed, kept as typed so a refused form comes back filled in."""
    values: dict[str, Any] = {f: str(form.get(f, "")) for f in TEXT_FIELDS}
    values.update({f: form.get(f) is not None for f in FLAG_FIELDS})
    values.update({f: str(form.get(f, "")) for f in LIST_FIELDS})
    values.update({f"entity_{f}": str(form.get(f"entity_{f}", "")) for f in ENTITY_FIELDS})
    values["fee_points_per_month"] = str(form.get("fee_points_per_month", ""))
    values["fee_floor_percent"] = str(form.get("fee_floor_percent", ""))
    values["b2b_checks_confirmed"] = [str(v) for v in form.getlist("b2b_checks_confirmed")]
    return values


def changes_from(values: dict[str, Any]) -> dict[str, Any]:
    """Form values as term sheet changes: blank means not set; the engine validates the rest."""
    changes: dict[str, Any] = {f: values[f].strip() or None for f in TEXT_FIELDS}
    changes.update({f: values[f] for f in FLAG_FIELDS})
    for f in LIST_FIELDS:
        changes[f] = [line.strip() for line in values[f].splitlines() if line.strip()]
    entity = {f: values[f"entity_{f}"].strip() or None for f in ENTITY_FIELDS}
    changes["entity"] = entity if any(entity.values()) else None
    points, floor = values["fee_points_per_month"].strip(), values["fee_floor_percent"].strip()
    changes["fee_schedule"] = (
        {"points_per_month": points, "floor_percent": floor} if points or floor else None
    )
    changes["b2b_checks_confirmed"] = values["b2b_checks_confirmed"]
    return changes


def _context(db: Session, term_sheet_id: int) -> dict[str, Any]:
    view = service.view_terms(db, term_sheet_id)
    actor_ids = {e.actor_id for e in view.history if e.actor_id is not None}
    users = UserRepository(db)
    return {
        "view": view,
        "terms": view.terms,
        "form": form_values(view.terms),
        "flags": view.flags,
        "disclaimer": DISCLAIMER,
        "labels": ENGAGEMENT_TYPE_LABELS,
        "engagement_types": service.ENGAGEMENT_TYPES,
        "b2b_checklist": load_contract_defaults().b2b_checklist,
        "actors": {i: u.name for i in actor_ids if (u := users.get(i)) is not None},
        "engagements": engagements_for_terms(db, view.record.id),
        "error": None,
        "error_fields": [],
        "reopen_reason": "",
    }


def _refused(
    request: Request, db: Session, term_sheet_id: int, exc: HireloopError, **kept: Any
) -> Response:
    context = _context(db, term_sheet_id)
    context["error"] = exc.message
    if isinstance(exc, InvalidTerm):
        context["error_fields"] = [exc.field]
    elif isinstance(exc, TermsIncomplete):
        context["error_fields"] = list(exc.missing)
    context.update(kept)
    return render(request, "contracts/terms.html", context, status_code=exc.status)


@router.post("/briefs/{brief_id}/terms")
def terms_create(
    brief_id: int,
    db: DbSession,
    user: Writer,
    candidate_id: Annotated[int, Form()],
    engagement_type: Annotated[str, Form()] = "",
) -> RedirectResponse:
    """Draft a term sheet with the defaults, then edit it on its own page."""
    brief = get_brief(db, brief_id)
    candidate = get_candidate(db, candidate_id)
    data = {"engagement_type": engagement_type} if engagement_type else {}
    row = service.create_terms(db, brief, candidate, user, data)
    return RedirectResponse(f"/terms/{row.id}", status_code=303)


@router.get("/terms/{term_sheet_id}", response_class=HTMLResponse)
def terms_page(request: Request, term_sheet_id: int, db: DbSession, user: Reader) -> Response:
    return render(request, "contracts/terms.html", _context(db, term_sheet_id))


@router.post("/terms/{term_sheet_id}", response_model=None)
async def terms_edit(request: Request, term_sheet_id: int, db: DbSession, user: Writer) -> Response:
    values = raw_form(await request.form())
    try:
        with db.begin_nested():
            service.update_terms(db, term_sheet_id, changes_from(values), user)
    except HireloopError as exc:
        return _refused(request, db, term_sheet_id, exc, form=values)
    return RedirectResponse(f"/terms/{term_sheet_id}", status_code=303)


def _move(
    request: Request, db: Session, term_sheet_id: int, target: TermStatus, user: User
) -> Response:
    try:
        with db.begin_nested():
            service.change_status(db, term_sheet_id, target, user)
    except HireloopError as exc:
        return _refused(request, db, term_sheet_id, exc)
    return RedirectResponse(f"/terms/{term_sheet_id}", status_code=303)


@router.post("/terms/{term_sheet_id}/propose", response_model=None)
def terms_propose(request: Request, term_sheet_id: int, db: DbSession, user: Writer) -> Response:
    return _move(request, db, term_sheet_id, "proposed", user)


@router.post("/terms/{term_sheet_id}/agree", response_model=None)
def terms_agree(request: Request, term_sheet_id: int, db: DbSession, user: Writer) -> Response:
    return _move(request, db, term_sheet_id, "agreed", user)


@router.post("/terms/{term_sheet_id}/draft", response_model=None)
def terms_draft(request: Request, term_sheet_id: int, db: DbSession, user: Writer) -> Response:
    return _move(request, db, term_sheet_id, "draft", user)


@router.post("/terms/{term_sheet_id}/reopen", response_model=None)
def terms_reopen(
    request: Request,
    term_sheet_id: int,
    db: DbSession,
    user: Writer,
    reason: Annotated[str, Form()] = "",
) -> Response:
    try:
        with db.begin_nested():
            service.reopen_terms(db, term_sheet_id, reason, user)
    except HireloopError as exc:
        return _refused(request, db, term_sheet_id, exc, reopen_reason=reason)
    return RedirectResponse(f"/terms/{term_sheet_id}", status_code=303)


@router.get("/terms/{term_sheet_id}/docx")
def terms_docx(term_sheet_id: int, db: DbSession, user: Reader) -> Response:
    done = service.render_terms(db, term_sheet_id, user)
    return Response(
        done.content,
        media_type=done.content_type,
        headers={"Content-Disposition": f'attachment; filename="{done.filename}"'},
    )
