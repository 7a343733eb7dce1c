from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.briefs.models import Brief
from hireloop.candidates.models import Candidate
from hireloop.engagements.models import DeliveryEntry, Engagement


class EngagementRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, engagement_id: int) -> Engagement | None:
        return self.session.get(Engagement, engagement_id)

    def add(self, engagement: Engagement) -> Engagement:
        self.session.add(engagement)
        self.session.flush()
        return engagement

    def active_for_candidate(self, candidate_id: int) -> list[Engagement]:
        stmt = (
            select(Engagement)
            .where(Engagement.candidate_id == candidate_id, Engagement.status == "active")
            .order_by(Engagement.id)
        )
        return list(self.session.scalars(stmt))

    def for_term_sheet(self, term_sheet_id: int) -> list[Engagement]:
        stmt = (
            select(Engagement)
            .where(Engagement.term_sheet_id == term_sheet_id)
            .order_by(Engagement.id)
        )
        return list(self.session.scalars(stmt))

    def active_with_names(self) -> list[tuple[Engagement, Candidate, Brief]]:
        """Every active engagement with its candidate and brief, oldest start first."""
        stmt = (
            select(Engagement, Candidate, Brief)
            .join(Candidate, Candidate.id == Engagement.candidate_id)
            .join(Brief, Brief.id == Engagement.brief_id)
            .where(Engagement.status == "active")
            .order_by(Engagement.start_date, Engagement.id)
        )
        return [(e, c, b) for e, c, b in self.session.execute(stmt).all()]

    def add_delivery(self, entry: DeliveryEntry) -> DeliveryEntry:
        self.session.add(entry)
        self.session.flush()
        return entry

    def deliveries(self, engagement_id: int) -> list[DeliveryEntry]:
        stmt = (
            select(DeliveryEntry)
            .where(DeliveryEntry.engagement_id == engagement_id)
            .order_by(DeliveryEntry.date, DeliveryEntry.id)
        )
        return list(self.session.scalars(stmt))
