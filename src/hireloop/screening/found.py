"""What reading a CV finds (sections, date ranges, roles) as plain slotted records.

They are cheap to make where the engine finds them; the result's pydantic models
(`models.Section`, `models.DateRange`, `models.ExperienceEntry`) are read from their attributes
once, when `screen` builds the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hireloop.screening.models import SectionKind


@dataclass(frozen=True, slots=True)
class FoundSection:
    kind: SectionKind
    heading: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class FoundRange:
    start: date
    end: date
    is_current: bool
    text: str
    offset: int


@dataclass(frozen=True, slots=True)
class FoundRole:
    employer: str | None
    title: str | None
    dates: FoundRange | None
    section: SectionKind
    start: int
    end: int
