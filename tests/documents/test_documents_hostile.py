"""Broken and hostile files are refused with a typed, recruiter-readable error."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest

from hireloop.documents import Limits, extract, iter_inputs
from hireloop.documents.errors import (
    ERRORS_BY_CODE,
    EncryptedPdf,
    ExtractionError,
    FileTooLarge,
    TooManyPages,
    UnsafeArchive,
    UnsafeXml,
)
from hireloop.kit.errors import HireloopError

REFUSED = [
    "bomb.docx",
    "billion_laughs.docx",
    "truncated.pdf",
    "encrypted.pdf",
    "thousand_pages.pdf",
    "scan.pdf",
    "random.pdf",
    "empty.txt",
]


@pytest.mark.parametrize("name", REFUSED)
def test_each_hostile_file_gets_its_own_typed_error(
    hostile_files: dict[str, Any], name: str
) -> None:
    hostile = hostile_files[name]
    with pytest.raises(ExtractionError) as raised:
        extract(hostile.path.read_bytes(), name)

    error = raised.value
    assert isinstance(error, HireloopError)
    assert error.code == hostile.expected_code
    assert type(error) is ERRORS_BY_CODE[error.code]
    assert error.message and "Traceback" not in error.message


def test_a_scanned_pdf_is_explained_as_having_no_text_layer(
    hostile_files: dict[str, Any],
) -> None:
    with pytest.raises(ExtractionError) as raised:
        extract(hostile_files["scan.pdf"].path.read_bytes())
    assert "no text layer" in raised.value.message
    assert "scan" in raised.value.message


def test_utf16_text_is_read_correctly(hostile_files: dict[str, Any]) -> None:
    document = extract(hostile_files["utf16.txt"].path.read_bytes(), "utf16.txt")
    assert document.text == hostile_files["utf16.txt"].expected_text
    assert "Jürgen Müller" in document.text


def test_text_beyond_the_character_limit_is_cut_off_with_a_warning(
    hostile_files: dict[str, Any],
) -> None:
    data = hostile_files["one_line.txt"].path.read_bytes()
    document = extract(data, "one_line.txt")

    assert len(document.text) == Limits().max_chars
    assert data.decode().startswith(document.text)
    assert any("only the first" in warning for warning in document.warnings)


def test_a_zip_member_escaping_the_archive_fails_alone(
    hostile_files: dict[str, Any],
) -> None:
    inputs = {
        item.name.rsplit(".zip/", 1)[1]: item
        for item in iter_inputs([hostile_files["traversal.zip"].path])
    }

    assert set(inputs) == {"../../etc/passwd", "cvs/ada_lovelace.txt"}
    escaping = inputs["../../etc/passwd"]
    assert isinstance(escaping.error, UnsafeArchive)
    with pytest.raises(UnsafeArchive):
        escaping.read()
    assert inputs["cvs/ada_lovelace.txt"].read().startswith(b"Ada Lovelace")


def test_every_limit_can_be_tightened(make_pdf: Callable[..., bytes]) -> None:
    three_pages = make_pdf([["Ada Lovelace, ML engineer"]] * 3)
    with pytest.raises(TooManyPages):
        extract(three_pages, limits=Limits(max_pages=2))
    with pytest.raises(FileTooLarge):
        extract(three_pages, limits=Limits(max_file_bytes=len(three_pages) - 1))
    assert len(extract(three_pages, limits=Limits(max_chars=10)).text) == 10


def _docx_like(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_document_with_too_many_parts_is_refused_before_any_is_opened() -> None:
    parts = {f"word/media/part{n}.xml": b"<a/>" for n in range(50)}
    data = _docx_like({"word/document.xml": b"<a/>", **parts})
    with pytest.raises(UnsafeArchive):
        extract(data, limits=Limits(max_archive_members=20))


def test_a_document_whose_parts_unpack_too_large_is_refused() -> None:
    data = _docx_like(
        {"word/document.xml": b"<a/>", "word/big.xml": b"<a>" + b"x" * 900_000 + b"</a>"}
    )
    with pytest.raises(UnsafeArchive):
        extract(data, limits=Limits(max_archive_uncompressed_bytes=500_000))


def test_a_document_part_with_a_path_outside_the_package_is_refused() -> None:
    data = _docx_like({"word/document.xml": b"<a/>", "../evil.xml": b"<a/>"})
    with pytest.raises(UnsafeArchive):
        extract(data)


def test_an_entity_declaration_is_refused_even_without_expansion() -> None:
    document_xml = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY name "Ada">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&name;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(UnsafeXml):
        extract(_docx_like({"word/document.xml": document_xml}))


def test_a_pdf_with_an_owner_password_only_is_still_read(make_pdf: Callable[..., bytes]) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Ada Lovelace ML engineer"]]))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    try:
        document = extract(buffer.getvalue())
    except EncryptedPdf:
        pytest.fail("a PDF that opens without a password must be read")
    assert "Ada Lovelace" in document.text
