"""Brief pages: the intake form, the role profile (page and Markdown), and the brief panel."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from hireloop.auth.models import User
from hireloop.auth.permissions import allows
from hireloop.briefs.errors import BriefInvalid
from hireloop.briefs.intake import ENGAGEMENT_TYPES
from hireloop.briefs.models import Brief
from hireloop.briefs.service import brief_profile, create_brief_from, warnings_of
from hireloop.reference.role_shapes import load_role_shapes
from hireloop.reference.skills import AREA_IDS, load_skills
from hireloop.web.deps import DbSession, Viewer, require
from hireloop.web.panels import Panel
from hireloop.web.templating import render

router = APIRouter()
Reader = Annotated[User, Depends(require("brief:read"))]
Writer = Annotated[User, Depends(require("brief:write"))]

TEXT_FIELDS = ("title", "outcome", "success_metric", "location", "start_date")
NUMBER_FIELDS = ("window_weeks", "budget_day_rate")
LIST_FIELDS = ("stack", "must_haves", "nice_to_haves")
_WHOLE = re.compile(r"[+-]?\d+")


def _number(name: str, typed: str) -> object:
    """A typed number as a number when it reads as one, else as typed (so the check names it)."""
    plain = typed.replace(",", "").removeprefix("$").strip()
    if name == "window_weeks":
        return int(plain) if _WHOLE.fullmatch(plain) else typed
    try:
        return float(plain)
    except ValueError:
        return typed


def brief_data(form: FormData) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the fields to check, what the user typed) from the brief form. Lists may be written
    one per line or separated by commas; blank optional fields count as not given."""
    typed: dict[str, Any] = {
        name: str(form.get(name) or "") for name in (*TEXT_FIELDS, *NUMBER_FIELDS, *LIST_FIELDS)
    }
    typed["engagement_types"] = [str(v) for v in form.getlist("engagement_types")]
    data: dict[str, Any] = {"title": typed["title"]}
    for name in ("outcome", "success_metric"):
        data[name] = typed[name]
    for name in ("location", "start_date"):
        if typed[name].strip():
            data[name] = typed[name]
    for name in NUMBER_FIELDS:
        if typed[name].strip():
            data[name] = _number(name, typed[name])
    for name in LIST_FIELDS:
        data[name] = typed[name].replace("\n", ",")
    data["engagement_types"] = typed["engagement_types"]
    return data, typed


def field_errors(problems: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Problems grouped by the form field they belong to (`stack[2]` belongs to `stack`)."""
    errors: dict[str, list[str]] = {}
    for problem in problems:
        name = re.split(r"[.\[]", str(problem["field"]), maxsplit=1)[0]
        where = str(problem["field"])[len(name) :]
        message = f"{where.strip('.')} {problem['error']}".strip() if where else problem["error"]
        errors.setdefault(name, []).append(message)
    return errors


def _form_context(typed: dict[str, Any], errors: dict[str, list[str]]) -> dict[str, Any]:
    markets = load_role_shapes().markets
    return {
        "form": typed,
        "errors": errors,
        "markets": [(m.id, m.name) for m in markets],
        "engagement_types": ENGAGEMENT_TYPES,
    }


@router.get("/briefs/new", response_class=HTMLResponse)
def new_brief_page(request: Request, user: Writer) -> Response:
    empty: dict[str, Any] = {name: "" for name in (*TEXT_FIELDS, *NUMBER_FIELDS, *LIST_FIELDS)}
    empty["engagement_types"] = []
    return render(request, "briefs/new.html", _form_context(empty, {}))


@router.post("/briefs/new", response_class=HTMLResponse)
async def create_brief_page(request: Request, db: DbSession, user: Writer) -> Response:
    data, typed = brief_data(await request.form())
    try:
        brief, _ = create_brief_from(db, data, user)
    except BriefInvalid as exc:
        context = _form_context(typed, field_errors(exc.problems))
        context["message"] = exc.message
        return render(request, "briefs/new.html", context, status_code=422)
    return RedirectResponse(f"/briefs/{brief.id}", status_code=303)


@router.get("/briefs/{brief_id}/profile", response_class=HTMLResponse)
def profile_page(request: Request, brief_id: int, db: DbSession, user: Reader) -> Response:
    found = brief_profile(db, brief_id)
    area_names = {skill.id: skill.name for skill in load_skills().hard_skills}
    context = {
        "brief": found.brief,
        "profile": found.profile,
        "warnings": found.warnings,
        "areas": [(a, area_names.get(a, a), found.profile.area_weights[a]) for a in AREA_IDS],
    }
    return render(request, "briefs/profile.html", context)


@router.get("/briefs/{brief_id}/profile.md")
def profile_markdown_file(brief_id: int, db: DbSession, user: Reader) -> Response:
    found = brief_profile(db, brief_id)
    return Response(
        found.markdown(),
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="brief-{brief_id}-profile.md"'},
    )


def brief_panel(db: Session, brief: Brief, viewer: Viewer | None) -> Panel | None:
    """On the brief page: its warnings, and links to the role profile and the ranking."""
    if viewer is None or not allows(viewer.role, "brief:read"):
        return None
    context = {
        "brief_id": brief.id,
        "warnings": warnings_of(brief),
        "can_rank": allows(viewer.role, "candidate:read"),
    }
    return Panel(template="briefs/panel.html", context=context, order=10)
