"""Errors a user can cause when planning, scoring or scheduling an interview loop."""

from __future__ import annotations

from hireloop.kit.errors import InvalidInput


class InvalidWeights(InvalidInput):
    """Block weights that are not whole numbers >= 0 for the four blocks totalling 100."""

    code = "invalid_weights"


class UnknownBlock(InvalidInput):
    """A block id that is not one of the loop's blocks."""

    code = "unknown_block"


class BlockNotInPlan(InvalidInput):
    """A scorecard for a block the loop plan does not contain."""

    code = "block_not_in_plan"


class RatingOutOfRange(InvalidInput):
    """A question rating outside the 1-4 scale."""

    code = "rating_out_of_range"


class InvalidScorecard(InvalidInput):
    """A scorecard that is empty or ticks answers or flags its questions do not have."""

    code = "invalid_scorecard"


class UnknownQuestion(InvalidInput):
    """A question id that is not in the plan or the bank for that block."""

    code = "unknown_question"


class InvalidSchedule(InvalidInput):
    """A loop that cannot be put on a calendar as given (e.g. a start without a time zone)."""

    code = "invalid_schedule"


class NoQuestionFits(InvalidInput):
    """The question bank has no question for a block that suits this brief."""

    code = "no_question_fits"
