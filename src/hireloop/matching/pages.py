"""Matching pages: a brief's ranked pool, candidate search, and the vetting form."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from hireloop.auth.models import User
from hireloop.briefs.service import get_brief
from hireloop.candidates.service import get_candidate
from hireloop.kit.errors import InvalidInput
from hireloop.matching.service import (
    VERDICTS,
    rank_brief,
    search_candidates,
    vet_candidate,
    vetting_status,
)
from hireloop.reference.skills import AREA_IDS
from hireloop.web.deps import DbSession, require
from hireloop.web.templating import render

router = APIRouter()
Reader = Annotated[User, Depends(require("candidate:read"))]
Vetter = Annotated[User, Depends(require("candidate:vet"))]
PAGE_ROWS = 50


@router.get("/briefs/{brief_id}/ranking", response_class=HTMLResponse)
def ranking_page(
    request: Request,
    brief_id: int,
    db: DbSession,
    user: Reader,
    limit: Annotated[int, Query(ge=1, le=1000)] = PAGE_ROWS,
) -> Response:
    today = date.today()
    result = rank_brief(db, get_brief(db, brief_id), today, limit)
    context = {
        "brief": result.brief,
        "result": result,
        "ranked": result.ranking.ranked,
        "excluded": result.ranking.excluded,
        "today": today,
        "next": f"/briefs/{brief_id}/ranking",
    }
    return render(request, "matching/ranking.html", context)


@router.get("/candidates/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    db: DbSession,
    user: Reader,
    q: str = "",
    verdict: str = "",
    area: str = "",
    location: str = "",
    vetted: str = "",
) -> Response:
    form = {"q": q, "verdict": verdict, "area": area, "location": location, "vetted": vetted}
    context: dict[str, Any] = {
        "form": form,
        "verdicts": VERDICTS,
        "areas": AREA_IDS,
        "results": None,
        "errors": {},
    }
    status = 200
    try:
        context["results"] = search_candidates(
            db,
            q,
            verdict=verdict,
            area=area,
            location=location,
            vetted=vetted in ("1", "on", "true"),
            today=date.today(),
        )
    except InvalidInput as exc:
        context["errors"] = {str(p["field"]): str(p["error"]) for p in exc.detail or []}
        status = exc.status
    return render(request, "matching/search.html", context, status_code=status)


def _safe_next(target: str | None, fallback: str) -> str:
    """Only a path on this site: never another host, so the redirect cannot be abused."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return fallback


def _referrer_path(request: Request) -> str | None:
    referer = request.headers.get("referer", "")
    base = str(request.base_url)
    return "/" + referer[len(base) :] if referer.startswith(base) else None


@router.get("/candidates/{candidate_id}/vet", response_class=HTMLResponse)
def vet_page(
    request: Request, candidate_id: int, db: DbSession, user: Vetter, next: str = ""
) -> Response:
    today = date.today()
    context = {
        "candidate": get_candidate(db, candidate_id),
        "status": vetting_status(db, candidate_id, today),
        "form": {"vetted_on": today.isoformat(), "note": ""},
        "errors": {},
        "next": _safe_next(next or _referrer_path(request), f"/candidates/{candidate_id}"),
    }
    return render(request, "matching/vet.html", context)


@router.post("/candidates/{candidate_id}/vet", response_class=HTMLResponse)
def vet_submit(
    request: Request,
    candidate_id: int,
    db: DbSession,
    user: Vetter,
    vetted_on: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    """Mark a candidate vetted, then go back to the page the form was on."""
    today = date.today()
    target = _safe_next(next or _referrer_path(request), f"/candidates/{candidate_id}")
    try:
        vet_candidate(db, candidate_id, vetted_on=vetted_on, note=note, actor=user, today=today)
    except InvalidInput as exc:
        context = {
            "candidate": get_candidate(db, candidate_id),
            "status": vetting_status(db, candidate_id, today),
            "form": {"vetted_on": vetted_on, "note": note},
            "errors": {str(p["field"]): str(p["error"]) for p in exc.detail or []},
            "next": target,
        }
        return render(request, "matching/vet.html", context, status_code=exc.status)
    return RedirectResponse(target, status_code=303)
