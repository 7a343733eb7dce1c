"""Scorecards, block scores and the weighted loop decision, with every step of the arithmetic.

Rules, in order:
- A scorecard's block score is the plain mean of its question ratings (1-4).
- When several interviewers score one block, the block score is the mean of their card scores,
  so each interviewer counts once however many questions they rated.
- The loop score is the sum of block score x block weight / 100.
- Until every block of the plan has a scorecard the decision is `incomplete`.
- Otherwise the score is compared with the thresholds (at or above `strong_hire`, at or above
  `hire`, else `no_hire`), and a disqualifying red flag ticked on any card caps it at `no_hire`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, ValidationError, model_validator

from hireloop.interviews.errors import (
    BlockNotInPlan,
    InvalidScorecard,
    RatingOutOfRange,
    UnknownQuestion,
)
from hireloop.interviews.plan import LoopPlan, validate_weights
from hireloop.reference.loop import (
    RATING_MAX,
    RATING_MIN,
    DecisionThresholds,
    load_loop_template,
)
from hireloop.reference.questions import QuestionBank, RedFlag, load_question_bank

Recommendation = Literal["strong_hire", "hire", "no_hire", "strong_no_hire"]
Decision = Literal["strong_hire", "hire", "no_hire", "incomplete"]
Tick = StrictInt | str


class Scorecard(BaseModel):
    """One interviewer's independent scorecard for one block of the loop.

    Ticks name a good-answer item or red flag of a question by its index or its exact text.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    block: str
    interviewer: str = Field(min_length=1)
    ratings: dict[str, StrictInt]
    good_answer_ticks: dict[str, list[Tick]] = Field(default_factory=dict)
    red_flag_ticks: dict[str, list[Tick]] = Field(default_factory=dict)
    notes: str = ""
    recommendation: Recommendation

    @model_validator(mode="after")
    def _ratings_on_the_scale(self) -> Scorecard:
        if not self.ratings:
            raise InvalidScorecard(
                f"the {self.block} scorecard of {self.interviewer} rates nothing"
            )
        for question_id, rating in self.ratings.items():
            if not RATING_MIN <= rating <= RATING_MAX:
                raise RatingOutOfRange(
                    f"rating {rating} for question {question_id} is outside "
                    f"{RATING_MIN}-{RATING_MAX}",
                    detail={"question": question_id, "rating": rating},
                )
        return self

    @classmethod
    def parse(cls, data: Mapping[str, Any]) -> Scorecard:
        """Validate raw input, turning schema errors into a typed InvalidScorecard."""
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            fields = [
                {"field": ".".join(str(p) for p in err["loc"]), "error": err["msg"]}
                for err in exc.errors()
            ]
            raise InvalidScorecard("the scorecard is not valid", detail=fields) from exc


class RedFlagHit(BaseModel):
    model_config = ConfigDict(frozen=True)

    block: str
    interviewer: str
    question_id: str
    text: str


class LoopDecision(BaseModel):
    model_config = ConfigDict(frozen=True)

    decision: Decision
    score: float | None
    block_scores: dict[str, float]
    missing_blocks: list[str]
    disqualifiers: list[RedFlagHit]
    reasons: list[str]
    arithmetic: list[str]
    thresholds: DecisionThresholds


def block_score(card: Scorecard) -> float:
    """The mean of the card's question ratings."""
    return float(_mean([Fraction(r) for r in card.ratings.values()]))


def decide(
    plan: LoopPlan | Mapping[str, int],
    cards: Sequence[Scorecard],
    thresholds: DecisionThresholds | None = None,
    *,
    bank: QuestionBank | None = None,
) -> LoopDecision:
    """The weighted loop decision from the plan (or block weights) and its scorecards."""
    thresholds = thresholds or load_loop_template().thresholds
    bank = bank or load_question_bank()
    weights = _plan_weights(plan)
    lookup = _QuestionLookup(plan if isinstance(plan, LoopPlan) else None, bank)
    _check_cards(cards, weights, lookup)

    arithmetic: list[str] = []
    block_scores: dict[str, Fraction] = {}
    contributions: list[Fraction] = []
    for block, weight in weights.items():
        block_cards = [c for c in cards if c.block == block]
        if not block_cards:
            continue
        score, lines = _score_block(block, weight, block_cards)
        block_scores[block] = score
        contributions.append(score * weight / 100)
        arithmetic.extend(lines)

    missing = [b for b in weights if b not in block_scores]
    hits = [hit for card in cards for hit in _disqualifying_hits(card, lookup)]
    reasons = [
        f"disqualifying red flag in {h.block} ({h.interviewer}) on {h.question_id}: {h.text}"
        for h in hits
    ]
    if missing:
        arithmetic.append(f"no scorecard yet for: {', '.join(missing)}")
        return LoopDecision(
            decision="incomplete",
            score=None,
            block_scores={b: float(s) for b, s in block_scores.items()},
            missing_blocks=missing,
            disqualifiers=hits,
            reasons=[f"waiting for scorecards for: {', '.join(missing)}", *reasons],
            arithmetic=arithmetic,
            thresholds=thresholds,
        )

    total = sum(contributions, Fraction(0))
    arithmetic.append(f"loop score = {' + '.join(_fmt(c) for c in contributions)} = {_fmt(total)}")
    decision, threshold_line = _by_thresholds(total, thresholds)
    arithmetic.append(threshold_line)
    if hits and decision != "no_hire":
        cap = (
            f"capped at no_hire (the score alone gives {decision}):"
            f" {len(hits)} disqualifying red flag(s)"
        )
        arithmetic.append(cap)
        reasons.insert(0, cap)
        decision = "no_hire"
    else:
        reasons.insert(0, threshold_line)
    return LoopDecision(
        decision=decision,
        score=float(total),
        block_scores={b: float(s) for b, s in block_scores.items()},
        missing_blocks=[],
        disqualifiers=hits,
        reasons=reasons,
        arithmetic=arithmetic,
        thresholds=thresholds,
    )


class _QuestionLookup:
    """Finds a question's red flags and good answers: the plan's version first, then the bank's."""

    def __init__(self, plan: LoopPlan | None, bank: QuestionBank) -> None:
        self._items: dict[str, tuple[str, list[str], list[RedFlag]]] = {
            q.id: (q.block, list(q.good_answer), list(q.red_flags)) for q in bank.questions
        }
        for block in plan.blocks if plan else []:
            for pq in block.questions:
                self._items[pq.id] = (block.block, list(pq.good_answer), list(pq.red_flags))

    def get(self, card: Scorecard, question_id: str) -> tuple[list[str], list[RedFlag]]:
        found = self._items.get(question_id)
        if found is None or found[0] != card.block:
            raise UnknownQuestion(
                f"question {question_id} is not a {card.block} question",
                detail={"block": card.block, "question": question_id},
            )
        return found[1], found[2]


def _plan_weights(plan: LoopPlan | Mapping[str, int]) -> dict[str, int]:
    if isinstance(plan, LoopPlan):
        return {b: w for b, w in plan.weights.items()}
    return {b: w for b, w in validate_weights(plan).items() if w > 0}


def _check_cards(
    cards: Sequence[Scorecard], weights: Mapping[str, int], lookup: _QuestionLookup
) -> None:
    seen: set[tuple[str, str]] = set()
    for card in cards:
        if card.block not in weights:
            raise BlockNotInPlan(
                f"the loop has no {card.block} block; it has {', '.join(weights)}",
                detail={"block": card.block, "blocks": list(weights)},
            )
        if (card.block, card.interviewer) in seen:
            raise InvalidScorecard(f"{card.interviewer} has two scorecards for {card.block}")
        seen.add((card.block, card.interviewer))
        for question_id in card.ratings:
            lookup.get(card, question_id)
        for question_id, ticks in card.good_answer_ticks.items():
            _resolve(ticks, lookup.get(card, question_id)[0], question_id, "good-answer item")
        for question_id, ticks in card.red_flag_ticks.items():
            texts = [f.text for f in lookup.get(card, question_id)[1]]
            _resolve(ticks, texts, question_id, "red flag")


def _resolve(
    ticks: Sequence[int | str], items: Sequence[str], question_id: str, kind: str
) -> list[int]:
    """Indices of ticked items; a tick is an index or the item's text (case and spacing ignored)."""
    folded = [" ".join(item.split()).casefold() for item in items]
    indices: list[int] = []
    for tick in ticks:
        if isinstance(tick, int):
            index = tick
        else:
            wanted = " ".join(tick.split()).casefold()
            index = folded.index(wanted) if wanted in folded else -1
        if not 0 <= index < len(items):
            raise InvalidScorecard(
                f"question {question_id} has no {kind} {tick!r}",
                detail={"question": question_id, "tick": tick, "choices": list(items)},
            )
        indices.append(index)
    return indices


def _disqualifying_hits(card: Scorecard, lookup: _QuestionLookup) -> list[RedFlagHit]:
    hits: list[RedFlagHit] = []
    for question_id, ticks in card.red_flag_ticks.items():
        flags = lookup.get(card, question_id)[1]
        for index in _resolve(ticks, [f.text for f in flags], question_id, "red flag"):
            if flags[index].disqualifying:
                hits.append(
                    RedFlagHit(
                        block=card.block,
                        interviewer=card.interviewer,
                        question_id=question_id,
                        text=flags[index].text,
                    )
                )
    return hits


def _score_block(block: str, weight: int, cards: Sequence[Scorecard]) -> tuple[Fraction, list[str]]:
    card_means = [_mean([Fraction(r) for r in c.ratings.values()]) for c in cards]
    if len(cards) == 1:
        score = card_means[0]
        ratings = ", ".join(str(r) for r in cards[0].ratings.values())
        head = f"{block}: mean({ratings}) = {_fmt(score)}"
        return score, [f"{head} x {weight}% = {_fmt(score * weight / 100)}"]
    lines = [
        f"{block} ({c.interviewer}): mean({', '.join(str(r) for r in c.ratings.values())})"
        f" = {_fmt(m)}"
        for c, m in zip(cards, card_means, strict=True)
    ]
    score = _mean(card_means)
    means = ", ".join(_fmt(m) for m in card_means)
    lines.append(
        f"{block}: mean of {len(cards)} interviewers ({means}) = {_fmt(score)}"
        f" x {weight}% = {_fmt(score * weight / 100)}"
    )
    return score, lines


def _by_thresholds(score: Fraction, thresholds: DecisionThresholds) -> tuple[Decision, str]:
    strong, hire = Fraction(str(thresholds.strong_hire)), Fraction(str(thresholds.hire))
    if score >= strong:
        return (
            "strong_hire",
            f"{_fmt(score)} >= {_fmt(strong)} (strong hire threshold): strong_hire",
        )
    if score >= hire:
        return "hire", (
            f"{_fmt(score)} >= {_fmt(hire)} (hire threshold) and < {_fmt(strong)}"
            " (strong hire threshold): hire"
        )
    return "no_hire", f"{_fmt(score)} < {_fmt(hire)} (hire threshold): no_hire"


def _mean(values: Sequence[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values)


def _fmt(value: Fraction) -> str:
    return f"{float(value):.2f}"
