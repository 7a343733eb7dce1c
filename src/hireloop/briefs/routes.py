from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends
from fastapi.responses import JSONResponse

from hireloop.auth.models import User
from hireloop.briefs.service import brief_profile, create_brief_from, get_brief, list_briefs
from hireloop.pipeline import service as pipeline
from hireloop.web.deps import DbSession, require

router = APIRouter(prefix="/api/v1", tags=["briefs"])
Reader = Annotated[User, Depends(require("brief:read"))]
Writer = Annotated[User, Depends(require("brief:write"))]


@router.get("/briefs")
def briefs(db: DbSession, user: Reader, status: str | None = None) -> list[dict[str, Any]]:
    return [brief.as_dict() for brief in list_briefs(db, status)]


@router.get("/briefs/{brief_id}")
def brief(brief_id: int, db: DbSession, user: Reader) -> dict[str, Any]:
    found = get_brief(db, brief_id)
    board = pipeline.board(db, found.id)
    return {
        **found.as_dict(),
        "board": {
            stage: [
                {"application_id": c.application_id, "candidate_id": c.candidate_id, "name": c.name}
                for c in cards
            ]
            for stage, cards in board.items()
        },
    }


@router.post("/briefs", status_code=201)
def create(db: DbSession, user: Writer, body: Annotated[dict[str, Any], Body()]) -> JSONResponse:
    """Create a brief from JSON: 201 with its id and warnings, or 422 naming each bad field."""
    brief, warnings = create_brief_from(db, body, user)
    return JSONResponse({**brief.as_dict(), "warnings": warnings}, status_code=201)


@router.get("/briefs/{brief_id}/profile")
def profile(brief_id: int, db: DbSession, user: Reader) -> dict[str, Any]:
    found = brief_profile(db, brief_id)
    return {
        "brief_id": found.brief.id,
        **found.profile.model_dump(mode="json"),
        "must_haves": list(found.brief.must_haves),
        "nice_to_haves": list(found.brief.nice_to_haves),
        "warnings": found.warnings,
    }
