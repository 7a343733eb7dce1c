"""A person's verdict on a brief's latest rate check: it stands beside the engine's, with why."""

from __future__ import annotations

from typing import get_args

from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.briefs.models import Brief
from hireloop.compliance.service import record
from hireloop.db import utcnow
from hireloop.kit.errors import NotFound
from hireloop.kit.overrides import checked_override
from hireloop.rates.check import Verdict
from hireloop.rates.models import RateCheckRecord
from hireloop.rates.repository import RateCheckRepository

VERDICTS: tuple[str, ...] = get_args(Verdict)


def override_latest(
    session: Session, brief: Brief, verdict: str | None, reason: str, actor: User
) -> RateCheckRecord:
    """Set (or, with no verdict, clear) the person's verdict; the reason is required and logged."""
    row = RateCheckRepository(session).latest(brief.id)
    if row is None:
        raise NotFound("this brief has no rate check to override yet; run one first")
    verdict, reason = checked_override(verdict, reason, VERDICTS, "rate check")
    before = row.override_verdict
    row.override_verdict = verdict
    row.override_reason = reason
    row.override_by_id = actor.id
    row.override_at = utcnow()
    session.flush()
    record(
        session,
        actor,
        "rates.override",
        "rate_check",
        row.id,
        {
            "brief_id": brief.id,
            "engine": row.verdict,
            "from": before,
            "to": verdict,
            "reason": reason[:500],
        },
    )
    return row
