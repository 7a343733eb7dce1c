from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from hireloop.auth.models import User
from hireloop.candidates.schemas import candidate_dict
from hireloop.candidates.service import list_candidates, view_candidate
from hireloop.web.deps import DbSession, require

router = APIRouter(prefix="/api/v1", tags=["candidates"])
Reader = Annotated[User, Depends(require("candidate:read"))]


@router.get("/candidates")
def candidates(
    db: DbSession, user: Reader, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    return [candidate_dict(c) for c in list_candidates(db, min(limit, 1000), offset)]


@router.get("/candidates/{candidate_id}")
def candidate(candidate_id: int, db: DbSession, user: Reader) -> dict[str, Any]:
    return candidate_dict(view_candidate(db, candidate_id, user))
