"""Matching API: a brief's ranked pool, candidate search, and vetting."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query
from fastapi.responses import JSONResponse

from hireloop.auth.models import User
from hireloop.briefs.service import get_brief
from hireloop.matching.pool import excluded_dicts, ranked_dicts
from hireloop.matching.service import (
    rank_brief,
    search_candidates,
    vet_candidate,
    vetting_status,
)
from hireloop.web.deps import DbSession, require

router = APIRouter(prefix="/api/v1", tags=["matching"])
Reader = Annotated[User, Depends(require("candidate:read"))]
Vetter = Annotated[User, Depends(require("candidate:vet"))]


@router.get("/briefs/{brief_id}/ranking")
def ranking(
    brief_id: int,
    db: DbSession,
    user: Reader,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 100,
    as_of: date | None = None,
) -> dict[str, Any]:
    """The pool ranked for a brief: each score with its factors, and who was left out, why."""
    result = rank_brief(db, get_brief(db, brief_id), as_of or date.today(), limit)
    return {
        "brief_id": brief_id,
        "as_of": result.as_of.isoformat(),
        "message": result.ranking.message,
        "notes": result.notes,
        "ranked_total": result.ranked_total,
        "excluded_total": result.excluded_total,
        "ranked": ranked_dicts(result.ranking.ranked),
        "excluded": excluded_dicts(result.ranking),
    }


@router.get("/candidates/search")
def search(
    db: DbSession,
    user: Reader,
    q: str = "",
    verdict: str | None = None,
    area: str | None = None,
    location: str | None = None,
    vetted: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    """Full-text search over CVs and names, with filters; best screening score first."""
    results = search_candidates(
        db,
        q,
        verdict=verdict,
        area=area,
        location=location,
        vetted=vetted,
        today=date.today(),
        limit=limit,
    )
    return {
        "query": results.query,
        "terms": list(results.terms),
        "total": results.total,
        "results": [hit.as_dict() for hit in results.hits],
    }


@router.post("/candidates/{candidate_id}/vettings", status_code=201)
def vet(
    candidate_id: int,
    db: DbSession,
    user: Vetter,
    body: Annotated[dict[str, Any], Body()],
) -> JSONResponse:
    """Record a vetting: {"vetted_on": "2026-05-04", "note": "..."}; valid for 30 days."""
    today = date.today()
    raw_date = body.get("vetted_on", today.isoformat())
    vetting = vet_candidate(
        db,
        candidate_id,
        vetted_on=raw_date if isinstance(raw_date, str) else None,
        note=str(body.get("note") or ""),
        actor=user,
        today=today,
    )
    status = vetting_status(db, candidate_id, today)
    return JSONResponse(
        {
            "id": vetting.id,
            "candidate_id": candidate_id,
            "vetted_on": vetting.vetted_on.isoformat(),
            "note": vetting.note,
            "current": status.current,
            "lapses_on": status.lapses_on.isoformat() if status.lapses_on else None,
        },
        status_code=201,
    )
