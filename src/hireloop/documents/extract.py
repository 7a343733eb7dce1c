"""`extract`: bytes of a CV in any supported format -> plain text with a page map."""

from __future__ import annotations

import hashlib
from typing import Any

from hireloop.documents.archive import open_package, read_member
from hireloop.documents.docx import BODY_PART, read_docx
from hireloop.documents.errors import (
    DamagedFile,
    EmptyFile,
    ExtractionError,
    FileTooLarge,
    UnknownFormat,
)
from hireloop.documents.html import html_to_text, looks_like_html
from hireloop.documents.json_resume import parse_json_resume, render_json_resume
from hireloop.documents.model import DocumentFormat, ExtractedDocument, Limits
from hireloop.documents.odt import ODT_MIMETYPE, read_odt
from hireloop.documents.pages import assemble
from hireloop.documents.pdf import read_pdf
from hireloop.documents.rtf import rtf_to_text
from hireloop.documents.text import NotText, decode_text, is_markdown

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_RTF_MAGIC = b"{\\rtf"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")


def extract(
    data: bytes, filename: str | None = None, limits: Limits | None = None
) -> ExtractedDocument:
    """Extract the text of a CV. The format comes from the bytes, never from the file name.

    Raises an `ExtractionError` subclass with a recruiter-readable message.
    """
    limits = limits or Limits()
    if not data:
        raise EmptyFile("The file is empty (0 bytes).")
    if len(data) > limits.max_file_bytes:
        raise FileTooLarge(
            f"The file is {len(data) / 1_048_576:.1f} MB; the limit is "
            f"{limits.max_file_bytes / 1_048_576:.0f} MB for one CV."
        )
    digest = hashlib.sha256(data).hexdigest()
    try:
        fmt, pages, warnings, structured = _read(data, filename, limits)
    except (ExtractionError, MemoryError):
        raise
    except RecursionError as exc:
        raise DamagedFile("The file is damaged: its structure is nested too deeply.") from exc
    except Exception as exc:  # a parser library choking on malformed input
        raise DamagedFile("The file is damaged and its text cannot be read.") from exc
    assembled = assemble(pages, limits.max_chars)
    if not assembled.text.strip():
        raise EmptyFile("The file contains no text.")
    return ExtractedDocument(
        text=assembled.text,
        format=fmt,
        pages=len(pages),
        page_starts=assembled.page_starts,
        sha256=digest,
        warnings=[*warnings, *assembled.warnings],
        structured=structured,
    )


_Read = tuple[DocumentFormat, list[str], list[str], dict[str, Any] | None]


def _read(data: bytes, filename: str | None, limits: Limits) -> _Read:
    head = data[:1024]
    if _PDF_MAGIC in head:
        pages, warnings = read_pdf(data, limits)
        return "pdf", pages, warnings, None
    if data.startswith(_ZIP_MAGICS):
        return _read_package(data, filename, limits)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(_RTF_MAGIC):
        return "rtf", [rtf_to_text(data)], [], None
    if data.startswith(_OLE_MAGIC):
        raise UnknownFormat(
            "The file is an old Word (.doc) document or a password-protected Office file. "
            "Ask for a PDF or DOCX."
        )
    if data.startswith(_IMAGE_MAGICS):
        raise UnknownFormat("The file is an image, not a text document. Ask for a PDF or DOCX.")
    try:
        text = decode_text(data)
    except NotText as exc:
        raise _unknown(filename) from exc
    resume = parse_json_resume(text)
    if resume is not None:
        return "json_resume", [render_json_resume(resume)], [], resume
    if looks_like_html(text):
        return "html", [html_to_text(text)], [], None
    return ("markdown" if is_markdown(text, filename) else "text"), [text], [], None


def _read_package(data: bytes, filename: str | None, limits: Limits) -> _Read:
    archive = open_package(data, limits)
    with archive:
        names = set(archive.namelist())
        if BODY_PART in names and "[Content_Types].xml" in names:
            return "docx", read_docx(archive), [], None
        if "mimetype" in names and read_member(archive, "mimetype").strip() == ODT_MIMETYPE:
            return "odt", read_odt(archive), [], None
    raise UnknownFormat(
        "The file is a ZIP archive, not a CV document. Unpack it, or give it to a batch import."
    )


def _unknown(filename: str | None) -> UnknownFormat:
    extension = filename.rsplit(".", 1)[-1].lower() if filename and "." in filename else ""
    named = f" It is named .{extension} but its content does not match." if extension else ""
    return UnknownFormat(
        "The file is not in a CV format hireloop reads "
        f"(PDF, DOCX, ODT, RTF, HTML, text, Markdown, JSON Resume).{named}"
    )
