"""Date ranges in their many written forms, and years of experience from merged ranges."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from hireloop.screening.found import FoundRange

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
_POINT = (
    rf"(?:{_MONTH_NAME},?\s*(?:{_YEAR}|'\d\d)"
    rf"|{_MONTH_NUM}[/.]{_YEAR}"
    rf"|{_YEAR}[-/.]{_MONTH_NUM}(?:[-/.]\d{{1,2}})?(?!\d)"
    rf"|{_YEAR})"
)
_NOW = r"(?:present|now|current(?:ly)?|today|ongoing|to date|date|till date)"
_SEPARATOR = r"\s*(?:-{1,2}|\u2013|\u2014|to|until|till|through|\u2192|~|>)\s*"
RANGE = re.compile(
    rf"(?<![\w/.])(?P<start>{_POINT}){_SEPARATOR}(?P<end>{_POINT}|{_NOW})(?![\w/])",
    re.IGNORECASE,
)
_SINCE = re.compile(rf"\bsince\s+(?P<start>{_POINT})(?![\w/])", re.IGNORECASE)
_JSON_START = re.compile(rf"startdate\s*[:=]\s*\"?(?P<start>{_POINT})", re.IGNORECASE)
_JSON_END = re.compile(rf"enddate\s*[:=]\s*\"?(?P<end>{_POINT})", re.IGNORECASE)


_NAMED_POINT = re.compile(r"([a-z]{3})[a-z]*\.?,?\s*('?\d{2,4})")
_DIGITS = re.compile(r"\d+")
_IS_NOW = re.compile(_NOW + r"\Z", re.IGNORECASE)
# Every range holds a year (19[5-9]d, 20dd) or a 'YY: ranges are only looked for around these.
_BEFORE_YEAR = 16  # "September, 2019"
_AFTER_YEAR = 36  # "2019 - September 2021", "'19 - till date"


def parse_point(token: str, *, is_end: bool) -> date | None:
    """A single written date; a bare year means January (start) or December (end)."""
    lowered = token.lower().strip().rstrip(".")
    name = _NAMED_POINT.match(lowered)
    if name:
        month = _MONTHS.get(name.group(1))
        digits = name.group(2).lstrip("'")
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
        return date(year, month, 1) if month else None
    numbers = [int(n) for n in _DIGITS.findall(lowered)]
    if not numbers:
        return None
    if len(numbers) == 1:
        return date(numbers[0], 12 if is_end else 1, 1)
    if numbers[0] > 1900:
        return date(numbers[0], numbers[1], 1)
    return date(numbers[1], numbers[0], 1)


def _make(
    start_text: str, end_text: str | None, offset: int, text: str, as_of: date
) -> FoundRange | None:
    span = _span(start_text, end_text, as_of)
    if span is None:
        return None
    start, end, is_current = span
    return FoundRange(start, end, is_current, text, offset)


@lru_cache(maxsize=4096)
def _span(start_text: str, end_text: str | None, as_of: date) -> tuple[date, date, bool] | None:
    """(start, end, is current) of a written range, or None when it is not a valid one (a
    pure function of its texts and the date; cached, as the same dates come back often)."""
    start = parse_point(start_text, is_end=False)
    is_current = end_text is None or bool(_IS_NOW.match(end_text.strip()))
    end = as_of if is_current or end_text is None else parse_point(end_text, is_end=True)
    if start is None or end is None:
        return None
    end = min(end, as_of)
    if start > as_of or end < start or (end.year - start.year) > 50:
        return None
    return start, end, is_current


def _year_tokens(text: str) -> list[tuple[int, int]]:
    """(start, end) of each year-like token, leftmost first and not overlapping, as a regex
    scan would find them; `str.find` skips to the candidates far faster than a regex."""
    found: list[tuple[int, int]] = []
    # (what the token starts with, its length, the digits its next digit may be: any if empty)
    for lead, length, next_digits in (("19", 4, "56789"), ("20", 4, ""), ("'", 3, "")):
        position = text.find(lead)
        while position >= 0:
            digits = text[position + len(lead) : position + length]
            if (
                len(digits) == length - len(lead)
                and digits.isdecimal()
                and (not next_digits or digits[0] in next_digits)
            ):
                found.append((position, position + length))
            position = text.find(lead, position + 1)
    found.sort()
    tokens: list[tuple[int, int]] = []
    for start, end in found:
        if not tokens or start >= tokens[-1][1]:
            tokens.append((start, end))
    return tokens


def _year_windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches of text around each year, where a range can be."""
    windows: list[tuple[int, int]] = []
    for token_start, token_end in _year_tokens(text):
        start = max(0, token_start - _BEFORE_YEAR)
        end = min(len(text), token_end + _AFTER_YEAR)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def find_ranges(text: str, as_of: date, lowered: str | None = None) -> list[FoundRange]:
    """Every date range in the text, in order of appearance.

    `lowered` (the text lower-cased, any length) only lets rarer forms be skipped quickly.
    """
    found: list[FoundRange] = []
    for window_start, window_end in _year_windows(text):
        for match in RANGE.finditer(text, window_start, window_end):
            made = _make(match["start"], match["end"], match.start(), match.group(0), as_of)
            if made:
                found.append(made)
    if lowered is None or "since" in lowered:
        for match in _SINCE.finditer(text):
            made = _make(match["start"], None, match.start(), match.group(0), as_of)
            if made:
                found.append(made)
    if lowered is None or "startdate" in lowered:
        for match in _JSON_START.finditer(text):
            window = text[match.end() : match.end() + 200]
            end_match = _JSON_END.search(window)
            next_start = _JSON_START.search(window)
            if end_match and (next_start is None or end_match.start() < next_start.start()):
                end_text: str | None = end_match["end"]
            else:
                end_text = None
            made = _make(match["start"], end_text, match.start(), match.group(0), as_of)
            if made:
                found.append(made)
    found.sort(key=lambda r: r.offset)
    return found


def merged_years(ranges: list[FoundRange]) -> float | None:
    """Total years covered by the ranges, counting overlapping time once."""
    if not ranges:
        return None
    spans = sorted((r.start, r.end) for r in ranges)
    total_days = 0
    current_start, current_end = spans[0]
    for start, end in spans[1:]:
        if start <= current_end:
            current_end = max(current_end, end)
        else:
            total_days += (current_end - current_start).days
            current_start, current_end = start, end
    total_days += (current_end - current_start).days
    return round(total_days / 365.25, 1)


def age_years(range_: FoundRange, as_of: date) -> float:
    """How long ago the range ended, in years (0 for a current role)."""
    if range_.is_current:
        return 0.0
    return round(max(0, (as_of - range_.end).days) / 365.25, 1)
