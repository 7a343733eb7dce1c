from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from hireloop.auth.models import User
from hireloop.auth.repository import UserRepository
from hireloop.candidates.repository import CandidateRepository, ScreeningRepository
from hireloop.candidates.screening_service import VERDICTS, override_verdict
from hireloop.candidates.service import get_candidate, list_candidates, view_candidate
from hireloop.kit.errors import HireloopError
from hireloop.kit.highlight import highlight_runs
from hireloop.pipeline.repository import PipelineRepository
from hireloop.web.deps import DbSession, require
from hireloop.web.templating import render

router = APIRouter()
Reader = Annotated[User, Depends(require("candidate:read"))]


@router.get("/candidates", response_class=HTMLResponse)
def candidates_page(request: Request, db: DbSession, user: Reader) -> Response:
    return render(request, "candidates.html", {"candidates": list_candidates(db)})


Writer = Annotated[User, Depends(require("candidate:write"))]


def _candidate_context(db: DbSession, candidate_id: int, user: User) -> dict[str, object]:
    candidate = view_candidate(db, candidate_id, user)
    pipeline = PipelineRepository(db)
    documents = CandidateRepository(db).documents(candidate.id)
    screening = ScreeningRepository(db).latest(candidate.id)
    runs = []
    if screening is not None:
        screened = next((d for d in documents if d.id == screening.document_id), None)
        evidence = screening.result.get("evidence", [])
        spans = [(e["start"], e["end"], e["kind"]) for e in evidence]
        runs = highlight_runs(screened.text if screened else "", spans)
    return {
        "candidate": candidate,
        "documents": documents,
        "applications": pipeline.for_candidate(candidate.id),
        "events": pipeline.events_for_candidate(candidate.id),
        "users": {u.id: u for u in UserRepository(db).all()},
        "screening": screening,
        "runs": runs,
        "verdicts": VERDICTS,
        "override_form": {},
        "override_error": None,
    }


@router.get("/candidates/{candidate_id}", response_class=HTMLResponse)
def candidate_page(request: Request, candidate_id: int, db: DbSession, user: Reader) -> Response:
    return render(request, "candidate.html", _candidate_context(db, candidate_id, user))


@router.post("/candidates/{candidate_id}/verdict", response_model=None)
def candidate_override(
    request: Request,
    candidate_id: int,
    db: DbSession,
    user: Writer,
    verdict: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    candidate = get_candidate(db, candidate_id)
    try:
        override_verdict(db, candidate, verdict or None, reason, user)
    except HireloopError as exc:
        context = _candidate_context(db, candidate_id, user)
        context["override_form"] = {"verdict": verdict, "reason": reason}
        context["override_error"] = exc.message
        return render(request, "candidate.html", context, status_code=exc.status)
    return RedirectResponse(f"/candidates/{candidate_id}#screening", status_code=303)
