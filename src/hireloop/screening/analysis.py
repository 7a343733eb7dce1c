"""Read a CV into blocks (one per role or section part) of units carrying their claims.

One automaton pass finds every phrase, skill and marker; each is folded straight into the unit
it falls in: the strongest phrase of each claim kind, and the first use of each skill. Nothing
else is kept per match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from hireloop.reference.taxonomy import Taxonomy
from hireloop.screening.dates import age_years, find_ranges
from hireloop.screening.evidence_patterns import ACADEMIC_TITLE, ML_TITLE, SERVING_HINT
from hireloop.screening.found import FoundRange, FoundRole, FoundSection
from hireloop.screening.matcher import VENUE, Claim, matcher_for
from hireloop.screening.models import EvidenceKind, SectionKind
from hireloop.screening.sections import find_sections, section_at
from hireloop.screening.text import Normalised, Unit, normalise, split_units
from hireloop.screening.weights import unit_factor

WORK_SECTIONS = frozenset({"experience", "projects", "summary", "other"})
_DATED_SECTIONS = frozenset({"experience", "projects", "other", "summary"})
_BULLET_START = re.compile(r"\s*(?:[-*\u2022\u25aa\u25cf>+]|\d{1,2}[.)])\s")
_ENTRY_SPLIT = re.compile(r"\n|\||,| at | @ |\u2014|\u2013| - ")
_NOT_A_NAME = re.compile(r"[\W\d]+")
_ROLE = re.compile(
    r"\b(?:engineer|scientist|developer|lead|manager|analyst|researcher|intern|architect|"
    r"consultant|director|head|mle|founder|officer|specialist|assistant|student)\b",
    re.IGNORECASE,
)


# The records made per role and per unit write their `__init__` out: a dataclass's generated one
# would run as interpreted Python inside the compiled engine.
@dataclass(slots=True, init=False)
class Block:
    """A role (from its header and date range to the next role) or an undated section part."""

    section: FoundSection
    start: int
    end: int
    header: str
    dates: FoundRange | None
    age: float | None
    title_lines: str
    is_academic: bool
    has_ml_title: bool

    def __init__(
        self,
        section: FoundSection,
        start: int,
        end: int,
        header: str,
        dates: FoundRange | None,
        age: float | None,
    ) -> None:
        self.section = section
        self.start = start
        self.end = end
        self.header = header
        self.dates = dates
        self.age = age
        self.title_lines, academic, self.has_ml_title = _title_reading(header)
        self.is_academic = section.kind == "education" or academic


@lru_cache(maxsize=4096)
def _title_reading(header: str) -> tuple[str, bool, bool]:
    """A header's short lines (a long line is prose, not a title), lower-cased, and whether
    they name an academic and an ML role (a pure function of the header, cached)."""
    title_lines = "\n".join(line for line in header.lower().split("\n") if len(line) <= 120)
    return (
        title_lines,
        ACADEMIC_TITLE.search(title_lines) is not None,
        ML_TITLE.search(title_lines) is not None,
    )


@dataclass(slots=True, init=False)
class ReadUnit:
    """A unit with something found in it: its claims by kind and the skills it names."""

    start: int
    end: int
    norm_end: int
    is_list: bool
    section: SectionKind
    block: int
    factor: float  # weight factor of its claims: section, list line, age
    claims: dict[EvidenceKind, Claim]
    # skill index -> (start, end) of its first use in the unit, normalised offsets
    skills: dict[int, tuple[int, int]]
    venue: bool

    def __init__(
        self,
        start: int,
        end: int,
        norm_end: int,
        is_list: bool,
        section: SectionKind,
        block: int,
        factor: float,
        claims: dict[EvidenceKind, Claim],
    ) -> None:
        self.start = start
        self.end = end
        self.norm_end = norm_end
        self.is_list = is_list
        self.section = section
        self.block = block
        self.factor = factor
        self.claims = claims
        self.skills = {}
        self.venue = False


@dataclass(slots=True)
class Reading:
    text: str
    normalised: Normalised
    taxonomy: Taxonomy
    sections: list[FoundSection]
    units: list[ReadUnit]
    blocks: list[Block]
    entries: list[FoundRole]
    work_ranges: list[FoundRange]
    headline: str

    def quote(self, read: ReadUnit) -> str:
        return self.text[read.start : read.end]

    def raw_span(self, read: ReadUnit, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of a normalised span inside a unit (clipped to the unit)."""
        return self.normalised.raw_span(start, min(end, read.norm_end))

    def term(self, read: ReadUnit, start: int, end: int) -> str:
        raw_start, raw_end = self.raw_span(read, start, end)
        return self.text[raw_start:raw_end]


def read_cv(text: str, as_of: date, taxonomy: Taxonomy) -> Reading:
    normalised = normalise(text)
    sections = find_sections(text)
    ranges = [
        r
        for r in find_ranges(text, as_of, normalised.text)
        if section_at(sections, r.offset).kind in _DATED_SECTIONS
    ]
    blocks, entries = _blocks(text, sections, ranges, as_of)
    units = split_units(text)
    norm_starts, norm_ends = normalised.norm_bounds(units)
    scan = matcher_for(taxonomy).scan(text, normalised, norm_starts, norm_ends)
    reads: list[ReadUnit | None] = [None] * len(units)
    unit_sections, unit_blocks = _places(units, sections, blocks)
    factors: dict[tuple[SectionKind, bool, int], float] = {}

    def make(index: int, claims: dict[EvidenceKind, Claim]) -> ReadUnit:
        start, end, is_list = units[index]
        section = unit_sections[index]
        block = unit_blocks[index]
        key = (section, is_list, block)
        factor = factors.get(key)
        if factor is None:
            factor = factors[key] = unit_factor(section, is_list, blocks[block].age)
        read = ReadUnit(start, end, norm_ends[index], is_list, section, block, factor, claims)
        reads[index] = read
        return read

    for index, claims in scan.claims.items():
        make(index, claims)
    for index, marks in scan.markers.items():
        read = reads[index] or make(index, {})
        read.venue = bool(marks & VENUE)
    for start, _negative, end, option, index in scan.skills:
        if index < 0:
            continue
        read = reads[index] or make(index, {})
        if option.index not in read.skills:
            read.skills[option.index] = (start, end)
    ordered = [read for read in reads if read is not None]
    for read in ordered:
        deployment = read.claims.get("deployment")
        if (
            deployment is not None
            and deployment[0] == SERVING_HINT
            and "ml_work" not in read.claims
        ):
            del read.claims["deployment"]  # an API or microservice with no model in sight
    return Reading(
        text, normalised, taxonomy, sections, ordered, blocks, entries, ranges, text[:300]
    )


def _places(
    units: list[Unit], sections: list[FoundSection], blocks: list[Block]
) -> tuple[list[SectionKind], list[int]]:
    """The section kind and the block index of each unit: the last section and block starting
    at or before it (else the first). Units, sections and blocks all come in text order."""
    unit_sections: list[SectionKind] = []
    unit_blocks: list[int] = []
    section = block = 0
    last_section, last_block = len(sections) - 1, len(blocks) - 1
    for start, _end, _is_list in units:
        while section < last_section and sections[section + 1].start <= start:
            section += 1
        while block < last_block and blocks[block + 1].start <= start:
            block += 1
        unit_sections.append(sections[section].kind)
        unit_blocks.append(block)
    return unit_sections, unit_blocks


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _header_start(text: str, range_: FoundRange, floor: int) -> tuple[int, str]:
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
    sections: list[FoundSection],
    ranges: list[FoundRange],
    as_of: date,
) -> tuple[list[Block], list[FoundRole]]:
    blocks: list[Block] = []
    entries: list[FoundRole] = []
    for section in sections:
        inside = [r for r in ranges if section.start <= r.offset < section.end]
        cuts: list[tuple[int, str, FoundRange | None]] = [(section.start, section.heading, None)]
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
    if not blocks:  # only for an empty text: one empty block holds nothing
        blocks.append(Block(sections[0], 0, 0, "", None, None))
    return blocks, entries


@lru_cache(maxsize=4096)
def _employer_title(header: str, dates: str) -> tuple[str | None, str | None]:
    """(employer, title) of a header without its date text (pure, cached)."""
    parts = [p.strip(" \t-|,@\u2022*#") for p in _ENTRY_SPLIT.split(header.replace(dates, " "))]
    parts = [p for p in parts if len(p) > 1 and not _NOT_A_NAME.fullmatch(p)]
    title = next((p for p in parts if _ROLE.search(p)), None)
    employer = next((p for p in parts if p != title), None)
    return employer, title


def _entry(
    header: str, range_: FoundRange, section: FoundSection, start: int, end: int
) -> FoundRole:
    """Employer and title from the header: the part that reads like a role is the title."""
    employer, title = _employer_title(header, range_.text)
    return FoundRole(employer, title, range_, section.kind, start, end)
