"""Find CV sections from their headings, in the many ways people write them."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import ahocorasick

from hireloop.screening.found import FoundSection
from hireloop.screening.models import SectionKind

# Heading words, checked in order: the first kind whose phrase appears in the heading wins.
_VOCABULARY: tuple[tuple[SectionKind, tuple[str, ...]], ...] = (
    ("publications", ("publication", "papers", "patents", "talks", "presentations")),
    ("certifications", ("certification", "certificate", "licenses", "courses")),
    ("education", ("education", "academic background", "qualification", "degrees", "schooling")),
    (
        "skills",
        (
            "skill",
            "technologies",
            "technical",
            "tech stack",
            "tools",
            "competenc",
            "expertise",
            "languages",
            "toolbox",
        ),
    ),
    ("projects", ("project", "portfolio", "open source", "open-source", "side work")),
    (
        "experience",
        (
            "experience",
            "experince",
            "experiance",
            "employment",
            "work history",
            "career",
            "positions",
            "professional background",
            "company details",
            "jobs",
            "work",
        ),
    ),
    ("summary", ("summary", "profile", "about", "objective", "introduction", "overview", "basics")),
    (
        "other",
        (
            "interests",
            "hobbies",
            "awards",
            "honors",
            "honours",
            "achievements",
            "volunteer",
            "activities",
            "references",
            "contact",
            "teaching",
            "service",
            "personal",
            "recognition",
            "leadership",
            "memberships",
            "misc",
        ),
    ),
)
_DECORATION = re.compile(r"^[\s#*_=\-:|>\u2022.\d]+|[\s#*_=\-:|.]+$")
_MAX_WORDS = 5
_ROLE_WORDS = re.compile(
    r"\b(?:engineer|lead|manager|scientist|developer|intern|analyst|director|head|architect|"
    r"consultant|researcher|assistant|representative|officer|specialist|founder)s?\b"
)


@lru_cache(maxsize=4096)
def classify_heading(line: str) -> SectionKind | None:
    """The section a heading line opens, or None when the line is not a heading (a pure
    function of the line; cached, as the same headings come back in CV after CV)."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_HEADING or stripped.endswith((",", ";")):
        return None
    # No heading without a word of the vocabulary (cleaning below keeps every letter in place).
    if next(_HEADING_WORDS.iter(stripped.lower()), None) is None:
        return None
    is_markdown = stripped.startswith("#")
    if ":" in stripped.rstrip(":") or _ROLE_WORDS.search(stripped.lower()):
        return None
    core = _DECORATION.sub("", stripped)
    core = _NON_WORD.sub(" ", core).strip()
    words = core.split()
    if not words or len(words) > _MAX_WORDS:
        return None
    if not (is_markdown or core.isupper() or core.istitle() or _starts_capitalised(words)):
        return None
    if stripped.endswith(".") and not is_markdown:
        return None
    lowered = core.lower()
    for kind, phrases in _VOCABULARY_RX:
        if phrases.search(lowered):
            return kind
    return None


def _starts_capitalised(words: list[str]) -> bool:
    return words[0][:1].isupper()


# Per kind, one regex: one of its phrases, not preceded by a letter.
_VOCABULARY_RX: tuple[tuple[SectionKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile("(?<![^\\W\\d_])(?:" + "|".join(map(re.escape, phrases)) + ")"))
    for kind, phrases in _VOCABULARY
)
_NON_WORD = re.compile(r"[^\w\s&/'-]")


def _heading_words() -> Any:
    """An automaton of the first word of every phrase: a line naming none of them cannot be a
    heading."""
    automaton = ahocorasick.Automaton()
    for _kind, phrases in _VOCABULARY:
        for phrase in phrases:
            word = re.split(r"[^a-z]", phrase)[0]
            automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


_HEADING_WORDS = _heading_words()


# A heading glued to the end of a line when extraction lost the line break ("...monthsSkills").
# (Written to start with a capital, which the regex engine scans for fastest.)
_GLUED = re.compile(r"([A-Z](?<=[a-z.)][A-Z])[a-z]+ ?(?:[A-Z][a-z]+ ?){0,2})\s*$")
_GLUED_REACH = 64  # a glued heading longer than this could not be a heading anyway
_MAX_HEADING = 48


def find_sections(text: str) -> list[FoundSection]:
    """Sections in order, covering the text; text before the first heading is `summary`."""
    headings: list[tuple[int, int, SectionKind, str]] = []
    lines = text.split("\n")
    offset = 0
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            offset += len(line) + 1
            continue
        # A glued heading ends the line with a capitalised word: the line ends in a-z.
        if "a" <= stripped[-1] <= "z" and (len(line) > 48 or " " in stripped):
            glued = _GLUED.search(line, max(0, len(line) - _GLUED_REACH))
            kind_glued = classify_heading(glued.group(1)) if glued else None
            if glued and kind_glued is not None:
                start = offset + glued.start(1)
                headings.append((start, offset + len(line), kind_glued, glued.group(1).strip()))
                offset += len(line) + 1
                continue
        kind = classify_heading(stripped) if len(stripped) <= _MAX_HEADING else None
        if kind is not None:
            following = lines[number + 1] if number + 1 < len(lines) else ""
            if not _looks_like_sentence(line, following):
                headings.append((offset, offset + len(line), kind, stripped))
        offset += len(line) + 1
    sections: list[FoundSection] = []
    first = headings[0][0] if headings else len(text)
    if first > 0 or not headings:
        sections.append(FoundSection("summary", "", 0, first))
    for index, (start, _line_end, kind, heading) in enumerate(headings):
        end = headings[index + 1][0] if index + 1 < len(headings) else len(text)
        sections.append(FoundSection(kind, heading, start, end))
    return [s for s in sections if s.end > s.start or len(sections) == 1]


def _looks_like_sentence(line: str, following: str) -> bool:
    """A short line that flows on into lower-case text is prose, not a heading."""
    stripped = line.strip()
    if stripped.endswith(":") or stripped.startswith("#") or stripped.isupper():
        return False
    nxt = following.lstrip()
    return bool(nxt) and nxt[0].islower() and not nxt.startswith(("-", "*"))


def section_at(sections: list[FoundSection], position: int) -> FoundSection:
    for section in reversed(sections):
        if section.start <= position:
            return section
    return sections[0]
