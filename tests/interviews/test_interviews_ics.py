"""The loop as a calendar file any calendar app can import (RFC 5545)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from hireloop.interviews import LoopPlan, loop_ics, plan_loop
from hireloop.interviews.errors import InvalidSchedule

START = datetime(2026, 6, 2, 9, 30, tzinfo=ZoneInfo("America/New_York"))


@pytest.fixture
def plan() -> LoopPlan:
    return plan_loop(
        ["PyTorch"], involves_llm=True, interviewers={"system_design": "Priya Rao, Staff MLE"}
    )


def unescape(value: str) -> str:
    out: list[str] = []
    chars = iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars)
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(char)
    return "".join(out)


def parse_events(ics: str) -> list[dict[str, str]]:
    """Unfold the content lines and read each VEVENT's properties back."""
    unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "")
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in unfolded.split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = unescape(value)
    return events


def at(stamp: str) -> datetime:
    return datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def test_the_file_is_a_calendar_with_crlf_lines(plan: LoopPlan) -> None:
    ics = loop_ics("Jane Doe", "Ranking model", START, plan.blocks, uid_seed="loop-1")

    assert ics.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert ics.endswith("END:VCALENDAR\r\n")
    assert ics.count("\n") == ics.count("\r\n")


def test_one_event_per_block_back_to_back_in_utc(plan: LoopPlan) -> None:
    events = parse_events(loop_ics("Jane Doe", "Ranking model", START, plan.blocks, "loop-1"))

    assert len(events) == len(plan.blocks)
    assert at(events[0]["DTSTART"]) == START
    for event, block in zip(events, plan.blocks, strict=True):
        assert event["DTSTART"].endswith("Z")
        assert at(event["DTEND"]) - at(event["DTSTART"]) == timedelta(minutes=block.minutes)
        assert event["SUMMARY"] == f"{block.name}: Jane Doe"
    for earlier, later in pairwise(events):
        assert earlier["DTEND"] == later["DTSTART"]
    assert at(events[-1]["DTEND"]) == START + timedelta(minutes=240)


def test_the_stamp_is_the_start_so_the_same_loop_gives_the_same_file(plan: LoopPlan) -> None:
    first = loop_ics("Jane Doe", "Ranking model", START, plan.blocks, "loop-1")
    again = loop_ics("Jane Doe", "Ranking model", START, plan.blocks, "loop-1")

    assert first == again
    assert {at(e["DTSTAMP"]) for e in parse_events(first)} == {START}


def test_uids_are_unique_per_event_and_change_with_the_seed(plan: LoopPlan) -> None:
    one = parse_events(loop_ics("Jane Doe", "Ranking model", START, plan.blocks, "loop-1"))
    two = parse_events(loop_ics("Jane Doe", "Ranking model", START, plan.blocks, "loop-2"))

    uids_one = [e["UID"] for e in one]
    assert len(set(uids_one)) == len(uids_one)
    assert set(uids_one).isdisjoint(e["UID"] for e in two)


def test_breaks_sit_between_blocks(plan: LoopPlan) -> None:
    events = parse_events(
        loop_ics("Jane Doe", "Ranking model", START, plan.blocks, "loop-1", break_minutes=15)
    )

    breaks = [e for e in events if e["SUMMARY"].startswith("Break")]
    assert len(breaks) == len(plan.blocks) - 1
    assert all(at(b["DTEND"]) - at(b["DTSTART"]) == timedelta(minutes=15) for b in breaks)
    assert at(events[-1]["DTEND"]) == START + timedelta(minutes=240 + 15 * len(breaks))


def test_commas_semicolons_backslashes_and_newlines_survive_the_round_trip(
    plan: LoopPlan,
) -> None:
    name = "Doe, Jane; PhD \\ ML"
    title = "Search relevance; phase 2,\nranking"

    ics = loop_ics(name, title, START, plan.blocks, "loop-1")
    events = parse_events(ics)

    assert "SUMMARY:ML system design: Doe\\, Jane\\; PhD \\\\ ML" in ics.replace("\r\n ", "")
    assert events[0]["SUMMARY"] == f"ML system design: {name}"
    assert title in events[0]["DESCRIPTION"]
    assert "Priya Rao, Staff MLE" in events[0]["DESCRIPTION"]


def test_long_lines_are_folded_at_75_octets_without_splitting_characters(
    plan: LoopPlan,
) -> None:
    title = "Détection de fraude en temps réel — 日本語の文書検索 " * 4

    ics = loop_ics("Zoë Ångström", title, START, plan.blocks, "loop-1")

    physical = ics.encode("utf-8").split(b"\r\n")
    assert max(len(line) for line in physical) <= 75
    assert any(line.startswith(b" ") for line in physical)
    for line in physical:
        line.decode("utf-8")  # no character cut in half
    assert title.strip() in parse_events(ics)[0]["DESCRIPTION"]


def test_questions_stay_out_of_the_invite(plan: LoopPlan) -> None:
    ics = loop_ics("Jane Doe", "Ranking model", START, plan.blocks, "loop-1")
    unfolded = "".join(e["DESCRIPTION"] for e in parse_events(ics))

    assert all(q.text not in unfolded for b in plan.blocks for q in b.questions)


def test_a_start_without_a_time_zone_is_refused(plan: LoopPlan) -> None:
    with pytest.raises(InvalidSchedule):
        loop_ics("Jane Doe", "Ranking model", datetime(2026, 6, 2, 9, 30), plan.blocks, "x")


def test_negative_breaks_and_empty_loops_are_refused(plan: LoopPlan) -> None:
    with pytest.raises(InvalidSchedule):
        loop_ics("Jane Doe", "Ranking model", START, plan.blocks, "x", break_minutes=-5)
    with pytest.raises(InvalidSchedule):
        loop_ics("Jane Doe", "Ranking model", START, [], "x")
