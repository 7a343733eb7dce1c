"""Planning a loop from a brief: minutes follow weights, questions follow the brief's stack."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hireloop.interviews import plan_loop
from hireloop.interviews.errors import InvalidWeights, UnknownBlock
from hireloop.interviews.plan import split_minutes
from hireloop.reference.loop import BLOCK_IDS
from hireloop.reference.questions import load_question_bank

RAG_QUESTION = "rag_design_100k_docs"


def test_the_default_loop_is_240_minutes_split_96_72_48_24() -> None:
    plan = plan_loop(["PyTorch", "Kubernetes"], involves_llm=False)

    assert plan.total_minutes == 240
    assert [(b.block, b.minutes, b.weight) for b in plan.blocks] == [
        ("system_design", 96, 40),
        ("deep_dive", 72, 30),
        ("behavioural", 48, 20),
        ("coding", 24, 10),
    ]


def test_an_llm_brief_gets_the_rag_design_question() -> None:
    plan = plan_loop(["PyTorch", "pgvector"], involves_llm=True)

    design = plan.block("system_design")

    assert design is not None
    assert RAG_QUESTION in [q.id for q in design.questions]
    assert all("{stack}" not in q.text for b in plan.blocks for q in b.questions)


def test_a_non_llm_brief_gets_a_design_question_about_its_own_stack_instead_of_rag() -> None:
    plan = plan_loop(["LightGBM", "Dagster"], involves_llm=False)

    design = plan.block("system_design")

    assert design is not None
    ids = [q.id for q in design.questions]
    assert RAG_QUESTION not in ids
    assert any("LightGBM" in q.text and "Dagster" in q.text for q in design.questions)


def test_no_llm_only_question_reaches_a_non_llm_brief() -> None:
    bank = load_question_bank()
    plan = plan_loop(["scikit-learn"], involves_llm=False)

    for block in plan.blocks:
        for planned in block.questions:
            question = bank.get(planned.id)
            assert question is not None
            assert question.fits.llm != "only", planned.id


def test_core_questions_come_first_in_every_block() -> None:
    plan = plan_loop(["PyTorch"], involves_llm=True)

    for block in plan.blocks:
        flags = [q.core for q in block.questions]
        assert flags == sorted(flags, reverse=True), block.block
    deep_dive = plan.block("deep_dive")
    assert deep_dive is not None
    assert {"production_deployment_walkthrough", "underperforming_model_diagnosis"} <= {
        q.id for q in deep_dive.questions
    }


def test_a_question_tied_to_a_stack_is_chosen_only_when_the_brief_names_that_stack() -> None:
    bank = load_question_bank()

    for stack in (["Kubeflow", "MLflow"], ["Pandas"]):
        plan = plan_loop(stack, involves_llm=False)
        for block in plan.blocks:
            for planned in block.questions:
                question = bank.get(planned.id)
                assert question is not None
                if question.fits.stack_any:
                    assert question.fits.names_stack(stack), (stack, planned.id)


def test_every_block_gets_two_or_three_questions_with_their_kit() -> None:
    plan = plan_loop(["PyTorch"], involves_llm=False)

    for block in plan.blocks:
        assert 2 <= len(block.questions) <= 3
        for question in block.questions:
            assert question.signal and question.good_answer and question.red_flags


def test_the_same_brief_always_gets_the_same_plan() -> None:
    first = plan_loop(["PyTorch", "Ray"], involves_llm=True, interviewers={"coding": "Ana"})
    second = plan_loop(["PyTorch", "Ray"], involves_llm=True, interviewers={"coding": "Ana"})

    assert first == second


def test_interviewers_are_assigned_per_block() -> None:
    plan = plan_loop(["PyTorch"], involves_llm=False, interviewers={"system_design": "Priya"})

    assert {b.block: b.interviewer for b in plan.blocks} == {
        "system_design": "Priya",
        "deep_dive": None,
        "behavioural": None,
        "coding": None,
    }


def test_an_interviewer_for_an_unknown_block_is_refused() -> None:
    with pytest.raises(UnknownBlock):
        plan_loop(["PyTorch"], involves_llm=False, interviewers={"whiteboard": "Priya"})


def test_edited_weights_move_the_minutes() -> None:
    weights = {"system_design": 50, "deep_dive": 30, "behavioural": 10, "coding": 10}

    plan = plan_loop(["PyTorch"], involves_llm=False, weights=weights)

    assert {b.block: b.minutes for b in plan.blocks} == {
        "system_design": 120,
        "deep_dive": 72,
        "behavioural": 24,
        "coding": 24,
    }
    assert plan.weights_source == "custom"


def test_a_block_weighted_zero_is_left_out_of_the_loop() -> None:
    weights = {"system_design": 50, "deep_dive": 50, "behavioural": 0, "coding": 0}

    plan = plan_loop(["PyTorch"], involves_llm=False, weights=weights)

    assert [b.block for b in plan.blocks] == ["system_design", "deep_dive"]
    assert sum(b.minutes for b in plan.blocks) == 240


def test_weights_that_do_not_total_100_are_refused_naming_the_total() -> None:
    weights = {"system_design": 40, "deep_dive": 30, "behavioural": 20, "coding": 20}

    with pytest.raises(InvalidWeights) as caught:
        plan_loop(["PyTorch"], involves_llm=False, weights=weights)

    assert "110" in caught.value.message
    assert caught.value.status == 422


@pytest.mark.parametrize(
    "weights",
    [
        {"system_design": 40, "deep_dive": 30, "behavioural": 30},
        {"system_design": 40, "deep_dive": 30, "behavioural": 20, "coding": 5, "extra": 5},
        {"system_design": 110, "deep_dive": 30, "behavioural": -20, "coding": -20},
        {"system_design": 40.0, "deep_dive": 30, "behavioural": 20, "coding": 10},
        {"system_design": True, "deep_dive": 79, "behavioural": 10, "coding": 10},
    ],
)
def test_weights_must_be_whole_numbers_from_zero_for_exactly_the_four_blocks(
    weights: dict[str, int],
) -> None:
    with pytest.raises(InvalidWeights):
        plan_loop(["PyTorch"], involves_llm=False, weights=weights)


def test_uneven_weights_still_fill_exactly_240_whole_minutes() -> None:
    minutes = split_minutes(
        {"system_design": 33, "deep_dive": 33, "behavioural": 33, "coding": 1}, 240
    )

    # exact shares are 79.2, 79.2, 79.2 and 2.4 minutes
    assert minutes == {"system_design": 79, "deep_dive": 79, "behavioural": 79, "coding": 3}


@given(
    st.lists(st.integers(min_value=0, max_value=100), min_size=3, max_size=3).filter(
        lambda first_three: sum(first_three) <= 100
    )
)
def test_minutes_always_add_up_and_stay_within_a_minute_of_the_exact_share(
    first_three: list[int],
) -> None:
    weights = dict(zip(BLOCK_IDS, [*first_three, 100 - sum(first_three)], strict=True))

    minutes = split_minutes(weights, 240)

    assert sum(minutes.values()) == 240
    for block, weight in weights.items():
        assert abs(minutes[block] - weight * 240 / 100) < 1


def test_the_plan_as_json_lists_blocks_with_minutes_weights_and_questions() -> None:
    plan = plan_loop(["PyTorch"], involves_llm=True, interviewers={"system_design": "Priya"})

    data = plan.to_json()

    assert data["total_minutes"] == 240
    first = data["blocks"][0]
    assert (first["block"], first["minutes"], first["weight"]) == ("system_design", 96, 40)
    assert first["interviewer"] == "Priya"
    assert {"id", "text", "signal", "good_answer", "red_flags"} <= set(first["questions"][0])
