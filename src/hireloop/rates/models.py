"""The market signal pool every rate check draws on, and the checks run for each brief."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal, get_args

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hireloop.db import Base, UTCDateTime, utcnow

Origin = Literal["form", "api", "csv", "oews", "lca"]
ORIGINS: tuple[Origin, ...] = get_args(Origin)


class MarketSignal(Base):
    """One aggregator figure or live signal, shared by every brief in its market."""

    __tablename__ = "market_signals"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(200))
    market: Mapped[str] = mapped_column(String(64), index=True)
    specialism: Mapped[str | None] = mapped_column(String(64))
    unit: Mapped[str] = mapped_column(String(8))
    basis: Mapped[str] = mapped_column(String(16))
    as_of: Mapped[date] = mapped_column(Date)
    rate: Mapped[float | None] = mapped_column(Float)
    p25: Mapped[float | None] = mapped_column(Float)
    p50: Mapped[float | None] = mapped_column(Float)
    p75: Mapped[float | None] = mapped_column(Float)
    p90: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    n: Mapped[int | None] = mapped_column(Integer)
    floors: Mapped[list[str]] = mapped_column(JSON, default=list)
    origin: Mapped[str] = mapped_column(String(16))
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    entered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "source": self.source,
            "market": self.market,
            "specialism": self.specialism,
            "unit": self.unit,
            "basis": self.basis,
            "as_of": self.as_of.isoformat(),
            "rate": self.rate,
            "p25": self.p25,
            "p50": self.p50,
            "p75": self.p75,
            "p90": self.p90,
            "low": self.low,
            "high": self.high,
            "n": self.n,
            "floors": list(self.floors),
            "origin": self.origin,
            "entered_by_id": self.entered_by_id,
            "entered_at": self.entered_at.isoformat(),
        }


class RateCheckRecord(Base):
    """A rate check run for a brief: the inputs, the headline and the whole engine result.

    `signals` keeps the signals the check was run on, in order, so its chart and its
    explanation can be drawn again exactly, whatever joins the pool later.
    """

    __tablename__ = "rate_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    brief_id: Mapped[int] = mapped_column(ForeignKey("briefs.id"), index=True)
    rate: Mapped[float] = mapped_column(Float)
    basis: Mapped[str] = mapped_column(String(16))
    market: Mapped[str] = mapped_column(String(64))
    specialisms: Mapped[list[str]] = mapped_column(JSON, default=list)
    as_of: Mapped[date] = mapped_column(Date)
    validated: Mapped[bool] = mapped_column(Boolean)
    verdict: Mapped[str] = mapped_column(String(32))
    clearing_day_rate: Mapped[float] = mapped_column(Float)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    signals: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    override_verdict: Mapped[str | None] = mapped_column(String(32))
    override_reason: Mapped[str | None] = mapped_column(Text)
    override_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    override_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
