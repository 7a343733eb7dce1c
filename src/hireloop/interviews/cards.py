"""Raw scorecard input (a form or a JSON body) checked against the plan, ticks as item indices.

Pure: it only reads the plan and the question bank. Every problem is reported per field as
{"field", "error"} and nothing is half-accepted: either the whole card is valid or it raises.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, get_args

from hireloop.interviews.errors import InvalidScorecard, RatingOutOfRange
from hireloop.interviews.plan import LoopPlan
from hireloop.interviews.scoring import Recommendation, Scorecard, decide
from hireloop.kit.errors import HireloopError
from hireloop.reference.loop import RATING_MAX, RATING_MIN
from hireloop.reference.questions import load_question_bank

RECOMMENDATIONS: tuple[str, ...] = get_args(Recommendation)


@dataclass(frozen=True)
class CheckedCard:
    """A valid card: ratings, and ticks as indices into each question's lists."""

    ratings: dict[str, int]
    good_ticks: dict[str, list[int]]
    red_flag_ticks: dict[str, list[int]]
    notes: str
    recommendation: str


def check_card(
    plan: LoopPlan, block: str, interviewer: str, data: Mapping[str, Any]
) -> CheckedCard:
    """Validate one card for `block` of `plan`; raises a typed InvalidInput with field details."""
    ratings = _ratings(data.get("ratings"))
    card = Scorecard.parse(
        {
            "block": block,
            "interviewer": interviewer,
            "ratings": ratings,
            "good_answer_ticks": data.get("good_answer_ticks") or {},
            "red_flag_ticks": data.get("red_flag_ticks") or {},
            "notes": data.get("notes") or "",
            "recommendation": data.get("recommendation"),
        }
    )
    try:
        decide(plan, [card])  # checks the block, the question ids and every tick
    except HireloopError as exc:
        raise type(exc)(exc.message, detail=[_field_of(exc)]) from exc
    return CheckedCard(
        ratings=dict(card.ratings),
        good_ticks={
            q: _indices(ticks, question_items(plan, q)[0])
            for q, ticks in card.good_answer_ticks.items()
            if ticks
        },
        red_flag_ticks={
            q: _indices(ticks, question_items(plan, q)[1])
            for q, ticks in card.red_flag_ticks.items()
            if ticks
        },
        notes=card.notes,
        recommendation=card.recommendation,
    )


def question_items(plan: LoopPlan, question_id: str) -> tuple[list[str], list[str]]:
    """A question's good-answer items and red-flag texts: the plan's version, else the bank's."""
    for planned in plan.blocks:
        for q in planned.questions:
            if q.id == question_id:
                return list(q.good_answer), [f.text for f in q.red_flags]
    found = load_question_bank().get(question_id)
    if found is None:
        return [], []
    return list(found.good_answer), [f.text for f in found.red_flags]


def _ratings(raw: object) -> dict[str, int]:
    if not isinstance(raw, Mapping) or not raw:
        raise InvalidScorecard(
            "rate at least one question",
            detail=[{"field": "ratings", "error": "rate at least one question"}],
        )
    problems: list[dict[str, str]] = []
    ratings: dict[str, int] = {}
    for question, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(
                {
                    "field": f"ratings.{question}",
                    "error": f"the rating for question {question} must be a whole number "
                    f"{RATING_MIN}-{RATING_MAX}, not {value!r}",
                }
            )
        elif not RATING_MIN <= value <= RATING_MAX:
            problems.append(
                {
                    "field": f"ratings.{question}",
                    "error": f"rating {value} for question {question} is outside "
                    f"{RATING_MIN}-{RATING_MAX}",
                }
            )
        else:
            ratings[str(question)] = value
    if problems:
        raise RatingOutOfRange(problems[0]["error"], detail=problems)
    return ratings


def _field_of(exc: HireloopError) -> dict[str, str]:
    detail = exc.detail if isinstance(exc.detail, Mapping) else {}
    if detail.get("question"):
        field = f"question.{detail['question']}"
    elif detail.get("block"):
        field = "block"
    else:
        field = "scorecard"
    return {"field": field, "error": exc.message}


def _indices(ticks: Sequence[int | str], items: Sequence[str]) -> list[int]:
    folded = [" ".join(item.split()).casefold() for item in items]
    found: list[int] = []
    for tick in ticks:
        index = tick if isinstance(tick, int) else folded.index(" ".join(tick.split()).casefold())
        if index not in found:
            found.append(index)
    return sorted(found)
