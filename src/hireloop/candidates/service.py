"""Candidates and their documents."""

from __future__ import annotations

from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.candidates.models import Candidate
from hireloop.candidates.repository import CandidateRepository
from hireloop.compliance.service import record
from hireloop.kit.errors import NotFound


def get_candidate(session: Session, candidate_id: int) -> Candidate:
    candidate = CandidateRepository(session).get(candidate_id)
    if candidate is None:
        raise NotFound(f"no candidate with id {candidate_id}")
    return candidate


def view_candidate(session: Session, candidate_id: int, viewer: User) -> Candidate:
    """Read a candidate's personal data, leaving a trace of who looked."""
    candidate = get_candidate(session, candidate_id)
    record(session, viewer, "candidate.view", "candidate", candidate.id)
    return candidate


def list_candidates(session: Session, limit: int = 500, offset: int = 0) -> list[Candidate]:
    return CandidateRepository(session).page(limit=limit, offset=offset)
