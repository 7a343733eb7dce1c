"""The stored loop: a brief's plan, each candidate's loop, scorecards and their past versions."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, get_args

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hireloop.db import Base, UTCDateTime, utcnow

LoopStatus = Literal["scheduled", "in_progress", "ready", "decided"]
LOOP_STATUSES: tuple[LoopStatus, ...] = get_args(LoopStatus)


class BriefLoopPlan(Base):
    """How a brief's loop is set up: block weights, one interviewer per block, the stack used."""

    __tablename__ = "loop_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    brief_id: Mapped[int] = mapped_column(ForeignKey("briefs.id"), unique=True)
    weights: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    # block id -> user id of the interviewer
    interviewers: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    involves_llm: Mapped[bool] = mapped_column(Boolean, default=False)
    stack: Mapped[list[str]] = mapped_column(JSON, default=list)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Loop(Base):
    """One candidate's loop for one brief, and the decision a person confirmed."""

    __tablename__ = "loops"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), unique=True)
    brief_id: Mapped[int] = mapped_column(ForeignKey("briefs.id"), index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="scheduled")
    decision: Mapped[str | None] = mapped_column(String(16))
    computed_decision: Mapped[str | None] = mapped_column(String(16))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class StoredScorecard(Base):
    """One interviewer's scorecard for one block of one loop; edits bump `version`."""

    __tablename__ = "scorecards"
    __table_args__ = (UniqueConstraint("loop_id", "block", "interviewer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    loop_id: Mapped[int] = mapped_column(ForeignKey("loops.id"), index=True)
    block: Mapped[str] = mapped_column(String(32))
    interviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    # question id -> rating 1-4; question id -> ticked item indices
    ratings: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    good_ticks: Mapped[dict[str, list[int]]] = mapped_column(JSON, default=dict)
    red_flag_ticks: Mapped[dict[str, list[int]]] = mapped_column(JSON, default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[str] = mapped_column(String(16))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    def content(self) -> dict[str, Any]:
        return {
            "ratings": dict(self.ratings),
            "good_ticks": {k: list(v) for k, v in self.good_ticks.items()},
            "red_flag_ticks": {k: list(v) for k, v in self.red_flag_ticks.items()},
            "notes": self.notes,
            "recommendation": self.recommendation,
        }


class ScorecardVersion(Base):
    """A scorecard as it stood before an edit replaced it."""

    __tablename__ = "scorecard_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    scorecard_id: Mapped[int] = mapped_column(ForeignKey("scorecards.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    ratings: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    good_ticks: Mapped[dict[str, list[int]]] = mapped_column(JSON, default=dict)
    red_flag_ticks: Mapped[dict[str, list[int]]] = mapped_column(JSON, default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[str] = mapped_column(String(16))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
