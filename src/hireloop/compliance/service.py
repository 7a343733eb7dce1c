"""The audit trail: who did what to which record, kept in the same transaction as the act."""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy.orm import Session

from hireloop.compliance.models import AuditEntry
from hireloop.compliance.repository import AuditRepository


class Actor(Protocol):
    id: int


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    subject_type: str,
    subject_id: int | str | None,
    detail: dict[str, Any] | None = None,
) -> None:
    AuditRepository(session).add(
        AuditEntry(
            actor_id=actor.id if actor is not None else None,
            action=action,
            subject_type=subject_type,
            subject_id=None if subject_id is None else str(subject_id),
            detail=detail or {},
        )
    )
