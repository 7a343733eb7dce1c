from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hireloop.candidates.models import Candidate
from hireloop.shortlists.models import ShortlistEntry, ShortlistPresentation


class ShortlistRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def find(self, brief_id: int, candidate_id: int) -> ShortlistEntry | None:
        stmt = select(ShortlistEntry).where(
            ShortlistEntry.brief_id == brief_id, ShortlistEntry.candidate_id == candidate_id
        )
        return self.session.scalar(stmt)

    def add(self, entry: ShortlistEntry) -> ShortlistEntry:
        self.session.add(entry)
        self.session.flush()
        return entry

    def remove(self, entry: ShortlistEntry) -> None:
        self.session.delete(entry)
        self.session.flush()

    def entries(self, brief_id: int) -> list[tuple[ShortlistEntry, Candidate]]:
        """The brief's shortlist in the order candidates were added."""
        stmt = (
            select(ShortlistEntry, Candidate)
            .join(Candidate, Candidate.id == ShortlistEntry.candidate_id)
            .where(ShortlistEntry.brief_id == brief_id)
            .order_by(ShortlistEntry.added_at, ShortlistEntry.id)
        )
        return [(e, c) for e, c in self.session.execute(stmt).all()]

    def size(self, brief_id: int) -> int:
        stmt = select(func.count()).where(ShortlistEntry.brief_id == brief_id)
        return int(self.session.scalar(stmt) or 0)

    def add_presentation(self, presentation: ShortlistPresentation) -> ShortlistPresentation:
        self.session.add(presentation)
        self.session.flush()
        return presentation

    def latest_presentation(self, brief_id: int) -> ShortlistPresentation | None:
        stmt = (
            select(ShortlistPresentation)
            .where(ShortlistPresentation.brief_id == brief_id)
            .order_by(ShortlistPresentation.id.desc())
            .limit(1)
        )
        return self.session.scalar(stmt)
