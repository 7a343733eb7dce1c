"""Plan a loop from a brief's stack: blocks, minutes from weights, interviewers and questions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from hireloop.interviews.errors import InvalidWeights, NoQuestionFits, UnknownBlock
from hireloop.reference.loop import BLOCK_IDS, BlockId, LoopTemplate, load_loop_template
from hireloop.reference.questions import Question, QuestionBank, RedFlag, load_question_bank


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PlannedQuestion(_Frozen):
    id: str
    text: str
    signal: str
    good_answer: list[str]
    red_flags: list[RedFlag]
    core: bool


class PlannedBlock(_Frozen):
    block: BlockId
    name: str
    purpose: str
    minutes: int
    weight: int
    interviewer: str | None
    questions: list[PlannedQuestion]


class LoopPlan(_Frozen):
    total_minutes: int
    stack: list[str]
    involves_llm: bool
    weights_source: str
    weights_as_of: date
    blocks: list[PlannedBlock]

    @property
    def weights(self) -> dict[BlockId, int]:
        return {b.block: b.weight for b in self.blocks}

    def block(self, block_id: str) -> PlannedBlock | None:
        return next((b for b in self.blocks if b.block == block_id), None)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def validate_weights(weights: Mapping[str, int]) -> dict[BlockId, int]:
    """Whole numbers >= 0 for exactly the four blocks, totalling 100; else InvalidWeights."""
    unknown = sorted(set(weights) - set(BLOCK_IDS))
    missing = [b for b in BLOCK_IDS if b not in weights]
    if unknown or missing:
        raise InvalidWeights(
            f"weights must be given for exactly {', '.join(BLOCK_IDS)}",
            detail={"unknown": unknown, "missing": missing},
        )
    for block in BLOCK_IDS:
        value = weights[block]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InvalidWeights(
                f"the weight of {block} must be a whole number of 0 or more, not {value!r}",
                detail={"block": block, "weight": value},
            )
    total = sum(weights[b] for b in BLOCK_IDS)
    if total != 100:
        raise InvalidWeights(
            f"block weights must total 100; these total {total}",
            detail={"total": total, "weights": {b: weights[b] for b in BLOCK_IDS}},
        )
    return {b: weights[b] for b in BLOCK_IDS}


def split_minutes(weights: Mapping[BlockId, int], total_minutes: int) -> dict[BlockId, int]:
    """Share the loop's minutes by weight in whole minutes that add up to the total.

    Each block gets the whole part of its share; leftover minutes go one each to the largest
    fractional parts, ties to the block that comes first in the loop.
    """
    exact = {b: weights[b] * total_minutes for b in weights}  # hundredths of a minute
    minutes = {b: share // 100 for b, share in exact.items()}
    leftover = total_minutes - sum(minutes.values())
    order = sorted(weights, key=lambda b: (-(exact[b] % 100), BLOCK_IDS.index(b)))
    for block in order[:leftover]:
        minutes[block] += 1
    return minutes


def choose_questions(
    bank: QuestionBank,
    block: BlockId,
    count: int,
    stack: Sequence[str],
    *,
    involves_llm: bool,
) -> list[Question]:
    """Fitting questions: core first, then ones tailored to this brief, in bank order."""
    fitting = [q for q in bank.for_block(block) if q.fits.matches(stack, involves_llm=involves_llm)]

    def tailored(q: Question) -> bool:
        return q.takes_stack or q.fits.llm != "any" or q.fits.names_stack(stack)

    ranked = sorted(fitting, key=lambda q: (not q.core, not tailored(q)))
    return ranked[:count]


def plan_loop(
    stack: Sequence[str],
    *,
    involves_llm: bool,
    weights: Mapping[str, int] | None = None,
    interviewers: Mapping[str, str] | None = None,
    bank: QuestionBank | None = None,
    template: LoopTemplate | None = None,
) -> LoopPlan:
    """The loop for one brief. Blocks weighted 0 are left out of the plan."""
    template = template or load_loop_template()
    bank = bank or load_question_bank()
    chosen_weights = validate_weights(weights if weights is not None else template.weights)
    interviewers = dict(interviewers or {})
    stray = sorted(set(interviewers) - set(BLOCK_IDS))
    if stray:
        raise UnknownBlock(
            f"interviewers given for unknown blocks: {', '.join(stray)}",
            detail={"unknown": stray, "blocks": list(BLOCK_IDS)},
        )
    brief_stack = [s.strip() for s in stack if s.strip()]
    minutes = split_minutes(chosen_weights, template.total_minutes)
    blocks: list[PlannedBlock] = []
    for block_template in template.blocks:
        block = block_template.id
        if chosen_weights[block] == 0:
            continue
        questions = choose_questions(
            bank, block, block_template.question_count, brief_stack, involves_llm=involves_llm
        )
        if not questions:
            raise NoQuestionFits(f"no question in the bank fits the {block} block for this brief")
        blocks.append(
            PlannedBlock(
                block=block,
                name=block_template.name,
                purpose=block_template.purpose,
                minutes=minutes[block],
                weight=chosen_weights[block],
                interviewer=interviewers.get(block),
                questions=[_planned(q, brief_stack) for q in questions],
            )
        )
    return LoopPlan(
        total_minutes=template.total_minutes,
        stack=brief_stack,
        involves_llm=involves_llm,
        weights_source=template.weights_source if weights is None else "custom",
        weights_as_of=template.weights_as_of,
        blocks=blocks,
    )


def _planned(question: Question, stack: Sequence[str]) -> PlannedQuestion:
    return PlannedQuestion(
        id=question.id,
        text=question.text_for(stack),
        signal=question.signal,
        good_answer=list(question.good_answer),
        red_flags=list(question.red_flags),
        core=question.core,
    )
