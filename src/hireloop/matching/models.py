"""Vetting records, and the ranking facts of each screened candidate kept in one narrow row.

`candidate_facts` is filled by the database itself: a trigger on `screenings` (created in the
migration for SQLite and PostgreSQL) copies the newest screening's verdict, level, score, area
scores, skill names and latest evidence age, plus the screened file's name. Ranking a pool of
100,000 then reads one small row per candidate instead of every screening's whole JSON result.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hireloop.db import Base, UTCDateTime, utcnow


class Vetting(Base):
    """A recruiter's word that they reviewed the screening and spoke to the candidate."""

    __tablename__ = "vettings"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    vetted_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CandidateFact(Base):
    """What ranking and search need from a candidate's newest screening (kept by a trigger)."""

    __tablename__ = "candidate_facts"

    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    screening_id: Mapped[int] = mapped_column(ForeignKey("screenings.id", ondelete="CASCADE"))
    verdict: Mapped[str] = mapped_column(String(32))
    production_level: Mapped[int | None] = mapped_column(Integer)
    score: Mapped[int] = mapped_column(Integer)
    area_pytorch_production: Mapped[int] = mapped_column(Integer, default=0)
    area_llm_rag: Mapped[int] = mapped_column(Integer, default=0)
    area_mlops: Mapped[int] = mapped_column(Integer, default=0)
    area_python_stack: Mapped[int] = mapped_column(Integer, default=0)
    area_distributed_gpu: Mapped[int] = mapped_column(Integer, default=0)
    # The skill names, one per line (pool.SKILL_SEPARATOR).
    skills: Mapped[str] = mapped_column(Text, default="")
    latest_evidence_age_years: Mapped[float | None] = mapped_column(Float)
    source_file: Mapped[str | None] = mapped_column(String(500))
