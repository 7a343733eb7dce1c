from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.compliance.models import AuditEntry


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, entry: AuditEntry) -> None:
        self.session.add(entry)

    def for_subject(self, subject_type: str, subject_id: str) -> list[AuditEntry]:
        stmt = (
            select(AuditEntry)
            .where(AuditEntry.subject_type == subject_type, AuditEntry.subject_id == subject_id)
            .order_by(AuditEntry.id)
        )
        return list(self.session.scalars(stmt))
