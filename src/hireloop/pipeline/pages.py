"""The dashboard and the brief page with its pipeline board."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from hireloop.auth.models import User
from hireloop.auth.permissions import allows
from hireloop.briefs.service import get_brief, list_briefs
from hireloop.kit.errors import NotFound
from hireloop.pipeline import service
from hireloop.pipeline.repository import PipelineRepository
from hireloop.web.deps import DbSession, require
from hireloop.web.panels import BRIEF_PANELS, DASHBOARD_PANELS, collect
from hireloop.web.templating import render

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def dashboard(
    request: Request, db: DbSession, user: Annotated[User, Depends(require("workspace:view"))]
) -> Response:
    briefs = list_briefs(db, status="open") if allows(user.role, "brief:read") else []
    counts = PipelineRepository(db).stage_counts()
    totals: dict[str, int] = {}
    for per_stage in counts.values():
        for stage, n in per_stage.items():
            totals[stage] = totals.get(stage, 0) + n
    context = {
        "briefs": briefs,
        "counts": counts,
        "totals": totals,
        "panels": collect(DASHBOARD_PANELS, db, request.state.user),
    }
    return render(request, "dashboard.html", context)


@router.get("/briefs/{brief_id}", response_class=HTMLResponse)
def brief_page(
    request: Request,
    brief_id: int,
    db: DbSession,
    user: Annotated[User, Depends(require("brief:read"))],
) -> Response:
    brief = get_brief(db, brief_id)
    viewer = request.state.user
    context = {
        "brief": brief,
        "board": service.board(db, brief.id),
        "panels": collect(BRIEF_PANELS, db, brief, viewer),
    }
    return render(request, "brief.html", context)


@router.post("/briefs/{brief_id}/applications/{application_id}/move")
def move_application(
    brief_id: int,
    application_id: int,
    db: DbSession,
    user: Annotated[User, Depends(require("pipeline:move"))],
    stage: Annotated[str, Form()],
) -> RedirectResponse:
    application = PipelineRepository(db).get(application_id)
    if application is None or application.brief_id != brief_id:
        raise NotFound(f"no application {application_id} on brief {brief_id}")
    service.move(db, application_id, stage, user)
    return RedirectResponse(f"/briefs/{brief_id}#card-{application_id}", status_code=303)
