from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hireloop.db import Base, UTCDateTime, utcnow


class Brief(Base):
    """A hiring manager's outcome brief: what done looks like, not a job description."""

    __tablename__ = "briefs"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[str] = mapped_column(Text, default="")
    window_weeks: Mapped[int | None] = mapped_column(Integer)
    stack: Mapped[list[str]] = mapped_column(JSON, default=list)
    success_metric: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str | None] = mapped_column(String(64))
    budget_day_rate: Mapped[float | None] = mapped_column(Float)
    engagement_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    start_date: Mapped[date | None] = mapped_column(Date)
    must_haves: Mapped[list[str]] = mapped_column(JSON, default=list)
    nice_to_haves: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outcome": self.outcome,
            "window_weeks": self.window_weeks,
            "stack": list(self.stack),
            "success_metric": self.success_metric,
            "location": self.location,
            "budget_day_rate": self.budget_day_rate,
            "engagement_types": list(self.engagement_types),
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "must_haves": list(self.must_haves),
            "nice_to_haves": list(self.nice_to_haves),
            "status": self.status,
            "created_at": self.created_at.isoformat(),
        }
