from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict

from hireloop.auth.models import User
from hireloop.briefs.service import get_brief
from hireloop.candidates.service import get_candidate
from hireloop.contracts import service
from hireloop.web.deps import DbSession, require

router = APIRouter(prefix="/api/v1", tags=["terms"])
Reader = Annotated[User, Depends(require("terms:read"))]
Writer = Annotated[User, Depends(require("terms:write"))]


class TermsIn(BaseModel):
    """The brief and candidate, plus any term sheet fields; the rest come from defaults."""

    model_config = ConfigDict(extra="allow")

    brief_id: int
    candidate_id: int


class ReopenIn(BaseModel):
    reason: str


def _answer(db: DbSession, term_sheet_id: int) -> dict[str, Any]:
    return service.terms_dict(service.view_terms(db, term_sheet_id))


@router.post("/terms", status_code=201)
def create(body: TermsIn, db: DbSession, user: Writer) -> dict[str, Any]:
    brief = get_brief(db, body.brief_id)
    candidate = get_candidate(db, body.candidate_id)
    row = service.create_terms(db, brief, candidate, user, body.model_extra or {})
    return _answer(db, row.id)


@router.get("/terms/{term_sheet_id}")
def get(term_sheet_id: int, db: DbSession, user: Reader) -> dict[str, Any]:
    return _answer(db, term_sheet_id)


@router.patch("/terms/{term_sheet_id}")
def edit(
    term_sheet_id: int,
    changes: Annotated[dict[str, Any], Body()],
    db: DbSession,
    user: Writer,
) -> dict[str, Any]:
    service.update_terms(db, term_sheet_id, changes, user)
    return _answer(db, term_sheet_id)


@router.post("/terms/{term_sheet_id}/propose")
def propose(term_sheet_id: int, db: DbSession, user: Writer) -> dict[str, Any]:
    service.change_status(db, term_sheet_id, "proposed", user)
    return _answer(db, term_sheet_id)


@router.post("/terms/{term_sheet_id}/agree")
def agree(term_sheet_id: int, db: DbSession, user: Writer) -> dict[str, Any]:
    service.change_status(db, term_sheet_id, "agreed", user)
    return _answer(db, term_sheet_id)


@router.post("/terms/{term_sheet_id}/draft")
def back_to_draft(term_sheet_id: int, db: DbSession, user: Writer) -> dict[str, Any]:
    service.change_status(db, term_sheet_id, "draft", user)
    return _answer(db, term_sheet_id)


@router.post("/terms/{term_sheet_id}/reopen")
def reopen(term_sheet_id: int, body: ReopenIn, db: DbSession, user: Writer) -> dict[str, Any]:
    service.reopen_terms(db, term_sheet_id, body.reason, user)
    return _answer(db, term_sheet_id)


@router.get("/terms/{term_sheet_id}/render")
def render_docx(term_sheet_id: int, db: DbSession, user: Reader) -> Response:
    """The term sheet as a Word document."""
    done = service.render_terms(db, term_sheet_id, user)
    return Response(
        done.content,
        media_type=done.content_type,
        headers={"Content-Disposition": f'attachment; filename="{done.filename}"'},
    )
