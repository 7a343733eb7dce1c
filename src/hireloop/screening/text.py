"""Length-aware normalisation with an offset map, and the split of a CV into claim units."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_SPACES = re.compile(" +")
# Every space character but " " becomes " "; dashes and curly quotes become plain ones.
_REPLACEMENTS = {
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
# UTF-8 bytes: ASCII ones lower-cased and unified by one table, the others left alone.
_ASCII_TABLE = bytes(
    ord(_REPLACEMENTS.get(chr(b), chr(b)).lower()) if b < 0x80 else b for b in range(256)
)
_ASCII_BYTES = bytes(range(0x80))
_NON_ASCII_REPLACEMENTS = {old: new for old, new in _REPLACEMENTS.items() if not old.isascii()}


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

    def norm_bounds(self, spans: list[tuple[int, int, bool]]) -> tuple[list[int], list[int]]:
        """Normalised starts and ends of raw spans (as `norm_offset(start)` and
        `norm_offset(end - 1) + 1`), in one walk when the spans come in text order."""
        raw_starts, norm_starts = self._raw_starts, self._norm_starts
        last = len(raw_starts) - 1
        index = 0
        starts: list[int] = []
        ends: list[int] = []
        for start, end, _is_list in spans:
            if raw_starts[index] > start:
                index = bisect_right(raw_starts, start) - 1
            while index < last and raw_starts[index + 1] <= start:
                index += 1
            starts.append(norm_starts[index] + (start - raw_starts[index]))
            end -= 1
            if raw_starts[index] > end:
                index = bisect_right(raw_starts, end) - 1
            while index < last and raw_starts[index + 1] <= end:
                index += 1
            ends.append(norm_starts[index] + (end - raw_starts[index]) + 1)
        return starts, ends

    def norm_offset(self, raw: int) -> int:
        """The normalised position of a raw one (a collapsed run maps to its single space)."""
        index = bisect_right(self._raw_starts, raw) - 1
        return self._norm_starts[index] + (raw - self._raw_starts[index])


def lower_and_unify(raw: str) -> str:
    """Each character lower-cased on its own (one whose lower case is two characters is kept,
    so that offsets do not move; a capital sigma is always a small sigma, whatever follows
    it), then `_REPLACEMENTS` applied. Done on the UTF-8 bytes: one table for the ASCII
    characters, then one replacement per distinct other character; in UTF-8 a character's
    bytes are only found where that character is, so no per-character pass is needed."""
    data = raw.encode("utf-8", "surrogatepass").translate(_ASCII_TABLE)
    if len(data) == len(raw):
        return data.decode("ascii")
    others = set(data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))
    for char in others:
        new = _NON_ASCII_REPLACEMENTS.get(char)
        if new is None:
            new = char.lower()
            if new == char or len(new) != 1:
                continue  # a lower case of two characters would move every offset after it
        data = data.replace(char.encode("utf-8", "surrogatepass"), new.encode("utf-8"))
    return data.decode("utf-8", "surrogatepass")


def normalise(raw: str) -> Normalised:
    """Lower-case, unify dashes and quotes, collapse each whitespace run to one space."""
    lowered = lower_and_unify(raw)
    norm_starts = [0]
    raw_starts = [0]
    position = lowered.find("  ")
    if position < 0:
        return Normalised(lowered, norm_starts, raw_starts)
    pieces: list[str] = []
    cursor = 0
    removed = 0
    while position >= 0:
        run = _SPACES.match(lowered, position)
        end = run.end() if run is not None else position + 2
        pieces.append(lowered[cursor : position + 1])
        removed += end - position - 1
        norm_starts.append(end - removed)
        raw_starts.append(end)
        cursor = end
        position = lowered.find("  ", end)
    pieces.append(lowered[cursor:])
    return Normalised("".join(pieces), norm_starts, raw_starts)


# A unit: (start, end, is_list) in raw offsets; a bullet, sentence or list line.
Unit = tuple[int, int, bool]

_BULLET = re.compile(r"\s*(?:[-*\u2022\u25aa\u25cf\u2023\u2043\u27a2>\u25e6+]|\d{1,2}[.)])\s+")
# A sentence ends at . ! ? ; then space before a capital, digit or bullet; or at "., ".
# One regex per mark, each starting with it: the regex engine skips to a literal far faster
# than to a set of characters. The cut starts after the mark, except for "., ".
_AFTER_MARK = r",?\s+(?=[\"'(\[]?[A-Z0-9\u2022])"
_DOT_END = re.compile(r"\.(?:(,\s+)|" + _AFTER_MARK + ")")
_MARK_ENDS = tuple((mark, re.compile(re.escape(mark) + _AFTER_MARK)) for mark in "!?;")
_LIST_LINE = re.compile(
    r"\s*(?:[-*\u2022]\s*)?(?:technical\s+)?(?:skills?|technologies|tech(?:nology)?\s*stack|stack|"
    r"tools?|keywords|languages|frameworks|libraries|environment|platforms?)\s*[:\-\u2013|]",
    re.IGNORECASE,
)
# The first letters a list line's label can start with, in any case (the regex ignores case:
# "\u017f" is a long s, "\u212a" a Kelvin sign).
_LIST_LABEL_STARTS = frozenset("tskflepTSKFLEP\u017f\u212a")
_MAX_UNIT = 600
_CLOSED = (".", "!", "?", ":")
_OPEN = (",", "(", "&", "-", "and", "of")


def split_units(text: str) -> list[Unit]:
    """Paragraph pieces: lines joined when wrapped, then split into sentences.

    A wrapped line continues the previous one when it starts in lower case, or when the
    previous line ends open (a comma, "and", ...) and the line is not a bullet.
    """
    # Blocks of joined lines, trimmed of the space around them.
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    # Whether the previous line ends closed (".", ":", ...) or open (",", "and", ...).
    closed = True
    open_end = False
    bullet = _BULLET.match
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            if not closed and (stripped[0].islower() or (open_end and bullet(line) is None)):
                ends[-1] = position + len(line.rstrip())
            else:
                lead = len(line) - len(line.lstrip())
                starts.append(position + lead)
                ends.append(position + lead + len(stripped))
            closed = stripped.endswith(_CLOSED)
            open_end = stripped.endswith(_OPEN)
        position += len(line) + 1
    if not starts:
        return []
    cuts = _sentence_cuts(text)
    units: list[Unit] = []
    cut_index = 0
    for start, end in zip(starts, ends, strict=True):
        is_list = _may_be_list(text, start, end) and _LIST_LINE.match(text, start, end) is not None
        while cut_index < len(cuts) and cuts[cut_index][0] < start:
            cut_index += 1
        if (cut_index == len(cuts) or cuts[cut_index][1] > end) and end - start <= _MAX_UNIT:
            units.append((start, end, is_list))  # one sentence: already trimmed
            continue
        cursor = start
        while cut_index < len(cuts) and cuts[cut_index][1] <= end:
            if not is_list:
                _append(units, text, cursor, cuts[cut_index][0], is_list)
                cursor = cuts[cut_index][1]
            cut_index += 1
        _append(units, text, cursor, end, is_list)
    return units


def _sentence_cuts(text: str) -> list[tuple[int, int]]:
    """(start, end) of each cut between sentences, in order (cuts of different marks never
    overlap: a cut holds its mark, a comma and spaces)."""
    cuts = [
        (m.start() if m.start(1) >= 0 else m.start() + 1, m.end()) for m in _DOT_END.finditer(text)
    ]
    others = [
        (m.start() + 1, m.end())
        for mark, regex in _MARK_ENDS
        if mark in text
        for m in regex.finditer(text)
    ]
    return sorted(cuts + others) if others else cuts


def _may_be_list(text: str, start: int, end: int) -> bool:
    """Whether the label of a list line could start the block (after a bullet): a cheap test
    that spares the regex most blocks."""
    if text[start] in "-*\u2022":
        start += 1
        while start < end and text[start].isspace():
            start += 1
    return start < end and text[start] in _LIST_LABEL_STARTS


def _append(units: list[Unit], text: str, start: int, end: int, is_list: bool) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    start += len(piece) - len(piece.lstrip())
    end = start + len(stripped)
    while end - start > _MAX_UNIT:
        cut = text.rfind(" ", start, start + _MAX_UNIT)
        cut = cut if cut > start else start + _MAX_UNIT
        units.append((start, cut, is_list))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        units.append((start, end, is_list))
