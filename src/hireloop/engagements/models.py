from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hireloop.db import Base, UTCDateTime, utcnow


class Engagement(Base):
    """A placed candidate at work on a brief, started from their agreed term sheet."""

    __tablename__ = "engagements"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    brief_id: Mapped[int] = mapped_column(ForeignKey("briefs.id"), index=True)
    term_sheet_id: Mapped[int] = mapped_column(ForeignKey("term_sheets.id"), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    allocation_percent: Mapped[int] = mapped_column(Integer, default=100)
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    outcome_kind: Mapped[str | None] = mapped_column(String(16))
    outcome_reason: Mapped[str | None] = mapped_column(Text)
    outcome_decided_on: Mapped[dt.date | None] = mapped_column(Date)
    handover_plan: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    perm_salary_offered: Mapped[float | None] = mapped_column(Float)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class DeliveryEntry(Base):
    """One piece of delivery evidence logged during an engagement."""

    __tablename__ = "delivery_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    shipped: Mapped[str] = mapped_column(Text)
    metric: Mapped[str] = mapped_column(Text)
    logged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    logged_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
