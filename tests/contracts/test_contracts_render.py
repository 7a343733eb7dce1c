"""The rendered term sheet is a Word document carrying every term, flag and the disclaimer."""

import io
import zipfile

from docx import Document

from hireloop.contracts.classification import DISCLAIMER, classification_flags
from hireloop.contracts.render import render_docx
from hireloop.contracts.terms import TermSheet, parse_terms


def c2c_terms() -> TermSheet:
    return parse_terms(
        {
            "engagement_type": "c2c",
            "day_rate": "1450",
            "start_date": "2026-04-06",
            "end_date": "2026-10-05",
            "scope_deliverables": ["Ship the RAG search service", "Hit p95 latency under 300ms"],
            "prior_ip_carve_outs": ["Chunking library released under MIT in 2024"],
            "conversion_fee_percent": "18",
            "fee_schedule": {"points_per_month": "1", "floor_percent": "10"},
            "notice_period_days": 21,
            "work_state": "CA",
            "worksite_city": "San Francisco",
            "entity": {"legal_name": "Vector Works Inc"},
        }
    )


def document_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def test_the_document_carries_parties_money_dates_scope_ip_and_conversion() -> None:
    terms = c2c_terms()
    text = document_text(render_docx(terms, "Ada Byron", "Search relevance lead", []))
    for expected in (
        "Ada Byron",
        "Search relevance lead",
        "Corp-to-Corp",
        "Vector Works Inc",
        "$1,450.00",
        "2026-04-06",
        "2026-10-05",
        "Ship the RAG search service",
        "Hit p95 latency under 300ms",
        "Chunking library released under MIT in 2024",
        "18%",
        "Months 3-6",
        "never below 10%",
        "21 days",
        "CA",
        "San Francisco",
    ):
        assert expected in text, expected


def test_the_document_lists_each_flag_with_its_reason_and_ends_with_the_disclaimer() -> None:
    terms = c2c_terms()
    flags = classification_flags(terms)
    data = render_docx(terms, "Ada Byron", "Search relevance lead", flags)
    text = document_text(data)
    assert flags
    for flag in flags:
        assert flag.message in text
        assert flag.why in text
    paragraphs = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    assert paragraphs[-2:] == ["Disclaimer", DISCLAIMER]


def test_unset_draft_terms_are_shown_as_not_set() -> None:
    terms = parse_terms({"engagement_type": "1099"})
    text = document_text(render_docx(terms, "Grace H", "Draft brief", []))
    assert "Day rate | Not set" in text
    assert "No classification flags" in text


def test_the_same_terms_always_render_to_the_same_bytes() -> None:
    terms = c2c_terms()
    data = render_docx(terms, "Ada Byron", "Search relevance lead", [])
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    props = Document(io.BytesIO(data)).core_properties
    assert props.author == "hireloop"
    assert props.created == props.modified
    assert props.created is not None and props.created.year == 2000
    assert data == render_docx(terms, "Ada Byron", "Search relevance lead", [])
