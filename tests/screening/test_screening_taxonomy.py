"""The packaged taxonomy and the one-pass matcher, including every ambiguous alias."""

from pathlib import Path

import pytest
from ahocorasick_rs import AhoCorasick, Implementation

from hireloop.kit.errors import InvalidInput
from hireloop.reference.skills import AREA_IDS
from hireloop.reference.taxonomy import load_taxonomy
from hireloop.screening.matcher import matcher_for
from hireloop.screening.text import normalise


def skills_in(text: str) -> list[str]:
    found, _phrases = matcher_for(load_taxonomy()).find(text, normalise(text))
    return [m.skill.name for m in found]


def test_taxonomy_is_versioned_and_covers_every_area() -> None:
    taxonomy = load_taxonomy()
    assert taxonomy.version >= 1
    covered = {area for skill in taxonomy.skills for area in skill.areas}
    assert covered == set(AREA_IDS)


def test_a_users_own_taxonomy_file_can_replace_the_packaged_one(tmp_path: Path) -> None:
    own = tmp_path / "taxonomy.yaml"
    own.write_text(
        "version: 9\nsource: our team\nas_of: 2026-01-01\nskills:\n"
        "  - {name: Widget, kind: framework, areas: [python_stack], aliases: [widgetlib]}\n",
        encoding="utf-8",
    )
    taxonomy = load_taxonomy(own)
    found, _ = matcher_for(taxonomy).find("Used widgetlib daily", normalise("Used widgetlib daily"))
    assert [m.skill.name for m in found] == ["Widget"]


def test_a_broken_taxonomy_file_is_a_user_error(tmp_path: Path) -> None:
    own = tmp_path / "taxonomy.yaml"
    own.write_text("version: 1\nskills: [{name: X, kind: spaceship, aliases: [x]}]\n")
    with pytest.raises(InvalidInput):
        load_taxonomy(own)


def test_aliases_match_case_insensitively_and_map_to_the_canonical_name() -> None:
    assert skills_in("Served models with TORCHSERVE and k8s") == ["TorchServe", "Kubernetes"]


def test_matches_respect_word_boundaries() -> None:
    assert skills_in("pytorchic torchlight kerasene") == []


def test_longest_alias_wins() -> None:
    assert skills_in("Hugging Face Transformers pipelines") == ["Hugging Face Transformers"]


def test_matches_span_line_breaks_and_map_back_to_raw_offsets() -> None:
    text = "Trained on  Vertex\n   AI pipelines"
    found, _ = matcher_for(load_taxonomy()).find(text, normalise(text))
    norm = normalise(text)
    start, end = norm.raw_span(found[0].start, found[0].end)
    assert found[0].skill.name == "Vertex AI"
    assert text[start:end] == "Vertex\n   AI"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Languages: Python, R, SQL", ["Python", "R", "SQL"]),
        ("Languages: Python,R,SQL", ["Python", "R", "SQL"]),
        ("Languages: (R) and Python", ["R", "Python"]),
        ("R", []),
        ("Worked on R&D with Python", ["Python"]),
        ("Languages: C# and Python", ["Python"]),
        ("Led R&D for the lab", []),
        ("Languages: C, C++, Python", ["C", "C++", "Python"]),
        ("Series C funded startup", []),
        ("Backend services in Go and Python", ["Go", "Python"]),
        ("Ready to go the extra mile", []),
        ("Scaled tuning jobs on a Ray cluster", ["Ray"]),
        ("Reported to Ray Smith, head of sales", []),
        ("X-Ray image review", []),
        ("ETL on Spark and Kafka streaming", ["Spark", "Kafka"]),
        ("Spark joy in every team", []),
        (
            "Deployed ASR on Triton with TensorRT for low-latency inference",
            ["Triton Inference Server", "TensorRT"],
        ),
        (
            "Wrote fused attention kernels in Triton and CUDA",
            ["Triton (GPU kernel language)", "CUDA"],
        ),
        ("Served the model as a Flask API", ["Flask"]),
        ("Heated the flask in the chemistry laboratory", []),
        ("Scheduled DAGs in Airflow for ETL", ["Airflow"]),
        ("Measured airflow in the wind tunnel", []),
        (
            "Fine-tuned models with the transformers library and PEFT",
            ["Hugging Face Transformers", "LLM fine-tuning"],
        ),
        ("Power grid transformers and substations", []),
    ],
)
def test_ambiguous_aliases_need_their_context(text: str, expected: list[str]) -> None:
    assert skills_in(text) == expected


def test_the_automaton_is_built_once_per_taxonomy() -> None:
    taxonomy = load_taxonomy()
    assert matcher_for(taxonomy) is matcher_for(taxonomy)


def test_short_keys_only_match_whole_words() -> None:
    # "r", "c" and digits occur in most words: only whole words count.
    text = "Languages: Python, R, C. Career in rendering, 12 years"
    found, phrases = matcher_for(load_taxonomy()).find(text, normalise(text))
    assert [m.skill.name for m in found] == ["Python", "R", "C"]
    assert all(text[m.start : m.end] in ("Python", "R", "C") for m in found)
    assert phrases == []


def test_the_automaton_reports_overlapping_keys_by_end_then_longest_first() -> None:
    # The scan folds phrases and skills in this order (a longer spelling that ends where a
    # shorter one does is read first); the library's order is part of what it relies on.
    keys = ["vertex ai", "vertex ai pipelines", "ai", "ai pipelines", "pipelines", "q"]
    automaton = AhoCorasick(keys, implementation=Implementation.DFA)
    text = " vertex ai pipelines q"
    found = [
        (keys[index], start, end)
        for index, start, end in automaton.find_matches_as_indexes(text, overlapping=True)
    ]
    assert found == [
        ("vertex ai", 1, 10),
        ("ai", 8, 10),
        ("vertex ai pipelines", 1, 20),
        ("ai pipelines", 8, 20),
        ("pipelines", 11, 20),
        ("q", 21, 22),
    ]
