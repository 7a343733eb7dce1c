"""The structured interview loop: plan, scorecards, decision, calibration and calendar invite.

The engines (plan, scoring, calibration, ics, cards) are pure: no database, no
web, no clock. models/repository/service/scorecard_service store the loop; routes/pages the edge.
"""

from hireloop.interviews.calibration import (
    BriefPassRate,
    InterviewerCalibration,
    LoopRecord,
    interviewer_calibration,
    pass_rates,
)
from hireloop.interviews.ics import loop_ics
from hireloop.interviews.plan import (
    LoopPlan,
    PlannedBlock,
    PlannedQuestion,
    plan_loop,
    split_minutes,
    validate_weights,
)
from hireloop.interviews.scoring import (
    Decision,
    LoopDecision,
    Recommendation,
    RedFlagHit,
    Scorecard,
    block_score,
    decide,
)

__all__ = [
    "BriefPassRate",
    "Decision",
    "InterviewerCalibration",
    "LoopDecision",
    "LoopPlan",
    "LoopRecord",
    "PlannedBlock",
    "PlannedQuestion",
    "Recommendation",
    "RedFlagHit",
    "Scorecard",
    "block_score",
    "decide",
    "interviewer_calibration",
    "loop_ics",
    "pass_rates",
    "plan_loop",
    "split_minutes",
    "validate_weights",
]
