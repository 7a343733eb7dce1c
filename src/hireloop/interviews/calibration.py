"""Calibration across loops: how each interviewer rates against the panel, and loop pass rates.

- An interviewer's mean is the mean of every question rating they gave. Their panel mean is the
  mean of the ratings the other interviewers gave in the same loops, so candidate strength
  affects both sides alike. `difference` = interviewer mean - panel mean (positive = lenient).
- A brief's technical pass rate is the share of its decided loops (not `incomplete`) whose
  decision is `hire` or `strong_hire`, set against the target for pre-screened candidates.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction

from pydantic import BaseModel, ConfigDict, Field

from hireloop.interviews.scoring import Decision, Scorecard
from hireloop.reference.loop import PassRateTarget, load_loop_template

PASSING: frozenset[Decision] = frozenset({"hire", "strong_hire"})


class LoopRecord(BaseModel):
    """One candidate's loop: the brief it was for, its scorecards and its decision."""

    model_config = ConfigDict(frozen=True)

    loop_id: str = Field(min_length=1)
    brief_id: str = Field(min_length=1)
    cards: list[Scorecard]
    decision: Decision


class InterviewerCalibration(BaseModel):
    model_config = ConfigDict(frozen=True)

    interviewer: str
    mean_rating: float
    n_ratings: int
    n_loops: int
    panel_mean: float | None
    panel_n_ratings: int
    difference: float | None


class BriefPassRate(BaseModel):
    model_config = ConfigDict(frozen=True)

    brief_id: str
    loops: int
    decided: int
    passed: int
    pass_rate: float | None
    target: float
    target_source: str
    target_as_of: date
    meets_target: bool | None


def interviewer_calibration(loops: Sequence[LoopRecord]) -> list[InterviewerCalibration]:
    """Each interviewer's mean rating against the rest of the panel in the same loops."""
    ratings_by_loop: dict[str, list[tuple[str, int]]] = {}
    for loop in loops:
        given = ratings_by_loop.setdefault(loop.loop_id, [])
        given.extend((c.interviewer, r) for c in loop.cards for r in c.ratings.values())

    interviewers = sorted({who for given in ratings_by_loop.values() for who, _ in given})
    result: list[InterviewerCalibration] = []
    for interviewer in interviewers:
        own: list[int] = []
        panel: list[int] = []
        sat_in = 0
        for given in ratings_by_loop.values():
            mine = [r for who, r in given if who == interviewer]
            if not mine:
                continue
            sat_in += 1
            own.extend(mine)
            panel.extend(r for who, r in given if who != interviewer)
        own_mean = Fraction(sum(own), len(own))
        panel_mean = Fraction(sum(panel), len(panel)) if panel else None
        result.append(
            InterviewerCalibration(
                interviewer=interviewer,
                mean_rating=float(own_mean),
                n_ratings=len(own),
                n_loops=sat_in,
                panel_mean=None if panel_mean is None else float(panel_mean),
                panel_n_ratings=len(panel),
                difference=None if panel_mean is None else float(own_mean - panel_mean),
            )
        )
    return result


def pass_rates(
    loops: Sequence[LoopRecord], target: PassRateTarget | None = None
) -> list[BriefPassRate]:
    """Per brief: decided loops, how many passed, the pass rate and whether it meets the target."""
    target = target or load_loop_template().pass_rate_target
    result: list[BriefPassRate] = []
    for brief_id in sorted({loop.brief_id for loop in loops}):
        brief_loops = [loop for loop in loops if loop.brief_id == brief_id]
        decided = [loop for loop in brief_loops if loop.decision != "incomplete"]
        passed = sum(1 for loop in decided if loop.decision in PASSING)
        rate = Fraction(passed, len(decided)) if decided else None
        result.append(
            BriefPassRate(
                brief_id=brief_id,
                loops=len(brief_loops),
                decided=len(decided),
                passed=passed,
                pass_rate=None if rate is None else float(rate),
                target=target.value,
                target_source=target.source,
                target_as_of=target.as_of,
                meets_target=None if rate is None else rate >= Fraction(str(target.value)),
            )
        )
    return result
