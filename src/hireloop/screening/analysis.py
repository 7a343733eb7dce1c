"""Read a CV into blocks (one per role or section part) of units carrying their evidence."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from hireloop.reference.taxonomy import Skill, Taxonomy
from hireloop.screening.dates import age_years, find_ranges
from hireloop.screening.evidence_patterns import ACADEMIC_TITLE, ML_TITLE
from hireloop.screening.matcher import matcher_for
from hireloop.screening.models import DateRange, EvidenceKind, ExperienceEntry, Section
from hireloop.screening.sections import find_sections, section_at
from hireloop.screening.text import Unit, normalise, split_units

WORK_SECTIONS = frozenset({"experience", "projects", "summary", "other"})
_DATED_SECTIONS = frozenset({"experience", "projects", "other", "summary"})
_BULLET_START = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf>+]|\d{1,2}[.)])\s")


@dataclass(slots=True)
class Hit:
    """A phrase or a taxonomy skill found inside one unit (offsets into the raw text)."""

    kind: EvidenceKind
    start: int
    end: int
    strength: float
    skill: Skill | None = None


@dataclass(slots=True)
class ReadUnit:
    unit: Unit
    section: Section
    hits: list[Hit] = field(default_factory=list)
    block: int = 0

    def kinds(self, minimum: float = 1.0) -> set[EvidenceKind]:
        return {h.kind for h in self.hits if h.skill is None and h.strength >= minimum}


@dataclass(slots=True)
class Block:
    """A role (from its header and date range to the next role) or an undated section part."""

    section: Section
    start: int
    end: int
    header: str
    dates: DateRange | None
    age: float | None
    units: list[ReadUnit] = field(default_factory=list)

    @property
    def title_lines(self) -> str:
        """The short header lines (a long line is prose, not a title)."""
        return "\n".join(line for line in self.header.lower().split("\n") if len(line) <= 120)

    @property
    def is_academic(self) -> bool:
        return self.section.kind == "education" or bool(ACADEMIC_TITLE.search(self.title_lines))

    @property
    def has_ml_title(self) -> bool:
        return bool(ML_TITLE.search(self.title_lines))


@dataclass(slots=True)
class Reading:
    text: str
    sections: list[Section]
    units: list[ReadUnit]
    blocks: list[Block]
    entries: list[ExperienceEntry]
    work_ranges: list[DateRange]
    headline: str


def read_cv(text: str, as_of: date, taxonomy: Taxonomy) -> Reading:
    sections = find_sections(text)
    units = [ReadUnit(u, section_at(sections, u.start)) for u in split_units(text)]
    starts = [u.unit.start for u in units]
    normalised = normalise(text)

    def owner(raw_start: int) -> ReadUnit | None:
        index = bisect_right(starts, raw_start) - 1
        if index >= 0 and raw_start < units[index].unit.end:
            return units[index]
        return None

    skill_matches, phrase_matches = matcher_for(taxonomy).find(text, normalised)
    for phrase in phrase_matches:
        start, end = normalised.raw_span(phrase.start, phrase.end)
        read = owner(start)
        if read is not None:
            kind, strength = phrase.pattern.kind, phrase.pattern.strength
            read.hits.append(Hit(kind, start, min(end, read.unit.end), strength))
    for skill_match in skill_matches:
        start, end = normalised.raw_span(skill_match.start, skill_match.end)
        read = owner(start)
        if read is not None:
            read.hits.append(Hit("tool", start, min(end, read.unit.end), 1.0, skill_match.skill))
    for read in units:
        read.hits.sort(key=lambda h: h.start)

    ranges = [
        r
        for r in find_ranges(text, as_of)
        if section_at(sections, r.offset).kind in _DATED_SECTIONS
    ]
    blocks, entries = _blocks(text, sections, units, ranges, as_of)
    headline = text[:300]
    return Reading(text, sections, units, blocks, entries, ranges, headline)


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _header_start(text: str, range_: DateRange, floor: int) -> tuple[int, str]:
    """The role header: the date line and up to three short, non-bullet lines above it."""
    start = _line_start(text, range_.offset)
    line_end = text.find("\n", range_.offset)
    line_end = len(text) if line_end < 0 else line_end
    header_lines = [text[start:line_end]]
    taken = 0
    cursor = start
    while taken < 3 and cursor > floor:
        previous_start = _line_start(text, cursor - 1)
        line = text[previous_start : cursor - 1]
        if previous_start < floor:
            break
        if line.strip():
            if len(line) > 90 or _BULLET_START.match(line) or line.rstrip().endswith("."):
                break
            header_lines.insert(0, line)
            taken += 1
            start = previous_start
        cursor = previous_start
    return start, "\n".join(h.strip() for h in header_lines if h.strip())


def _blocks(
    text: str,
    sections: list[Section],
    units: list[ReadUnit],
    ranges: list[DateRange],
    as_of: date,
) -> tuple[list[Block], list[ExperienceEntry]]:
    blocks: list[Block] = []
    entries: list[ExperienceEntry] = []
    for section in sections:
        inside = [r for r in ranges if section.start <= r.offset < section.end]
        cuts: list[tuple[int, str, DateRange | None]] = [(section.start, section.heading, None)]
        floor = section.start
        if section.heading:
            floor = (text.find("\n", section.start) + 1) or section.end
        for range_ in inside:
            start, header = _header_start(text, range_, floor)
            start = max(start, cuts[-1][0])
            if start == cuts[-1][0] and cuts[-1][2] is not None:
                continue  # a second date on the same role (e.g. a sub-period) stays in it
            cuts.append((start, header, range_))
            floor = text.find("\n", range_.offset) + 1 or len(text)
        for index, (start, header, dated) in enumerate(cuts):
            end = cuts[index + 1][0] if index + 1 < len(cuts) else section.end
            if end <= start and dated is None:
                continue
            age = age_years(dated, as_of) if dated is not None else None
            blocks.append(Block(section, start, end, header, dated, age))
            if dated is not None:
                entries.append(_entry(header, dated, section, start, end))
    block_starts = [b.start for b in blocks]
    for read in units:
        index = max(0, bisect_right(block_starts, read.unit.start) - 1)
        read.block = index
        blocks[index].units.append(read)
    return blocks, entries


def _entry(
    header: str, range_: DateRange, section: Section, start: int, end: int
) -> ExperienceEntry:
    """Employer and title from the header: the part that reads like a role is the title."""
    parts = [
        p.strip(" \t-|,@\u2022*#")
        for p in re.split(r"\n|\||,| at | @ |\u2014|\u2013| - ", header.replace(range_.text, " "))
    ]
    parts = [p for p in parts if len(p) > 1 and not re.fullmatch(r"[\W\d]+", p)]
    role = re.compile(
        r"\b(?:engineer|scientist|developer|lead|manager|analyst|researcher|intern|architect|"
        r"consultant|director|head|mle|founder|officer|specialist|assistant|student)\b",
        re.IGNORECASE,
    )
    title = next((p for p in parts if role.search(p)), None)
    employer = next((p for p in parts if p != title), None)
    return ExperienceEntry(
        employer=employer, title=title, dates=range_, section=section.kind, start=start, end=end
    )
