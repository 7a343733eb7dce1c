"""Calibration: who rates above or below the panel, and whether loops pass often enough."""

from __future__ import annotations

from datetime import date

import pytest

from hireloop.interviews import LoopRecord, Scorecard, interviewer_calibration, pass_rates
from hireloop.interviews.scoring import Decision
from hireloop.reference.loop import PassRateTarget


def _card(interviewer: str, *ratings: int) -> Scorecard:
    return Scorecard(
        block="deep_dive",
        interviewer=interviewer,
        ratings={f"q{i}": r for i, r in enumerate(ratings)},
        recommendation="hire",
    )


def _loop(
    loop_id: str, *cards: Scorecard, brief: str = "b1", decision: Decision = "hire"
) -> LoopRecord:
    return LoopRecord(loop_id=loop_id, brief_id=brief, cards=list(cards), decision=decision)


def test_each_interviewer_is_compared_with_the_rest_of_the_panel_in_the_same_loops() -> None:
    loops = [
        _loop("L1", _card("Ana", 4, 4), _card("Ben", 2)),
        _loop("L2", _card("Ana", 3), _card("Cy", 3, 1)),
    ]

    by_name = {c.interviewer: c for c in interviewer_calibration(loops)}

    ana = by_name["Ana"]
    # Ana gave 4, 4, 3; the others in her loops gave 2, 3, 1
    assert ana.mean_rating == pytest.approx(11 / 3)
    assert ana.panel_mean == pytest.approx(2.0)
    assert ana.difference == pytest.approx(5 / 3)
    assert (ana.n_ratings, ana.n_loops, ana.panel_n_ratings) == (3, 2, 3)
    # Ben sat only in L1, beside Ana's 4 and 4
    assert by_name["Ben"].difference == pytest.approx(-2.0)
    assert (by_name["Ben"].n_loops, by_name["Ben"].panel_n_ratings) == (1, 2)
    # Cy gave 3 and 1 beside Ana's 3
    assert by_name["Cy"].difference == pytest.approx(-1.0)


def test_an_interviewer_who_always_sat_alone_has_no_panel_to_compare_with() -> None:
    [solo] = interviewer_calibration([_loop("L1", _card("Ana", 3, 4))])

    assert solo.mean_rating == pytest.approx(3.5)
    assert solo.panel_mean is None
    assert solo.difference is None


def test_the_pass_rate_counts_hire_or_better_among_decided_loops() -> None:
    loops = [
        _loop("L1", brief="b1", decision="hire"),
        _loop("L2", brief="b1", decision="strong_hire"),
        _loop("L3", brief="b1", decision="no_hire"),
        _loop("L4", brief="b1", decision="incomplete"),
    ]

    [rate] = pass_rates(loops)

    assert (rate.loops, rate.decided, rate.passed) == (4, 3, 2)
    assert rate.pass_rate == pytest.approx(2 / 3)
    assert rate.meets_target is False


def test_the_pass_rate_is_judged_against_the_guides_70_percent_target() -> None:
    loops = [_loop(f"L{i}", brief="b2", decision="hire") for i in range(3)]
    loops.append(_loop("L9", brief="b2", decision="no_hire"))

    [rate] = pass_rates(loops)

    assert rate.pass_rate == pytest.approx(0.75)
    assert rate.target == pytest.approx(0.70)
    assert "KORE1" in rate.target_source
    assert rate.meets_target is True


def test_a_brief_with_no_decided_loop_has_no_pass_rate_yet() -> None:
    [rate] = pass_rates([_loop("L1", brief="b3", decision="incomplete")])

    assert (rate.decided, rate.pass_rate, rate.meets_target) == (0, None, None)


def test_pass_rates_are_reported_per_brief_against_a_chosen_target() -> None:
    loops = [
        _loop("L1", brief="alpha", decision="hire"),
        _loop("L2", brief="beta", decision="no_hire"),
        _loop("L3", brief="beta", decision="hire"),
    ]
    target = PassRateTarget(value=0.5, source="our team", as_of=date(2026, 5, 1))

    rates = {r.brief_id: r for r in pass_rates(loops, target)}

    assert rates["alpha"].pass_rate == 1.0
    assert rates["beta"].pass_rate == 0.5
    assert rates["beta"].meets_target is True
