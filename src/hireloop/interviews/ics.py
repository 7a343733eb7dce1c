"""The loop as an iCalendar file (RFC 5545): one event per block, back to back.

The invite carries each block's name, length, interviewer and purpose, never its questions,
since it is meant to be sent to the candidate too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from hireloop.interviews.errors import InvalidSchedule
from hireloop.interviews.plan import PlannedBlock

PRODID = "-//hireloop//interview loop//EN"
MAX_LINE_OCTETS = 75


def loop_ics(
    candidate_name: str,
    brief_title: str,
    start: datetime,
    blocks: Sequence[PlannedBlock],
    uid_seed: str,
    break_minutes: int = 0,
) -> str:
    """A calendar with the blocks back to back from `start`, with optional breaks between."""
    if start.tzinfo is None or start.utcoffset() is None:
        raise InvalidSchedule("the loop start needs a time zone", detail={"start": str(start)})
    if break_minutes < 0:
        raise InvalidSchedule(f"breaks cannot be negative ({break_minutes} minutes)")
    timed = [b for b in blocks if b.minutes > 0]
    if not timed:
        raise InvalidSchedule("the loop has no block to put on the calendar")

    stamp = start.astimezone(UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    cursor = stamp
    for index, block in enumerate(timed):
        end = cursor + timedelta(minutes=block.minutes)
        description = "\n".join(
            [
                f"Interview loop for {brief_title}",
                f"{block.name}: {block.minutes} minutes, {block.weight}% of the decision",
                f"Interviewer: {block.interviewer or 'to be confirmed'}",
                block.purpose,
            ]
        )
        lines += _event(
            uid=_uid(uid_seed, block.block),
            stamp=stamp,
            start=cursor,
            end=end,
            summary=f"{block.name}: {candidate_name}",
            description=description,
        )
        cursor = end
        if break_minutes and index < len(timed) - 1:
            end = cursor + timedelta(minutes=break_minutes)
            lines += _event(
                uid=_uid(uid_seed, f"break-{index + 1}"),
                stamp=stamp,
                start=cursor,
                end=end,
                summary=f"Break: {candidate_name}",
                description=f"Break in the interview loop for {brief_title}",
                transparent=True,
            )
            cursor = end
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets without splitting a character."""
    pieces: list[str] = []
    current, size, limit = "", 0, MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = " ", 1, MAX_LINE_OCTETS
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def _event(
    *,
    uid: str,
    stamp: datetime,
    start: datetime,
    end: datetime,
    summary: str,
    description: str,
    transparent: bool = False,
) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(start)}",
        f"DTEND:{_utc(end)}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"TRANSP:{'TRANSPARENT' if transparent else 'OPAQUE'}",
        "END:VEVENT",
    ]


def _uid(seed: str, part: str) -> str:
    digest = hashlib.sha256(f"{seed}\x00{part}".encode()).hexdigest()[:32]
    return f"{digest}-{part}@hireloop"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
