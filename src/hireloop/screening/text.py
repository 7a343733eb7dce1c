"""Length-aware normalisation with an offset map, and the split of a CV into claim units."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_SPACE_RUN = re.compile(r" {2,}")
_TRANSLATE = str.maketrans(
    {
        **{chr(c): " " for c in range(0x3001) if chr(c).isspace() and c != 0x20},
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
)


@dataclass(frozen=True, slots=True)
class Normalised:
    """Lower-cased text with whitespace runs collapsed; `raw_offset` maps positions back."""

    text: str
    _norm_starts: list[int]
    _raw_starts: list[int]

    def raw_offset(self, position: int) -> int:
        index = bisect_right(self._norm_starts, position) - 1
        return self._raw_starts[index] + (position - self._norm_starts[index])

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            raw = self.raw_offset(start)
            return raw, raw
        return self.raw_offset(start), self.raw_offset(end - 1) + 1


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


def normalise(raw: str) -> Normalised:
    """Lower-case, unify dashes and quotes, collapse each whitespace run to one space."""
    lowered = _lower_same_length(raw).translate(_TRANSLATE)
    pieces: list[str] = []
    norm_starts = [0]
    raw_starts = [0]
    position = 0
    cursor = 0
    for match in _SPACE_RUN.finditer(lowered):
        pieces.append(lowered[cursor : match.start()])
        pieces.append(" ")
        position += match.start() - cursor + 1
        cursor = match.end()
        norm_starts.append(position)
        raw_starts.append(cursor)
    pieces.append(lowered[cursor:])
    return Normalised("".join(pieces), norm_starts, raw_starts)


@dataclass(frozen=True, slots=True)
class Unit:
    """A bullet, sentence or list line: the span within which a claim is read."""

    start: int
    end: int
    is_list: bool


_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf\u2023\u2043\u27a2>\u25e6+]|\d{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?;])(?:,)?\s+(?=[\"'(\[]?[A-Z0-9\u2022])|\.,\s+")
_LIST_LINE = re.compile(
    r"^\s*(?:[-*\u2022]\s*)?(?:technical\s+)?(?:skills?|technologies|tech(?:nology)?\s*stack|stack|"
    r"tools?|keywords|languages|frameworks|libraries|environment|platforms?)\s*[:\-\u2013|]",
    re.IGNORECASE,
)
_MAX_UNIT = 600


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _continues(previous: str, line: str) -> bool:
    """A wrapped line continues the previous one when it starts in lower case."""
    stripped = line.lstrip()
    if not stripped or not previous.strip() or _BULLET.match(line):
        return False
    if previous.rstrip().endswith((".", "!", "?", ":")):
        return False
    return stripped[0].islower() or previous.rstrip().endswith((",", "(", "&", "-", "and", "of"))


def split_units(text: str) -> list[Unit]:
    """Paragraph pieces: lines joined when wrapped, then split into sentences."""
    blocks: list[tuple[int, int]] = []
    for start, end in _line_spans(text):
        line = text[start:end]
        if not line.strip():
            continue
        if blocks and _continues(text[blocks[-1][0] : blocks[-1][1]], line):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    units: list[Unit] = []
    for start, end in blocks:
        chunk = text[start:end]
        is_list = bool(_LIST_LINE.match(chunk))
        cursor = 0
        pieces = [] if is_list else list(_SENTENCE_END.finditer(chunk))
        for match in pieces:
            _append(units, text, start + cursor, start + match.start(), is_list)
            cursor = match.end()
        _append(units, text, start + cursor, end, is_list)
    return units


def _append(units: list[Unit], text: str, start: int, end: int, is_list: bool) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > _MAX_UNIT:
        cut = text.rfind(" ", start, start + _MAX_UNIT)
        cut = cut if cut > start else start + _MAX_UNIT
        units.append(Unit(start, cut, is_list))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        units.append(Unit(start, end, is_list))
