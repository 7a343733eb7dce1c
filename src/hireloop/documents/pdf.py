"""PDF text with pypdfium2, falling back to pypdf for files pdfium cannot open."""

from __future__ import annotations

import io
import logging

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from pypdf.errors import FileNotDecryptedError, PdfReadError

from hireloop.documents.errors import DamagedFile, EncryptedPdf, NoTextLayer, TooManyPages
from hireloop.documents.model import Limits

_MIN_LETTERS_PER_PAGE = 10
_PYPDF_LOGGER = logging.getLogger("pypdf")


def encrypted_pdf() -> EncryptedPdf:
    return EncryptedPdf(
        "The PDF is password-protected. Ask the candidate for a copy without a password."
    )


def damaged_pdf() -> DamagedFile:
    return DamagedFile(
        "The PDF is damaged and its text cannot be read. Ask the candidate to send it again."
    )


def too_many_pages(pages: int, limits: Limits) -> TooManyPages:
    return TooManyPages(
        f"The PDF has {pages:,} pages; a CV may have at most {limits.max_pages}. "
        "Check that the right file was sent."
    )


def read_pdf(data: bytes, limits: Limits) -> tuple[list[str], list[str]]:
    """Page texts and warnings of a PDF."""
    warnings: list[str] = []
    try:
        pages = _read_with_pdfium(data, limits)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_raw.FPDF_ERR_PASSWORD, pdfium_raw.FPDF_ERR_SECURITY):
            raise encrypted_pdf() from exc
        pages = _read_with_pypdf(data, limits)
        warnings.append("The PDF is damaged; its text was recovered and may be incomplete.")
    if sum(_letters(page) for page in pages) < _MIN_LETTERS_PER_PAGE * len(pages):
        raise NoTextLayer(
            "The PDF has no text layer: it looks like a scan or a picture of a CV. "
            "Ask the candidate for a PDF saved from a word processor, or a DOCX."
        )
    return pages, warnings


def _read_with_pdfium(data: bytes, limits: Limits) -> list[str]:
    document = pdfium.PdfDocument(data)
    try:
        count = len(document)
        if count > limits.max_pages:
            raise too_many_pages(count, limits)
        if count == 0:
            raise damaged_pdf()
        pages: list[str] = []
        for index in range(count):
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                finally:
                    textpage.close()
            finally:
                page.close()
            pages.append(text)
        return pages
    finally:
        document.close()


def _read_with_pypdf(data: bytes, limits: Limits) -> list[str]:
    previous_level = _PYPDF_LOGGER.level
    _PYPDF_LOGGER.setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise encrypted_pdf()
        count = len(reader.pages)
        if count > limits.max_pages:
            raise too_many_pages(count, limits)
        if count == 0:
            raise damaged_pdf()
        return [page.extract_text() or "" for page in reader.pages]
    except (FileNotDecryptedError, PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise damaged_pdf() from exc
    except (AttributeError, IndexError, OSError, RecursionError, ZeroDivisionError) as exc:
        raise damaged_pdf() from exc
    finally:
        _PYPDF_LOGGER.setLevel(previous_level)


def _letters(text: str) -> int:
    return sum(1 for char in text if char.isalnum())
