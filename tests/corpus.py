"""Generated CVs in every format, and a corpus of broken and hostile files, for any test."""

from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader, PdfWriter


def build_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """A PDF with one list of lines per page."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def build_docx(
    paragraphs: Sequence[str],
    *,
    table: Sequence[Sequence[str]] = (),
    header: str | None = None,
    footer: str | None = None,
) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_json_resume(name: str, company: str) -> dict[str, Any]:
    return {
        "basics": {"name": name, "label": "Senior ML Engineer", "email": "cv@example.org"},
        "work": [
            {
                "name": company,
                "position": "Staff ML Engineer",
                "startDate": "2020-01-15",
                "highlights": ["Shipped a ranking model serving 40k requests per second"],
            }
        ],
        "skills": [{"name": "MLOps", "keywords": ["Kubernetes", "MLflow"]}],
    }


def replace_zip_member(package: bytes, member: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = content if info.filename == member else source.read(info)
            target.writestr(info.filename, data)
    return buffer.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
"""


def _docx_bomb() -> bytes:
    """A real DOCX with one extra part that unpacks 60 MB of zeros from about 60 kB."""
    package = build_docx(["Jane Doe", "Senior ML Engineer"])
    buffer = io.BytesIO(package)
    with (
        zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/padding.bin", "w", force_zip64=True) as member,
    ):
        for _ in range(60):
            member.write(b"\0" * (1024 * 1024))
    return buffer.getvalue()


def _encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(build_pdf([["Jane Doe", "Secret CV"]]))))
    writer.encrypt(user_password="candidate-only", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _scanned_pdf() -> bytes:
    """A page holding only a picture, like a scanned CV."""
    picture = Image.new("L", (300, 400), color=235)
    for x in range(40, 260):
        for y in (60, 61, 100, 101, 140, 141):
            picture.putpixel((x, y), 20)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(picture, x=10, y=10, w=150)
    return bytes(pdf.output())


def _traversal_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../etc/passwd", "root:x:0:0:root:/root:/bin/bash\n")
        archive.writestr("cvs/ada_lovelace.txt", "Ada Lovelace\nML engineer, analytical engines\n")
    return buffer.getvalue()


@dataclass(frozen=True)
class HostileFile:
    path: Path
    expected_code: str | None  # None: the file must extract
    expected_text: str | None = None


UTF16_TEXT = "Jürgen Müller\nSenior ML Engineer — Zürich\nPyTorch, Triton, CUDA\n"


@pytest.fixture(scope="session")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, HostileFile]:
    folder = tmp_path_factory.mktemp("hostile")
    two_pages = build_pdf([[f"Page one line {n}" for n in range(40)], ["Page two"]])
    corpus: dict[str, tuple[bytes, str | None]] = {
        "bomb.docx": (_docx_bomb(), "unsafe_archive"),
        "billion_laughs.docx": (
            replace_zip_member(build_docx(["x"]), "word/document.xml", BILLION_LAUGHS),
            "unsafe_xml",
        ),
        "truncated.pdf": (two_pages[: len(two_pages) * 6 // 10], "damaged_file"),
        "encrypted.pdf": (_encrypted_pdf(), "encrypted_pdf"),
        "thousand_pages.pdf": (build_pdf([[f"Page {n}"] for n in range(1000)]), "too_many_pages"),
        "scan.pdf": (_scanned_pdf(), "no_text_layer"),
        "random.pdf": (random.Random(7).randbytes(64 * 1024), "unknown_format"),
        "empty.txt": (b"", "empty_file"),
        "utf16.txt": (UTF16_TEXT.encode("utf-16"), None),
        "one_line.txt": (b"machine learning " * (5 * 1024 * 1024 // 17), None),
    }
    files = {}
    for name, (data, code) in corpus.items():
        path = folder / name
        path.write_bytes(data)
        files[name] = HostileFile(path, code, UTF16_TEXT.strip() if name == "utf16.txt" else None)
    traversal = folder / "traversal.zip"
    traversal.write_bytes(_traversal_zip())
    files["traversal.zip"] = HostileFile(traversal, "unsafe_archive")
    return files


def good_cv(index: int) -> tuple[str, bytes, str]:
    """The file name, bytes and a phrase that must be found in the text of good CV `index`."""
    marker = f"Candidate{index:04d} shipped model {index}"
    kind = index % 5
    if kind == 0:
        return f"cv{index}.pdf", build_pdf([[f"Name {index}", marker], ["Skills: PyTorch"]]), marker
    if kind == 1:
        return f"cv{index}.docx", build_docx([f"Name {index}", marker]), marker
    if kind == 2:
        page = f"<html><body><h1>Name {index}</h1><p>{marker}</p></body></html>"
        return f"cv{index}.html", page.encode(), marker
    if kind == 3:
        return f"cv{index}.txt", f"Name {index}\n{marker}\n".encode("cp1252"), marker
    resume = build_json_resume(f"Name {index}", marker)
    return f"cv{index}.json", json.dumps(resume).encode(), marker


@pytest.fixture(scope="session")
def good_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """200 good CVs (PDF, DOCX, HTML, text, JSON Resume) and the phrase each must yield."""
    folder = tmp_path_factory.mktemp("good")
    markers = {}
    for index in range(200):
        name, data, marker = good_cv(index)
        (folder / name).write_bytes(data)
        markers[str(folder / name)] = marker
    return folder, markers


@pytest.fixture(scope="session")
def make_pdf() -> Callable[[Sequence[Sequence[str]]], bytes]:
    return build_pdf


@pytest.fixture(scope="session")
def make_docx() -> Callable[..., bytes]:
    return build_docx
