"""Find CV sections from their headings, in the many ways people write them."""

from __future__ import annotations

import re

from hireloop.screening.models import Section, SectionKind

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
_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,}|_{3,})\s*$")
_MAX_WORDS = 5
_ROLE_WORDS = re.compile(
    r"\b(?:engineer|lead|manager|scientist|developer|intern|analyst|director|head|architect|"
    r"consultant|researcher|assistant|representative|officer|specialist|founder)s?\b"
)


def classify_heading(line: str) -> SectionKind | None:
    """The section a heading line opens, or None when the line is not a heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > 48 or stripped.endswith((",", ";")):
        return None
    is_markdown = stripped.startswith("#")
    if ":" in stripped.rstrip(":") or _ROLE_WORDS.search(stripped.lower()):
        return None
    core = _DECORATION.sub("", stripped)
    core = re.sub(r"[^\w\s&/'-]", " ", core).strip()
    words = core.split()
    if not words or len(words) > _MAX_WORDS:
        return None
    if not (is_markdown or core.isupper() or core.istitle() or _starts_capitalised(words)):
        return None
    if stripped.endswith(".") and not is_markdown:
        return None
    lowered = core.lower()
    for kind, phrases in _VOCABULARY:
        if any(_has_phrase(lowered, phrase) for phrase in phrases):
            return kind
    return None


def _starts_capitalised(words: list[str]) -> bool:
    return words[0][:1].isupper()


def _has_phrase(lowered: str, phrase: str) -> bool:
    index = lowered.find(phrase)
    return index >= 0 and (index == 0 or not lowered[index - 1].isalpha())


# A heading glued to the end of a line when extraction lost the line break ("...monthsSkills").
_GLUED = re.compile(r"(?<=[a-z.)])((?:[A-Z][a-z]+ ?){1,3})\s*$")


def find_sections(text: str) -> list[Section]:
    """Sections in order, covering the text; text before the first heading is `summary`."""
    headings: list[tuple[int, int, SectionKind, str]] = []
    lines = text.split("\n")
    offset = 0
    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        glued = _GLUED.search(line) if len(line) > 48 or " " in line.strip() else None
        kind_glued = classify_heading(glued.group(1)) if glued else None
        if glued and kind_glued is not None:
            start = offset + glued.start(1)
            headings.append((start, offset + len(line), kind_glued, glued.group(1).strip()))
            offset += len(line) + 1
            continue
        kind = classify_heading(line)
        if kind is None and _UNDERLINE.match(following) and line.strip():
            kind = classify_heading(line.strip() + " ")
        if kind is not None and not _looks_like_sentence(line, following):
            headings.append((offset, offset + len(line), kind, line.strip()))
        offset += len(line) + 1
    sections: list[Section] = []
    first = headings[0][0] if headings else len(text)
    if first > 0 or not headings:
        sections.append(Section(kind="summary", heading="", start=0, end=first))
    for index, (start, _line_end, kind, heading) in enumerate(headings):
        end = headings[index + 1][0] if index + 1 < len(headings) else len(text)
        sections.append(Section(kind=kind, heading=heading, start=start, end=end))
    return [s for s in sections if s.end > s.start or len(sections) == 1]


def _looks_like_sentence(line: str, following: str) -> bool:
    """A short line that flows on into lower-case text is prose, not a heading."""
    stripped = line.strip()
    if stripped.endswith(":") or stripped.startswith("#") or stripped.isupper():
        return False
    nxt = following.lstrip()
    return bool(nxt) and nxt[0].islower() and not nxt.startswith(("-", "*"))


def section_at(sections: list[Section], position: int) -> Section:
    for section in reversed(sections):
        if section.start <= position:
            return section
    return sections[0]
