"""The screening result: verdict, scores and the evidence behind every number."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from hireloop.reference.skills import AreaId

SectionKind = Literal[
    "summary",
    "experience",
    "projects",
    "skills",
    "education",
    "publications",
    "certifications",
    "other",
]
EvidenceKind = Literal[
    "deployment",
    "scale",
    "latency",
    "reliability",
    "monitoring",
    "pipeline",
    "impact",
    "notebook",
    "ml_work",
    "tool",
]
Verdict = Literal["production", "some_production", "claims_only", "notebook_only", "not_ml"]
VERDICT_BY_LEVEL: dict[int, Verdict] = {
    3: "production",
    2: "some_production",
    1: "claims_only",
    0: "notebook_only",
}


class _Frozen(BaseModel):
    # from_attributes: the result reads the engine's own records (`found.py`) in one validation.
    model_config = ConfigDict(frozen=True, from_attributes=True)


class Section(_Frozen):
    kind: SectionKind
    heading: str
    start: int
    end: int


class DateRange(_Frozen):
    start: date
    end: date
    is_current: bool
    text: str
    offset: int


class ExperienceEntry(_Frozen):
    """One role: the lines around its date range, and the range itself."""

    employer: str | None
    title: str | None
    dates: DateRange | None
    section: SectionKind
    start: int
    end: int


class Evidence(_Frozen):
    """A claim found in the CV. `text[start:end] == quote` always holds."""

    quote: str
    start: int
    end: int
    section: SectionKind
    kind: EvidenceKind
    term: str
    area: AreaId | None = None
    skill: str | None = None
    weight: float
    age_years: float | None = None


class ScreeningResult(BaseModel):
    """`evidence` holds the heaviest claims of each kind, the heaviest use of each of the
    heaviest skills and the most recent item (see `evidence.report`); the scores, `skills` and
    `explanation` are computed from every line of the CV."""

    verdict: Verdict
    production_level: int | None
    score: int
    areas: dict[AreaId, int]
    evidence: list[Evidence]
    missing: list[str]
    years_experience: float | None
    red_flags: list[str]
    skills: list[str]
    explanation: list[str]
    sections: list[Section]
    experience: list[ExperienceEntry]
    screening_version: str
