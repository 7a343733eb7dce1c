"""Each supported format comes out as readable text; the format is read from the bytes."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable

import pytest

from hireloop.documents import extract
from hireloop.documents.errors import UnknownFormat

PAGE_ONE = ["Ada Lovelace", "Senior ML Engineer", "Shipped a fraud model at 20k requests/s"]
PAGE_TWO = ["Education", "Analytical Engine Institute"]


def test_pdf_text_keeps_every_page_and_maps_offsets_to_pages(
    make_pdf: Callable[..., bytes],
) -> None:
    document = extract(make_pdf([PAGE_ONE, PAGE_TWO]), "cv.pdf")

    assert document.format == "pdf"
    assert document.pages == 2
    for line in PAGE_ONE + PAGE_TWO:
        assert line in document.text
    assert document.page_of(document.text.index("Shipped a fraud model")) == 1
    assert document.page_of(document.text.index("Analytical Engine Institute")) == 2
    assert document.page_of(0) == 1
    assert document.page_of(len(document.text) - 1) == 2


def test_sha256_identifies_the_input_bytes(make_pdf: Callable[..., bytes]) -> None:
    data = make_pdf([PAGE_ONE])
    assert extract(data).sha256 == hashlib.sha256(data).hexdigest()


def test_format_comes_from_the_bytes_not_the_file_name(make_pdf: Callable[..., bytes]) -> None:
    assert extract(make_pdf([PAGE_ONE]), "cv.docx").format == "pdf"
    assert extract(b"<html><body><p>Ada Lovelace</p></body></html>", "cv.pdf").format == "html"


def test_docx_reads_header_body_table_and_footer_in_reading_order(
    make_docx: Callable[..., bytes],
) -> None:
    data = make_docx(
        ["Ada Lovelace", "Built the feature store"],
        table=[["Skill", "Years"], ["PyTorch", "6"]],
        header="ada@example.org",
        footer="Page footer note",
    )
    document = extract(data, "cv.docx")

    assert document.format == "docx"
    text = document.text
    order = ["ada@example.org", "Ada Lovelace", "Built the feature store", "PyTorch", "Page footer"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "PyTorch | 6" in text


def test_html_drops_scripts_styles_and_noscript_and_breaks_blocks_into_lines() -> None:
    page = b"""<!DOCTYPE html><html><head><title>CV</title><style>p {color: red}</style></head>
    <body><h1>Ada Lovelace</h1><p>Senior <b>ML</b> Engineer</p>
    <script>track()</script><noscript>Enable JavaScript</noscript>
    <ul><li>PyTorch</li><li>Kubernetes</li></ul></body></html>"""
    document = extract(page)

    assert document.format == "html"
    lines = document.text.splitlines()
    assert "Ada Lovelace" in lines
    assert "Senior ML Engineer" in lines
    assert any(line.endswith("PyTorch") for line in lines)
    for hidden in ("track()", "Enable JavaScript", "color: red"):
        assert hidden not in document.text


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]
)
def test_text_is_decoded_whatever_its_encoding(encoding: str) -> None:
    text = "Zoë Müller-Brontë\nSenior ML Engineer, Zürich\nRéférences on request\n" * 3
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + text).encode(encoding)  # a BOM written by the editor
    document = extract(data, "cv.txt")

    assert document.format == "text"
    assert document.text == text.strip()


def test_extension_only_breaks_the_tie_between_text_and_markdown() -> None:
    notes = b"Ada Lovelace\n- PyTorch\n- Kubernetes\n"
    assert extract(notes, "cv.md").format == "markdown"
    assert extract(notes, "cv.txt").format == "text"
    assert extract(b"# Ada Lovelace\n\n## Skills\n\n- PyTorch\n", None).format == "markdown"


JSON_RESUME = {
    "basics": {
        "name": "Ada Lovelace",
        "label": "Senior ML Engineer",
        "email": "ada@example.org",
        "summary": "Ships ranking models to production.",
    },
    "work": [
        {
            "name": "Engines Ltd",
            "position": "Staff ML Engineer",
            "startDate": "2020-01-15",
            "highlights": ["Cut p99 latency from 80 ms to 25 ms"],
        },
        {
            "name": "Looms plc",
            "position": "ML Engineer",
            "startDate": "2016-03",
            "endDate": "2019-12",
        },
    ],
    "skills": [{"name": "MLOps", "keywords": ["Kubernetes", "MLflow"]}],
    "education": [{"institution": "University of London", "area": "Mathematics"}],
    "projects": [{"name": "Note G", "description": "First published algorithm"}],
}


def test_json_resume_becomes_readable_text_with_sections_dates_and_bullets() -> None:
    document = extract(json.dumps(JSON_RESUME).encode(), "resume.json")

    assert document.format == "json_resume"
    assert document.structured == JSON_RESUME
    lines = document.text.splitlines()
    for heading in ("Summary", "Experience", "Skills", "Education", "Projects"):
        assert heading in lines
    assert "Staff ML Engineer \u2014 Engines Ltd (2020-01 \u2013 Present)" in lines
    assert "ML Engineer \u2014 Looms plc (2016-03 \u2013 2019-12)" in lines
    assert "- Cut p99 latency from 80 ms to 25 ms" in lines
    assert any("Kubernetes" in line and "MLflow" in line for line in lines)


def test_json_that_is_not_a_resume_is_plain_text() -> None:
    document = extract(b'{"hello": "world"}', "data.json")
    assert document.format == "text"
    assert document.structured is None


def _odt(paragraphs: list[str]) -> bytes:
    body = "".join(f"<text:p>{paragraph}</text:p>" for paragraph in paragraphs)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def test_odt_paragraphs_are_read() -> None:
    document = extract(_odt(["Ada Lovelace", "Senior ML Engineer"]), "cv.odt")
    assert document.format == "odt"
    assert document.text.splitlines() == ["Ada Lovelace", "Senior ML Engineer"]


def test_rtf_keeps_the_visible_text_only() -> None:
    rtf = (
        rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\*\generator Writer;}"
        rb"\f0 Zo\'eb Brant\par Senior ML Engineer \u8212? Z\u252?rich\par}"
    )
    document = extract(rtf, "cv.rtf")
    assert document.format == "rtf"
    assert document.text.splitlines() == ["Zoë Brant", "Senior ML Engineer — Zürich"]


def test_a_zip_of_files_is_not_a_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("cv.txt", "Ada Lovelace")
    with pytest.raises(UnknownFormat):
        extract(buffer.getvalue(), "cvs.zip")
