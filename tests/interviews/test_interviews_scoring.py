"""Scorecards and the loop decision: weighted arithmetic, thresholds, disqualifiers, gaps."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from hireloop.interviews import LoopPlan, Scorecard, block_score, decide, plan_loop
from hireloop.interviews.errors import (
    BlockNotInPlan,
    InvalidScorecard,
    RatingOutOfRange,
    UnknownQuestion,
)
from hireloop.reference.loop import DecisionThresholds


@pytest.fixture
def plan() -> LoopPlan:
    return plan_loop(["PyTorch", "Kubernetes"], involves_llm=False)


def _ids(plan: LoopPlan, block: str) -> list[str]:
    planned = plan.block(block)
    assert planned is not None
    return [q.id for q in planned.questions]


def card(
    plan: LoopPlan,
    block: str,
    ratings: Sequence[int],
    *,
    interviewer: str = "Ana",
    red_flags: dict[str, list[int | str]] | None = None,
) -> Scorecard:
    """A card rating the block's planned questions in order with the given ratings."""
    return Scorecard(
        block=block,
        interviewer=interviewer,
        ratings=dict(zip(_ids(plan, block), ratings, strict=False)),
        red_flag_ticks=red_flags or {},
        recommendation="hire",
    )


def full_loop(plan: LoopPlan) -> list[Scorecard]:
    """system_design 3.5, deep_dive 3, behavioural 11/3, coding 2."""
    return [
        card(plan, "system_design", [3, 4]),
        card(plan, "deep_dive", [2, 3, 4]),
        card(plan, "behavioural", [4, 4, 3]),
        card(plan, "coding", [2, 2]),
    ]


def test_a_block_score_is_the_mean_of_the_card_ratings(plan: LoopPlan) -> None:
    assert block_score(card(plan, "deep_dive", [2, 3, 3])) == pytest.approx(8 / 3)


def test_the_loop_score_is_each_block_score_times_its_weight(plan: LoopPlan) -> None:
    decision = decide(plan, full_loop(plan))

    # 3.5 x 0.4 + 3 x 0.3 + 11/3 x 0.2 + 2 x 0.1 = 1.4 + 0.9 + 0.7333 + 0.2
    assert decision.score == pytest.approx(3.2333, abs=1e-4)
    assert decision.decision == "hire"
    assert decision.block_scores == pytest.approx(
        {"system_design": 3.5, "deep_dive": 3.0, "behavioural": 11 / 3, "coding": 2.0}
    )


def test_the_arithmetic_shows_every_step(plan: LoopPlan) -> None:
    lines = decide(plan, full_loop(plan)).arithmetic

    assert "system_design: mean(3, 4) = 3.50 x 40% = 1.40" in lines
    assert "deep_dive: mean(2, 3, 4) = 3.00 x 30% = 0.90" in lines
    assert "behavioural: mean(4, 4, 3) = 3.67 x 20% = 0.73" in lines
    assert "coding: mean(2, 2) = 2.00 x 10% = 0.20" in lines
    assert "loop score = 1.40 + 0.90 + 0.73 + 0.20 = 3.23" in lines
    assert any("hire threshold" in line and line.endswith(": hire") for line in lines)


def test_several_interviewers_on_one_block_count_once_each(plan: LoopPlan) -> None:
    cards = [
        card(plan, "system_design", [4, 4], interviewer="Ana"),
        card(plan, "system_design", [2], interviewer="Ben"),
        *full_loop(plan)[1:],
    ]

    decision = decide(plan, cards)

    # mean of the two card means (4 and 2), not of the three ratings
    assert decision.block_scores["system_design"] == pytest.approx(3.0)
    assert "system_design (Ben): mean(2) = 2.00" in decision.arithmetic
    assert any(
        line.startswith("system_design: mean of 2 interviewers") for line in decision.arithmetic
    )


def test_all_fours_is_a_strong_hire_and_all_twos_a_no_hire(plan: LoopPlan) -> None:
    blocks = [b.block for b in plan.blocks]

    strong = decide(plan, [card(plan, b, [4, 4, 4]) for b in blocks])
    weak = decide(plan, [card(plan, b, [2, 2, 2]) for b in blocks])

    assert (strong.decision, strong.score) == ("strong_hire", 4.0)
    assert (weak.decision, weak.score) == ("no_hire", 2.0)


def test_a_score_exactly_on_the_hire_threshold_is_a_hire(plan: LoopPlan) -> None:
    decision = decide(plan, [card(plan, b.block, [3, 3, 3]) for b in plan.blocks])

    assert decision.score == 3.0
    assert decision.decision == "hire"


def test_thresholds_are_configurable(plan: LoopPlan) -> None:
    stricter = DecisionThresholds(strong_hire=3.9, hire=3.3)

    decision = decide(plan, full_loop(plan), stricter)

    assert decision.decision == "no_hire"
    assert "3.23 < 3.30 (hire threshold): no_hire" in decision.arithmetic


def test_thresholds_with_hire_above_strong_hire_are_refused() -> None:
    with pytest.raises(ValueError):
        DecisionThresholds(strong_hire=3.0, hire=3.5)


def _disqualifying_index(plan: LoopPlan, block: str) -> tuple[str, int, str]:
    planned = plan.block(block)
    assert planned is not None
    for question in planned.questions:
        for index, flag in enumerate(question.red_flags):
            if flag.disqualifying:
                return question.id, index, flag.text
    raise AssertionError(f"no disqualifying red flag planned in {block}")


def test_a_disqualifying_red_flag_caps_a_strong_score_at_no_hire(plan: LoopPlan) -> None:
    question_id, index, text = _disqualifying_index(plan, "deep_dive")
    cards = [card(plan, b.block, [4, 4, 4]) for b in plan.blocks if b.block != "deep_dive"]
    cards.append(card(plan, "deep_dive", [4, 4, 4], red_flags={question_id: [index]}))

    decision = decide(plan, cards)

    assert decision.score == 4.0
    assert decision.decision == "no_hire"
    assert [(h.block, h.question_id, h.text) for h in decision.disqualifiers] == [
        ("deep_dive", question_id, text)
    ]
    assert any(question_id in reason and text in reason for reason in decision.reasons)


def test_a_red_flag_can_be_ticked_by_its_text(plan: LoopPlan) -> None:
    question_id, _, text = _disqualifying_index(plan, "system_design")
    cards = full_loop(plan)
    cards[0] = card(plan, "system_design", [3, 4], red_flags={question_id: [f"  {text.upper()} "]})

    assert decide(plan, cards).decision == "no_hire"


def test_a_red_flag_that_is_not_disqualifying_does_not_cap(plan: LoopPlan) -> None:
    planned = plan.block("coding")
    assert planned is not None
    question = planned.questions[0]
    minor = next(i for i, f in enumerate(question.red_flags) if not f.disqualifying)
    cards = [card(plan, b.block, [4, 4, 4]) for b in plan.blocks if b.block != "coding"]
    cards.append(card(plan, "coding", [4, 4], red_flags={question.id: [minor]}))

    decision = decide(plan, cards)

    assert decision.decision == "strong_hire"
    assert decision.disqualifiers == []


def test_the_loop_is_incomplete_until_every_block_has_a_scorecard(plan: LoopPlan) -> None:
    decision = decide(plan, full_loop(plan)[:3])

    assert decision.decision == "incomplete"
    assert decision.score is None
    assert decision.missing_blocks == ["coding"]
    assert "system_design: mean(3, 4) = 3.50 x 40% = 1.40" in decision.arithmetic


def test_decide_accepts_bare_block_weights(plan: LoopPlan) -> None:
    weights = {"system_design": 50, "deep_dive": 50, "behavioural": 0, "coding": 0}

    decision = decide(weights, full_loop(plan)[:2])

    # 3.5 x 0.5 + 3 x 0.5
    assert decision.score == pytest.approx(3.25)
    assert decision.decision == "hire"


def test_a_scorecard_for_a_block_not_in_the_plan_is_refused(plan: LoopPlan) -> None:
    weights = {"system_design": 50, "deep_dive": 50, "behavioural": 0, "coding": 0}
    stray = Scorecard(
        block="whiteboard", interviewer="Ana", ratings={"anything": 3}, recommendation="hire"
    )

    with pytest.raises(BlockNotInPlan):
        decide(weights, [*full_loop(plan)[:2], full_loop(plan)[3]])
    with pytest.raises(BlockNotInPlan) as caught:
        decide(plan, [*full_loop(plan), stray])
    assert caught.value.status == 422


@pytest.mark.parametrize("rating", [0, 5, -1])
def test_a_rating_outside_1_to_4_is_refused_naming_the_question(rating: int) -> None:
    with pytest.raises(RatingOutOfRange) as caught:
        Scorecard(
            block="coding",
            interviewer="Ana",
            ratings={"rolling_precision_recall": 3, "population_stability_index": rating},
            recommendation="no_hire",
        )

    assert "population_stability_index" in caught.value.message


def test_raw_scorecard_input_with_the_wrong_shape_gets_a_typed_error() -> None:
    with pytest.raises(InvalidScorecard) as caught:
        Scorecard.parse({"block": "coding", "interviewer": "Ana", "ratings": {"q": "great"}})

    fields = {item["field"] for item in caught.value.detail}
    assert {"ratings.q", "recommendation"} <= fields


def test_an_empty_scorecard_is_refused() -> None:
    with pytest.raises(InvalidScorecard):
        Scorecard(block="coding", interviewer="Ana", ratings={}, recommendation="hire")


def test_a_rating_for_a_question_from_another_block_is_refused(plan: LoopPlan) -> None:
    wrong = Scorecard(
        block="coding",
        interviewer="Ana",
        ratings={"stakeholder_disagreement": 3},
        recommendation="hire",
    )

    with pytest.raises(UnknownQuestion):
        decide(plan, [*full_loop(plan)[:3], wrong])


def test_a_tick_for_a_red_flag_the_question_does_not_have_is_refused(plan: LoopPlan) -> None:
    question_id = _ids(plan, "coding")[0]
    cards = full_loop(plan)
    cards[3] = card(plan, "coding", [2, 2], red_flags={question_id: [99]})

    with pytest.raises(InvalidScorecard):
        decide(plan, cards)


def test_one_interviewer_cannot_submit_two_cards_for_one_block(plan: LoopPlan) -> None:
    with pytest.raises(InvalidScorecard):
        decide(plan, [*full_loop(plan), card(plan, "coding", [4, 4])])
