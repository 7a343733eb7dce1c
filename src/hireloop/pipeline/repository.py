from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hireloop.briefs.models import Brief
from hireloop.candidates.models import Candidate
from hireloop.pipeline.models import Application, StageEvent


class PipelineRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, application_id: int) -> Application | None:
        return self.session.get(Application, application_id)

    def find(self, brief_id: int, candidate_id: int) -> Application | None:
        stmt = select(Application).where(
            Application.brief_id == brief_id, Application.candidate_id == candidate_id
        )
        return self.session.scalar(stmt)

    def add(self, application: Application) -> Application:
        self.session.add(application)
        self.session.flush()
        return application

    def add_event(self, event: StageEvent) -> None:
        self.session.add(event)
        self.session.flush()

    def board(self, brief_id: int) -> list[tuple[Application, Candidate]]:
        stmt = (
            select(Application, Candidate)
            .join(Candidate, Candidate.id == Application.candidate_id)
            .where(Application.brief_id == brief_id)
            .order_by(Candidate.name, Candidate.id)
        )
        return [(a, c) for a, c in self.session.execute(stmt).all()]

    def stage_counts(self) -> dict[int, dict[str, int]]:
        stmt = select(Application.brief_id, Application.stage, func.count()).group_by(
            Application.brief_id, Application.stage
        )
        counts: dict[int, dict[str, int]] = {}
        for brief_id, stage, n in self.session.execute(stmt).all():
            counts.setdefault(brief_id, {})[stage] = n
        return counts

    def for_candidate(self, candidate_id: int) -> list[tuple[Application, Brief]]:
        stmt = (
            select(Application, Brief)
            .join(Brief, Brief.id == Application.brief_id)
            .where(Application.candidate_id == candidate_id)
            .order_by(Application.id)
        )
        return [(a, b) for a, b in self.session.execute(stmt).all()]

    def events_for_candidate(self, candidate_id: int) -> list[tuple[StageEvent, Application]]:
        stmt = (
            select(StageEvent, Application)
            .join(Application, Application.id == StageEvent.application_id)
            .where(Application.candidate_id == candidate_id)
            .order_by(StageEvent.at, StageEvent.id)
        )
        return [(e, a) for e, a in self.session.execute(stmt).all()]
