from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from pydantic import BaseModel

from hireloop.auth.models import User
from hireloop.briefs.service import get_brief
from hireloop.candidates.service import get_candidate
from hireloop.shortlists import service
from hireloop.web.deps import DbSession, require

router = APIRouter(prefix="/api/v1", tags=["shortlists"])
Reader = Annotated[User, Depends(require("shortlist:read"))]
Writer = Annotated[User, Depends(require("shortlist:write"))]
Exporter = Annotated[User, Depends(require("candidate:export"))]


class EntryIn(BaseModel):
    candidate_id: int
    note: str = ""


class PresentIn(BaseModel):
    note: str = ""


def _listing(db: DbSession, brief_id: int) -> dict[str, Any]:
    brief = get_brief(db, brief_id)
    rows = service.shortlist(db, brief.id)
    presented = service.latest_presentation(db, brief.id)
    return {
        "brief_id": brief.id,
        "candidates": [service.row_dict(r) for r in rows],
        "open_terms": service.gate_problems(rows),
        "presented": None
        if presented is None
        else {
            "at": presented.presented_at.isoformat(),
            "by": presented.presented_by_id,
            "candidate_ids": presented.candidate_ids,
        },
    }


@router.get("/briefs/{brief_id}/shortlist")
def shortlist(brief_id: int, db: DbSession, user: Reader) -> dict[str, Any]:
    return _listing(db, brief_id)


@router.post("/briefs/{brief_id}/shortlist", status_code=201)
def add(brief_id: int, body: EntryIn, db: DbSession, user: Writer) -> dict[str, Any]:
    brief = get_brief(db, brief_id)
    service.add_to_shortlist(db, brief, get_candidate(db, body.candidate_id), user, body.note)
    return _listing(db, brief.id)


@router.delete("/briefs/{brief_id}/shortlist/{candidate_id}")
def remove(brief_id: int, candidate_id: int, db: DbSession, user: Writer) -> dict[str, Any]:
    brief = get_brief(db, brief_id)
    service.remove_from_shortlist(db, brief, get_candidate(db, candidate_id), user)
    return _listing(db, brief.id)


@router.get("/briefs/{brief_id}/shortlist/export")
def export(
    brief_id: int, db: DbSession, user: Exporter, format: Literal["csv", "json"] = "json"
) -> Response:
    """The shortlist as CSV or JSON; refused (409) while any candidate's terms are open."""
    brief = get_brief(db, brief_id)
    done = service.export_shortlist(db, brief, format, user)
    return Response(
        done.body,
        media_type=done.content_type,
        headers={"Content-Disposition": f'attachment; filename="{done.filename}"'},
    )


@router.post("/briefs/{brief_id}/shortlist/present")
def present(brief_id: int, body: PresentIn, db: DbSession, user: Writer) -> dict[str, Any]:
    brief = get_brief(db, brief_id)
    presentation = service.present_shortlist(db, brief, user, body.note)
    return {
        "brief_id": brief.id,
        "presented_at": presentation.presented_at.isoformat(),
        "presented_by": user.id,
        "candidate_ids": presentation.candidate_ids,
    }
