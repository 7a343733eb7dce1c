from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from hireloop.db import Base, UTCDateTime, utcnow


class TermSheetRecord(Base):
    """The stored term sheet of one candidate on one brief; `TermSheet` is its validated form.

    Money and percents are stored as floats, like the brief's budget, and read back as Decimal
    through their text form, so 1400.5 comes back as exactly Decimal("1400.5").
    """

    __tablename__ = "term_sheets"
    __table_args__ = (UniqueConstraint("brief_id", "candidate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brief_id: Mapped[int] = mapped_column(ForeignKey("briefs.id"), index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    engagement_type: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    day_rate: Mapped[float | None] = mapped_column(Float)
    rate_source: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    scope_deliverables: Mapped[list[str]] = mapped_column(JSON, default=list)
    ip_assignment: Mapped[bool] = mapped_column(Boolean, default=True)
    prior_ip_carve_outs: Mapped[list[str]] = mapped_column(JSON, default=list)
    conversion_fee_percent: Mapped[float] = mapped_column(Float)
    fee_schedule: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    conversion_window_start_month: Mapped[int] = mapped_column(Integer)
    conversion_window_end_month: Mapped[int] = mapped_column(Integer)
    notice_period_days: Mapped[int] = mapped_column(Integer)
    work_state: Mapped[str | None] = mapped_column(String(2))
    worksite_city: Mapped[str | None] = mapped_column(String(120))
    hours_per_week: Mapped[int | None] = mapped_column(Integer)
    open_ended: Mapped[bool] = mapped_column(Boolean, default=False)
    client_supervised: Mapped[bool] = mapped_column(Boolean, default=False)
    placed_by_agency: Mapped[bool] = mapped_column(Boolean, default=False)
    entity: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    b2b_checks_confirmed: Mapped[list[str]] = mapped_column(JSON, default=list)
    reopen_reason: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
