"""What reading a CV finds (sections, date ranges, roles) as plain slotted records.

They are cheap to make where the engine finds them; the result's pydantic models
(`models.Section`, `models.DateRange`, `models.ExperienceEntry`) are read from their attributes
once, when `screen` builds the result. Their `__init__` is written out because a dataclass's
generated one would run as interpreted Python inside the compiled engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hireloop.screening.models import SectionKind


@dataclass(slots=True, init=False)
class FoundSection:
    kind: SectionKind
    heading: str
    start: int
    end: int

    def __init__(self, kind: SectionKind, heading: str, start: int, end: int) -> None:
        self.kind = kind
        self.heading = heading
        self.start = start
        self.end = end


@dataclass(slots=True, init=False)
class FoundRange:
    start: date
    end: date
    is_current: bool
    text: str
    offset: int

    def __init__(self, start: date, end: date, is_current: bool, text: str, offset: int) -> None:
        self.start = start
        self.end = end
        self.is_current = is_current
        self.text = text
        self.offset = offset


@dataclass(slots=True, init=False)
class FoundRole:
    employer: str | None
    title: str | None
    dates: FoundRange | None
    section: SectionKind
    start: int
    end: int

    def __init__(
        self,
        employer: str | None,
        title: str | None,
        dates: FoundRange | None,
        section: SectionKind,
        start: int,
        end: int,
    ) -> None:
        self.employer = employer
        self.title = title
        self.dates = dates
        self.section = section
        self.start = start
        self.end = end
