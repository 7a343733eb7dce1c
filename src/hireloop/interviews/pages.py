"""Loop pages: the brief's plan, interview kits, calibration, the calendar file, the brief panel."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from hireloop.auth.models import User
from hireloop.auth.permissions import allows
from hireloop.auth.repository import UserRepository
from hireloop.briefs.models import Brief
from hireloop.briefs.service import get_brief
from hireloop.interviews import scorecard_service as cards
from hireloop.interviews import service
from hireloop.interviews.errors import InvalidSchedule
from hireloop.kit.errors import HireloopError, NotFound
from hireloop.pipeline.repository import PipelineRepository
from hireloop.reference.loop import BLOCK_IDS, load_loop_template
from hireloop.web.deps import DbSession, Viewer, require
from hireloop.web.panels import Panel
from hireloop.web.templating import render

router = APIRouter()
Manager = Annotated[User, Depends(require("loop:manage"))]
Scorer = Annotated[User, Depends(require("loop:score"))]
Debriefer = Annotated[User, Depends(require("loop:debrief"))]


async def form_data(request: Request) -> FormData:
    return await request.form()


Form = Annotated[FormData, Depends(form_data)]


def _plan_context(db: Session, brief: Brief, user: User) -> dict[str, Any]:
    overview = cards.brief_loops(db, brief, user)
    with_loop = {row.loop.candidate_id for row in overview.rows}
    candidates = [
        (a, c) for a, c in PipelineRepository(db).board(brief.id) if c.id not in with_loop
    ]
    return {
        "brief": brief,
        "overview": overview,
        "plan": overview.view.plan,
        "view": overview.view,
        "block_ids": BLOCK_IDS,
        "names": {b.id: b.name for b in load_loop_template().blocks},
        "users": [u for u in UserRepository(db).all() if u.active and allows(u.role, "loop:score")],
        "candidates": candidates,
        "plan_form": {
            "weights": {b: str(w) for b, w in overview.view.weights.items()},
            "interviewers": {b: str(u) for b, u in overview.view.interviewer_ids.items()},
        },
        "plan_error": None,
        "loop_form": {},
        "loop_error": None,
    }


@router.get("/briefs/{brief_id}/loop", response_class=HTMLResponse)
def plan_page(request: Request, brief_id: int, db: DbSession, user: Debriefer) -> Response:
    brief = get_brief(db, brief_id)
    return render(request, "interviews/plan.html", _plan_context(db, brief, user))


@router.post("/briefs/{brief_id}/loop", response_model=None)
def plan_save(
    request: Request, brief_id: int, db: DbSession, user: Manager, form: Form
) -> Response:
    brief = get_brief(db, brief_id)
    weights: dict[str, object] = {b: _whole(str(form.get(f"weight.{b}", ""))) for b in BLOCK_IDS}
    interviewers: dict[str, object] = {
        b: _whole(str(form.get(f"interviewer.{b}", ""))) or None for b in BLOCK_IDS
    }
    try:
        service.save_plan(db, brief, user, weights, interviewers)
    except HireloopError as exc:
        db.rollback()
        context = _plan_context(db, brief, user)
        context["plan_form"] = {
            "weights": {b: str(form.get(f"weight.{b}", "")) for b in BLOCK_IDS},
            "interviewers": {b: str(form.get(f"interviewer.{b}", "")) for b in BLOCK_IDS},
        }
        context["plan_error"] = exc
        return render(request, "interviews/plan.html", context, status_code=exc.status)
    return RedirectResponse(f"/briefs/{brief_id}/loop#plan", status_code=303)


@router.post("/briefs/{brief_id}/loops", response_model=None)
def loop_create(
    request: Request, brief_id: int, db: DbSession, user: Manager, form: Form
) -> Response:
    brief = get_brief(db, brief_id)
    raw_candidate, raw_start = str(form.get("candidate_id", "")), str(form.get("start", ""))
    try:
        candidate_id = _whole(raw_candidate)
        if not isinstance(candidate_id, int):
            raise NotFound("choose a candidate from the brief's pipeline")
        service.schedule_loop(db, brief, candidate_id, _utc_start(raw_start), user)
    except HireloopError as exc:
        db.rollback()
        context = _plan_context(db, brief, user)
        context["loop_form"] = {"candidate_id": raw_candidate, "start": raw_start}
        context["loop_error"] = exc
        return render(request, "interviews/plan.html", context, status_code=exc.status)
    return RedirectResponse(f"/briefs/{brief_id}/loop#loops", status_code=303)


@router.get("/briefs/{brief_id}/loop/kit/{block}", response_class=HTMLResponse)
def kit_page(request: Request, brief_id: int, block: str, db: DbSession, user: Scorer) -> Response:
    brief = get_brief(db, brief_id)
    view = service.readable_plan(db, brief_id, user)
    planned = view.plan.block(block)
    if planned is None:
        raise NotFound(f"the loop plan of brief {brief_id} has no {block} block")
    context = {"brief": brief, "block": planned, "plan": view.plan}
    return render(request, "interviews/kit.html", context)


@router.get("/briefs/{brief_id}/loop/calibration", response_class=HTMLResponse)
def calibration_page(request: Request, brief_id: int, db: DbSession, user: Debriefer) -> Response:
    brief = get_brief(db, brief_id)
    context = {"brief": brief, "overview": cards.brief_loops(db, brief, user)}
    return render(request, "interviews/calibration.html", context)


@router.get("/loops/{loop_id}/schedule.ics")
def schedule_ics(loop_id: int, db: DbSession, user: Scorer) -> Response:
    body = service.loop_calendar(db, loop_id, user)
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="loop-{loop_id}.ics"'},
    )


@router.get("/interviews", response_class=HTMLResponse)
def my_interviews(request: Request, db: DbSession, user: Scorer) -> Response:
    """The loops where this person interviews, with their kit and scorecard links."""
    assigned = []
    for brief, view in service.assigned_plans(db, user.id):
        blocks = view.blocks_of(user.id)
        loops = [
            (row.loop, row.candidate_name)
            for row in cards.brief_loops(db, brief, user).rows
            if row.loop.status != "decided"
        ]
        assigned.append((brief, blocks, loops))
    return render(request, "interviews/mine.html", {"assigned": assigned})


def brief_panel(db: Session, brief: Brief, viewer: Viewer) -> Panel | None:
    """The loop at a glance on the brief page, for those who run or debrief it."""
    if not allows(viewer.role, "loop:debrief"):
        return None
    overview = cards.brief_loops(db, brief, viewer)
    decisions: dict[str, int] = {}
    for row in overview.rows:
        if row.loop.decision:
            decisions[row.loop.decision] = decisions.get(row.loop.decision, 0) + 1
    context = {
        "brief": brief,
        "saved": overview.view.saved,
        "plan": overview.view.plan,
        "loops": len(overview.rows),
        "decided": sum(decisions.values()),
        "decisions": decisions,
        "pass_rate": overview.pass_rate,
    }
    return Panel(template="interviews/_brief_panel.html", context=context, order=40)


def _whole(raw: str) -> int | str:
    text = raw.strip()
    try:
        return int(text)
    except ValueError:
        return text


def _utc_start(raw: str) -> datetime | None:
    """A datetime-local value read as UTC, or an ISO time with its own offset."""
    text = raw.strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        message = f"{text!r} is not a date and time like 2026-12-01T14:00"
        raise InvalidSchedule(message, detail=[{"field": "start", "error": message}]) from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
