from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.briefs.models import Brief


class BriefRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, brief_id: int) -> Brief | None:
        return self.session.get(Brief, brief_id)

    def add(self, brief: Brief) -> Brief:
        self.session.add(brief)
        self.session.flush()
        return brief

    def all(self, *, status: str | None = None) -> list[Brief]:
        stmt = select(Brief).order_by(Brief.id)
        if status is not None:
            stmt = stmt.where(Brief.status == status)
        return list(self.session.scalars(stmt))
