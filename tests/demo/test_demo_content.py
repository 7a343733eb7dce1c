"""The demo workspace content: 30 fictional CVs, their intended levels, and the demo brief."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from importlib import resources
from typing import Any

import docx
import pypdfium2 as pdfium
import pytest
import yaml

from hireloop.demo import demo_brief_yaml, demo_cv_texts, demo_files
from hireloop.demo.render import DOCX_FILES, PDF_FILES, parse_cv_text, to_latin1

EMAIL = re.compile(r"[a-z0-9.]+@example\.(?:com|org)\b")
PHONE = re.compile(r"\(\d{3}\) 555-01\d{2}\b")
FILE_NAME = re.compile(r"^(?P<number>\d{2})-(?P<first>[a-z]+)-(?P<last>[a-z]+)\.txt$")
AREAS = {"pytorch_production", "llm_rag", "mlops", "python_stack", "distributed_gpu"}
ML_LEVELS = {0, 1, 2, 3}

CV_TEXTS = dict(demo_cv_texts())


def _index() -> dict[str, dict[str, Any]]:
    text = (resources.files("hireloop.demo") / "cvs" / "INDEX.yaml").read_text(encoding="utf-8")
    loaded = yaml.safe_load(text)
    assert isinstance(loaded, dict)
    return loaded


INDEX = _index()


def _person(file_name: str) -> str:
    match = FILE_NAME.match(file_name)
    assert match, file_name
    return f"{match.group('first')} {match.group('last')}"


def _names_at(level: int | str) -> list[str]:
    return sorted(name for name, entry in INDEX.items() if entry["level"] == level)


def _source_name(rendered_name: str) -> str:
    return re.sub(r"\.(pdf|docx)$", ".txt", rendered_name)


def _pdf_text(data: bytes) -> tuple[int, str]:
    document = pdfium.PdfDocument(data)
    try:
        pages = len(document)
        text = "\n".join(document[index].get_textpage().get_text_range() for index in range(pages))
    finally:
        document.close()
    return pages, text


def test_there_are_thirty_cvs_numbered_01_to_30() -> None:
    assert len(CV_TEXTS) == 30
    numbers = []
    for name in CV_TEXTS:
        match = FILE_NAME.match(name)
        assert match, f"{name} does not follow NN-firstname-lastname.txt"
        numbers.append(int(match.group("number")))
    assert sorted(numbers) == list(range(1, 31))


def test_index_lists_every_cv_with_the_planned_level_counts() -> None:
    assert set(INDEX) == set(CV_TEXTS)
    levels = Counter(entry["level"] for entry in INDEX.values())
    assert levels == Counter({3: 8, 2: 6, 1: 5, 0: 7, "not_ml": 4})


def test_index_areas_are_known_and_empty_outside_ml() -> None:
    for name, entry in INDEX.items():
        assert set(entry["areas"]) <= AREAS, name
        if entry["level"] == "not_ml":
            assert entry["areas"] == [], name
    production_areas = set().union(*(set(INDEX[name]["areas"]) for name in _names_at(3)))
    assert production_areas == AREAS


@pytest.mark.parametrize("file_name", sorted(CV_TEXTS))
def test_cv_has_name_line_contact_and_length(file_name: str) -> None:
    text = CV_TEXTS[file_name]
    first_line = next(line for line in text.splitlines() if line.strip())
    assert first_line.strip("# ").lower() == _person(file_name)
    assert EMAIL.search(text), f"{file_name} has no example.com/.org e-mail"
    assert PHONE.search(text), f"{file_name} has no 555-01xx phone number"
    assert 250 <= len(text.split()) <= 700
    headings = [block.text.lower() for block in parse_cv_text(text) if block.kind == "heading"]
    assert any("experience" in heading for heading in headings), file_name
    assert any("education" in heading for heading in headings), file_name


def test_cvs_use_varied_heading_styles() -> None:
    styles: Counter[str] = Counter()
    for text in CV_TEXTS.values():
        lines = text.splitlines()
        if any(re.match(r"^#{1,3} (Experience|Summary|Skills)", line) for line in lines):
            styles["markdown"] += 1
        elif any(re.fullmatch(r"-{4,}", line) for line in lines):
            styles["underlined"] += 1
        elif any(re.fullmatch(r"[A-Z ]*EXPERIENCE", line) for line in lines):
            styles["all_caps"] += 1
        elif any(re.fullmatch(r"[A-Za-z ]*Experience:", line) for line in lines):
            styles["colon"] += 1
        elif any(line in {"Experience", "Professional Experience"} for line in lines):
            styles["title_case"] += 1
    assert set(styles) == {"markdown", "underlined", "all_caps", "colon", "title_case"}
    assert min(styles.values()) >= 4
    assert sum(styles.values()) == 30


def test_cvs_use_varied_date_formats() -> None:
    everything = "\n".join(CV_TEXTS.values())
    assert re.search(r"[A-Z][a-z]{2} \d{4} [\u2013-] Present", everything)
    assert re.search(r"\b\d{4}-\d{4}\b", everything)
    assert re.search(r"\b\d{2}/\d{4} - \d{2}/\d{4}\b", everything)


def test_most_ml_cvs_name_pytorch_or_kubernetes() -> None:
    ml_names = [name for name, entry in INDEX.items() if entry["level"] in ML_LEVELS]
    mentioning = [
        name for name in ml_names if re.search(r"PyTorch|Kubernetes", CV_TEXTS[name]) is not None
    ]
    assert len(mentioning) >= 0.8 * len(ml_names)


@pytest.mark.parametrize("file_name", _names_at(3))
def test_production_proven_cvs_carry_production_evidence(file_name: str) -> None:
    text = CV_TEXTS[file_name]
    assert re.search(r"\bp9[59]\b", text), "latency percentile"
    assert re.search(r"requests per second|transactions per second|concurrent", text)
    assert re.search(r"\b5% (canary|of (traffic|robots))|canary at 5%|from 5%|5% and", text)
    assert re.search(r"roll(ed)? ?back|rollback", text, re.IGNORECASE)
    assert re.search(r"on-call", text)
    assert re.search(r"registry|registered", text, re.IGNORECASE)


@pytest.mark.parametrize("file_name", _names_at(2) + _names_at(1) + _names_at(0))
def test_other_ml_cvs_carry_no_production_figures(file_name: str) -> None:
    text = CV_TEXTS[file_name]
    assert not re.search(r"\bp9[59]\b|requests per second|on-call|canary", text)


@pytest.mark.parametrize("file_name", _names_at(0))
def test_notebook_only_cvs_point_at_notebook_work(file_name: str) -> None:
    text = CV_TEXTS[file_name]
    assert re.search(r"notebook|Jupyter|Colab", text)
    assert re.search(r"test set|test split|held-out|leaderboard|out-of-sample", text)


def test_exactly_one_pair_shares_an_email_and_it_is_the_same_person() -> None:
    by_email: dict[str, list[str]] = {}
    for name, text in CV_TEXTS.items():
        for email in set(EMAIL.findall(text)):
            by_email.setdefault(email, []).append(name)
    shared = {email: names for email, names in by_email.items() if len(names) > 1}
    assert len(shared) == 1
    ((email, pair),) = shared.items()
    assert len(pair) == 2
    first, second = sorted(pair)
    assert _person(first) == _person(second)
    assert email.startswith(_person(first).replace(" ", "."))
    assert PHONE.findall(CV_TEXTS[first]) == PHONE.findall(CV_TEXTS[second])
    assert INDEX[first]["level"] == INDEX[second]["level"] == 3
    assert CV_TEXTS[first] != CV_TEXTS[second]


def test_phone_numbers_are_unique_apart_from_the_duplicate_pair() -> None:
    phones = Counter(number for text in CV_TEXTS.values() for number in set(PHONE.findall(text)))
    assert sorted(phones.values()) == [1] * 28 + [2]


def test_demo_files_mix_text_pdf_and_docx() -> None:
    files = demo_files()
    names = [name for name, _ in files]
    assert len(files) == 30
    assert Counter(name.rsplit(".", 1)[1] for name in names) == Counter(
        {"txt": 20, "pdf": 5, "docx": 5}
    )
    assert {_source_name(name) for name in names} == set(CV_TEXTS)
    assert {_source_name(name) for name in names if name.endswith(".pdf")} == PDF_FILES
    assert {_source_name(name) for name in names if name.endswith(".docx")} == DOCX_FILES
    for name, data in files:
        if name.endswith(".txt"):
            assert data.decode("utf-8") == CV_TEXTS[name]


def test_rendered_pdfs_open_and_show_the_name() -> None:
    page_counts = []
    for name, data in demo_files():
        if not name.endswith(".pdf"):
            continue
        assert data.startswith(b"%PDF-")
        pages, text = _pdf_text(data)
        page_counts.append(pages)
        assert 1 <= pages <= 2, name
        assert _person(_source_name(name)) in text.lower(), name
        assert "@example." in text
    assert len(page_counts) == 5
    assert 2 in page_counts, "a long CV should flow onto a second page"


def test_rendered_pdf_replaces_characters_outside_latin1() -> None:
    _, text = _pdf_text(dict(demo_files())["01-maren-okafor.pdf"])
    source = CV_TEXTS["01-maren-okafor.txt"]
    assert "\u2013" in source and "\u2192" in source and "?" not in source
    flat = " ".join(text.split())
    assert "Jan 2023 - Present" in flat
    assert "5% -> 20% -> 50%" in flat
    assert "?" not in flat


def test_to_latin1_maps_typographic_characters_to_ascii() -> None:
    original = "Jan 2021 \u2013 Present \u2022 \u201cRAG\u201d isn\u2019t magic\u2026 5% \u2192 50%"
    assert to_latin1(original) == 'Jan 2021 - Present - "RAG" isn\'t magic... 5% -> 50%'
    assert to_latin1("caf\u00e9 R\u00b2") == "caf\u00e9 R\u00b2"
    assert to_latin1("\u4e2d") == "?"


def test_rendered_docx_open_with_headings_bullets_and_the_name() -> None:
    seen = 0
    for name, data in demo_files():
        if not name.endswith(".docx"):
            continue
        seen += 1
        document = docx.Document(io.BytesIO(data))
        paragraphs = document.paragraphs
        full_text = "\n".join(paragraph.text for paragraph in paragraphs).lower()
        assert _person(_source_name(name)) in full_text, name
        styles = Counter(paragraph.style.name for paragraph in paragraphs)
        assert styles["Title"] == 1, name
        assert styles["Heading 1"] >= 4, name
        assert styles["List Bullet"] >= 5, name
        assert not any(
            paragraph.text.startswith(("- ", "* ", "\u2022")) for paragraph in paragraphs
        )
    assert seen == 5


def test_rendering_is_deterministic() -> None:
    first = demo_files()
    second = demo_files()
    assert [name for name, _ in first] == [name for name, _ in second]
    for (name, one), (_, two) in zip(first, second, strict=True):
        assert one == two, name


def test_brief_has_every_key_of_an_outcome_brief() -> None:
    brief = yaml.safe_load(demo_brief_yaml())
    assert set(brief) == {
        "title",
        "outcome",
        "window_weeks",
        "stack",
        "success_metric",
        "location",
        "budget_day_rate",
        "engagement_types",
        "start_date",
        "must_haves",
        "nice_to_haves",
    }
    assert brief["window_weeks"] == 24
    assert brief["location"] == "sf_bay_area"
    assert brief["budget_day_rate"] == 1500
    assert brief["start_date"] == dt.date(2027, 1, 11)
    assert set(brief["engagement_types"]) <= {"1099", "w2", "c2c"}
    assert brief["engagement_types"]
    assert 2 <= len(re.findall(r"[.!?](?:\s|$)", brief["outcome"])) <= 4
    assert set(brief["must_haves"]) <= set(brief["stack"])
    assert {"PyTorch", "Kubernetes"} <= set(brief["must_haves"])
    assert brief["nice_to_haves"]
