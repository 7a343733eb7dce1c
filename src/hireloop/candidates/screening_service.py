"""Screening stored with the candidate: run on import, re-run after a rule change, overridden
by a person with a logged reason."""

from __future__ import annotations

from datetime import date
from typing import get_args

from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.candidates.models import Candidate, Document, Screening
from hireloop.candidates.repository import CandidateRepository, ScreeningRepository
from hireloop.compliance.service import record
from hireloop.db import utcnow
from hireloop.kit.overrides import checked_override
from hireloop.screening import SCREENING_VERSION, screen
from hireloop.screening.models import Verdict

VERDICTS: tuple[str, ...] = get_args(Verdict)


def screen_document(
    session: Session, candidate: Candidate, document: Document, as_of: date
) -> Screening:
    result = screen(document.text, as_of)
    return ScreeningRepository(session).add(
        Screening(
            candidate_id=candidate.id,
            document_id=document.id,
            engine_version=result.screening_version,
            as_of=as_of,
            verdict=result.verdict,
            production_level=result.production_level,
            score=result.score,
            areas=dict(result.areas),
            result=result.model_dump(mode="json"),
        )
    )


def rescreen_all(session: Session, as_of: date, *, only_stale: bool = True) -> int:
    """Screen every candidate's newest CV again; with `only_stale`, only older engine results."""
    screenings = ScreeningRepository(session)
    candidates = CandidateRepository(session)
    count = 0
    for document in screenings.latest_documents():
        assert document.candidate_id is not None
        latest = screenings.latest(document.candidate_id)
        if only_stale and latest is not None and latest.engine_version == SCREENING_VERSION:
            continue
        candidate = candidates.get(document.candidate_id)
        if candidate is None:
            continue
        screen_document(session, candidate, document, as_of)
        count += 1
    return count


def override_verdict(
    session: Session, candidate: Candidate, verdict: str | None, reason: str, actor: User
) -> Candidate:
    """A person's verdict wins over the engine's; the reason is required and logged."""
    verdict, reason = checked_override(verdict, reason, VERDICTS, "screening verdict")
    previous = candidate.verdict_override
    candidate.verdict_override = verdict
    candidate.override_reason = reason
    candidate.override_by_id = actor.id
    candidate.override_at = utcnow()
    session.flush()
    record(
        session,
        actor,
        "screening.override",
        "candidate",
        candidate.id,
        {"from": previous, "to": verdict, "reason": reason[:500]},
    )
    return candidate
