"""A brief's pipeline: who is at which stage, and every move with who made it and when."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.briefs.models import Brief
from hireloop.candidates.models import Candidate
from hireloop.compliance.service import record
from hireloop.db import utcnow
from hireloop.kit.errors import NotFound
from hireloop.pipeline.errors import UnknownStage
from hireloop.pipeline.models import STAGES, Application, StageEvent
from hireloop.pipeline.repository import PipelineRepository


@dataclass(frozen=True)
class BoardCard:
    application_id: int
    candidate_id: int
    name: str
    stage: str


def add_to_brief(
    session: Session, brief: Brief, candidate: Candidate, actor: User | None, stage: str = "sourced"
) -> Application:
    """Put a candidate on a brief's board; doing it twice keeps the first entry."""
    _check_stage(stage)
    repo = PipelineRepository(session)
    existing = repo.find(brief.id, candidate.id)
    if existing is not None:
        return existing
    application = repo.add(Application(brief_id=brief.id, candidate_id=candidate.id, stage=stage))
    repo.add_event(
        StageEvent(
            application_id=application.id,
            from_stage=None,
            to_stage=stage,
            actor_id=actor.id if actor else None,
        )
    )
    return application


def move(
    session: Session, application_id: int, to_stage: str, actor: User | None, note: str = ""
) -> Application:
    _check_stage(to_stage)
    repo = PipelineRepository(session)
    application = repo.get(application_id)
    if application is None:
        raise NotFound(f"no application with id {application_id}")
    if application.stage == to_stage:
        return application
    from_stage = application.stage
    application.stage = to_stage
    application.updated_at = utcnow()
    repo.add_event(
        StageEvent(
            application_id=application.id,
            from_stage=from_stage,
            to_stage=to_stage,
            actor_id=actor.id if actor else None,
            note=note[:500],
        )
    )
    record(
        session,
        actor,
        "stage.move",
        "application",
        application.id,
        {"from": from_stage, "to": to_stage, "candidate_id": application.candidate_id},
    )
    return application


def board(session: Session, brief_id: int) -> dict[str, list[BoardCard]]:
    columns: dict[str, list[BoardCard]] = {stage: [] for stage in STAGES}
    for application, candidate in PipelineRepository(session).board(brief_id):
        columns.setdefault(application.stage, []).append(
            BoardCard(application.id, candidate.id, candidate.name, application.stage)
        )
    return columns


def _check_stage(stage: str) -> None:
    if stage not in STAGES:
        raise UnknownStage(f"unknown stage {stage!r}; stages are {', '.join(STAGES)}")
