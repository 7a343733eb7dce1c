"""The packaged loop template and question bank: what every loop and interview kit relies on."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from hireloop.kit.errors import InvalidInput
from hireloop.reference.loop import BLOCK_IDS, load_loop_template
from hireloop.reference.questions import load_question_bank

CORE_FIVE = {
    "production_deployment_walkthrough",
    "underperforming_model_diagnosis",
    "rag_design_100k_docs",
    "stakeholder_disagreement",
    "first_two_weeks_contract",
}


def test_the_template_is_a_four_hour_loop_weighted_40_30_20_10() -> None:
    template = load_loop_template()

    assert template.total_minutes == 240
    assert sum(b.minutes for b in template.blocks) == 240
    assert sum(b.weight for b in template.blocks) == 100
    assert {b.id: (b.weight, b.minutes) for b in template.blocks} == {
        "system_design": (40, 96),
        "deep_dive": (30, 72),
        "behavioural": (20, 48),
        "coding": (10, 24),
    }


def test_the_weights_carry_their_source_and_date() -> None:
    template = load_loop_template()

    assert "KORE1" in template.weights_source
    assert template.weights_as_of.year == 2026
    assert "KORE1" in template.pass_rate_target.source
    assert template.pass_rate_target.value == pytest.approx(0.70)


def test_every_block_has_a_name_and_purpose_and_every_rating_a_meaning() -> None:
    template = load_loop_template()

    assert all(b.name and b.purpose for b in template.blocks)
    assert [level.value for level in template.rating_scale] == [1, 2, 3, 4]


def test_default_thresholds_put_strong_hire_above_hire_on_the_1_to_4_scale() -> None:
    thresholds = load_loop_template().thresholds

    assert 1 <= thresholds.hire < thresholds.strong_hire <= 4


def test_every_block_has_at_least_four_questions() -> None:
    bank = load_question_bank()

    per_block = Counter(q.block for q in bank.questions)

    assert set(per_block) == set(BLOCK_IDS)
    assert all(count >= 4 for count in per_block.values()), per_block


def test_the_five_core_questions_are_in_the_bank_with_the_guide_as_source() -> None:
    bank = load_question_bank()

    core = {q.id: q for q in bank.questions if q.core}

    assert set(core) == CORE_FIVE
    assert all("market guide" in q.source for q in core.values())
    assert all(q.source == "hireloop" for q in bank.questions if not q.core)


def test_every_question_says_what_it_tests_what_good_looks_like_and_what_worries_us() -> None:
    for question in load_question_bank().questions:
        assert question.signal.strip(), question.id
        assert question.good_answer and all(item.strip() for item in question.good_answer)
        assert question.red_flags and all(flag.text.strip() for flag in question.red_flags)


def test_some_red_flags_end_the_loop_and_others_only_count_against() -> None:
    flags = [flag for q in load_question_bank().questions for flag in q.red_flags]

    assert any(flag.disqualifying for flag in flags)
    assert any(not flag.disqualifying for flag in flags)


def test_the_rag_question_is_for_llm_briefs_only() -> None:
    rag = load_question_bank().get("rag_design_100k_docs")

    assert rag is not None
    assert rag.fits.matches(["pgvector"], involves_llm=True)
    assert not rag.fits.matches(["pgvector"], involves_llm=False)


def test_non_llm_briefs_have_a_system_design_question_written_around_their_stack() -> None:
    bank = load_question_bank()

    stack_questions = [
        q
        for q in bank.for_block("system_design")
        if q.takes_stack and q.fits.matches(["XGBoost"], involves_llm=False)
    ]

    assert stack_questions
    assert "XGBoost" in stack_questions[0].text_for(["XGBoost"])


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _packaged(name: str) -> dict[str, object]:
    from importlib import resources

    text = resources.files("hireloop.reference").joinpath(name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def test_a_user_can_load_their_own_template(tmp_path: Path) -> None:
    data = _packaged("loop.yaml")
    data["thresholds"] = {"strong_hire": 3.75, "hire": 3.25, "source": "our panel"}

    template = load_loop_template(_write(tmp_path, data))

    assert template.thresholds.hire == 3.25


def test_an_own_template_whose_weights_miss_100_is_refused(tmp_path: Path) -> None:
    data = _packaged("loop.yaml")
    blocks = data["blocks"]
    assert isinstance(blocks, list)
    blocks[0]["weight"] = 50

    with pytest.raises(InvalidInput):
        load_loop_template(_write(tmp_path, data))


def test_an_own_bank_with_a_placeholder_other_than_stack_is_refused(tmp_path: Path) -> None:
    data = _packaged("questions.yaml")
    questions = data["questions"]
    assert isinstance(questions, list)
    questions[0]["text"] = "Design it for {company}."

    with pytest.raises(InvalidInput) as caught:
        load_question_bank(_write(tmp_path, data))

    assert "questions.0.text" in str(caught.value.detail)


def test_an_own_bank_with_a_repeated_question_id_is_refused(tmp_path: Path) -> None:
    data = _packaged("questions.yaml")
    questions = data["questions"]
    assert isinstance(questions, list)
    questions.append(dict(questions[0]))

    with pytest.raises(InvalidInput):
        load_question_bank(_write(tmp_path, data))
