from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hireloop.db import Base, UTCDateTime, utcnow


class ShortlistEntry(Base):
    """A candidate put forward on a brief's shortlist, by whom, when, and why."""

    __tablename__ = "shortlist_entries"
    __table_args__ = (UniqueConstraint("brief_id", "candidate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brief_id: Mapped[int] = mapped_column(ForeignKey("briefs.id"), index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")


class ShortlistPresentation(Base):
    """One time the shortlist went to the client: who presented it, when, and whom it named."""

    __tablename__ = "shortlist_presentations"

    id: Mapped[int] = mapped_column(primary_key=True)
    brief_id: Mapped[int] = mapped_column(ForeignKey("briefs.id"), index=True)
    presented_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    presented_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    candidate_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
