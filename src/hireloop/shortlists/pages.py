"""The shortlist page of a brief, its printable form, its downloads, and its brief panel."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.auth.permissions import allows
from hireloop.auth.repository import UserRepository
from hireloop.briefs.models import Brief
from hireloop.briefs.service import get_brief
from hireloop.candidates.service import get_candidate
from hireloop.contracts.service import ENGAGEMENT_TYPES
from hireloop.kit.errors import HireloopError, InvalidInput
from hireloop.pipeline.service import board
from hireloop.shortlists import service
from hireloop.web.deps import DbSession, Viewer, require
from hireloop.web.panels import Panel
from hireloop.web.templating import render

router = APIRouter()
Reader = Annotated[User, Depends(require("shortlist:read"))]
Writer = Annotated[User, Depends(require("shortlist:write"))]
Exporter = Annotated[User, Depends(require("candidate:export"))]


def _context(db: Session, brief: Brief) -> dict[str, Any]:
    rows = service.shortlist(db, brief.id)
    listed = {r.candidate.id for r in rows}
    on_board = [card for cards in board(db, brief.id).values() for card in cards]
    presented = service.latest_presentation(db, brief.id)
    presenter = None
    if presented is not None and presented.presented_by_id is not None:
        presenter = UserRepository(db).get(presented.presented_by_id)
    return {
        "brief": brief,
        "rows": rows,
        "problems": service.gate_problems(rows),
        "addable": sorted(
            (c for c in on_board if c.candidate_id not in listed), key=lambda c: c.name
        ),
        "presented": presented,
        "presenter": presenter,
        "changed_since_presented": presented is not None
        and sorted(presented.candidate_ids) != sorted(listed),
        "engagement_types": ENGAGEMENT_TYPES,
        "add_form": {},
        "error": None,
    }


def _page_with_error(
    request: Request, db: Session, brief: Brief, exc: HireloopError, form: dict[str, str]
) -> Response:
    context = _context(db, brief)
    context["error"] = exc.message
    context["add_form"] = form
    return render(request, "shortlists/shortlist.html", context, status_code=exc.status)


@router.get("/briefs/{brief_id}/shortlist", response_class=HTMLResponse)
def shortlist_page(request: Request, brief_id: int, db: DbSession, user: Reader) -> Response:
    return render(request, "shortlists/shortlist.html", _context(db, get_brief(db, brief_id)))


@router.post("/briefs/{brief_id}/shortlist/add", response_model=None)
def shortlist_add(
    request: Request,
    brief_id: int,
    db: DbSession,
    user: Writer,
    candidate_id: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    brief = get_brief(db, brief_id)
    try:
        if not candidate_id.strip().isdigit():
            raise InvalidInput(
                "choose a candidate to add",
                detail=[{"field": "candidate_id", "error": "a candidate id is required"}],
            )
        candidate = get_candidate(db, int(candidate_id))
        with db.begin_nested():
            service.add_to_shortlist(db, brief, candidate, user, note)
    except HireloopError as exc:
        form = {"candidate_id": candidate_id, "note": note}
        return _page_with_error(request, db, brief, exc, form)
    return RedirectResponse(f"/briefs/{brief.id}/shortlist", status_code=303)


@router.post("/briefs/{brief_id}/shortlist/{candidate_id}/remove")
def shortlist_remove(
    brief_id: int, candidate_id: int, db: DbSession, user: Writer
) -> RedirectResponse:
    brief = get_brief(db, brief_id)
    service.remove_from_shortlist(db, brief, get_candidate(db, candidate_id), user)
    return RedirectResponse(f"/briefs/{brief.id}/shortlist", status_code=303)


@router.post("/briefs/{brief_id}/shortlist/present", response_model=None)
def shortlist_present(
    request: Request,
    brief_id: int,
    db: DbSession,
    user: Writer,
    note: Annotated[str, Form()] = "",
) -> Response:
    brief = get_brief(db, brief_id)
    try:
        service.present_shortlist(db, brief, user, note)
    except HireloopError as exc:
        return _page_with_error(request, db, brief, exc, {})
    return RedirectResponse(f"/briefs/{brief.id}/shortlist#presented", status_code=303)


@router.get("/briefs/{brief_id}/shortlist/export", response_model=None)
def shortlist_export(
    request: Request, brief_id: int, db: DbSession, user: Exporter, format: str = "csv"
) -> Response:
    """A CSV or JSON download; while terms are open, the shortlist page says who and what."""
    brief = get_brief(db, brief_id)
    try:
        if format == "print":
            raise InvalidInput("use the printable page for print", detail=[{"field": "format"}])
        done = service.export_shortlist(db, brief, format, user)
    except HireloopError as exc:
        return _page_with_error(request, db, brief, exc, {})
    return Response(
        done.body,
        media_type=done.content_type,
        headers={"Content-Disposition": f'attachment; filename="{done.filename}"'},
    )


@router.get("/briefs/{brief_id}/shortlist/print", response_class=HTMLResponse)
def shortlist_print(request: Request, brief_id: int, db: DbSession, user: Exporter) -> Response:
    brief = get_brief(db, brief_id)
    try:
        done = service.export_shortlist(db, brief, "print", user)
    except HireloopError as exc:
        return _page_with_error(request, db, brief, exc, {})
    return render(request, "shortlists/print.html", {"brief": brief, "rows": done.rows})


def brief_panel(db: Session, brief: Brief, viewer: Viewer) -> Panel | None:
    """The shortlist size and how many of its candidates have agreed terms."""
    if not allows(viewer.role, "shortlist:read"):
        return None
    size, agreed = service.summary(db, brief.id)
    presented = service.latest_presentation(db, brief.id)
    return Panel(
        template="shortlists/_brief_panel.html",
        context={"brief_id": brief.id, "size": size, "agreed": agreed, "presented": presented},
        order=30,
    )
