"""ODT (OpenDocument text): paragraphs, headings, lists and tables from content.xml."""

from __future__ import annotations

import zipfile
from xml.etree.ElementTree import Element

from hireloop.documents.archive import parse_xml, read_member
from hireloop.documents.docx import TextBuilder
from hireloop.documents.errors import DamagedFile

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_BLOCKS = {f"{TEXT}p", f"{TEXT}h", f"{TABLE}table-row", f"{TABLE}table-cell", f"{TEXT}list-item"}
_SKIPPED = {f"{OFFICE}annotation", f"{TEXT}note-citation", f"{TEXT}tracked-changes"}


class _EndBlock:
    """Marks the end of a block element on the walk stack."""


_END_BLOCK = _EndBlock()


def read_odt(archive: zipfile.ZipFile) -> list[str]:
    """Page texts of an opened ODT package (pages split at soft page breaks)."""
    if "content.xml" not in archive.namelist():
        raise DamagedFile("The OpenDocument file is damaged: its text part is missing.")
    root = parse_xml(read_member(archive, "content.xml"), "content.xml")
    out = TextBuilder()
    body = root.find(f"{OFFICE}body")
    _walk(body if body is not None else root, out)
    return out.pages() or [""]


def _walk(element: Element, out: TextBuilder) -> None:
    stack: list[Element | str | _EndBlock] = [element]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.add(item)
            continue
        if isinstance(item, _EndBlock):
            out.newline()
            continue
        tag = item.tag
        if tag in _SKIPPED:
            if item.tail:
                out.add(item.tail)
            continue
        if tag == f"{TEXT}s":
            out.add(" " * _int(item.get(f"{TEXT}c"), 1))
        elif tag == f"{TEXT}tab":
            out.add("\t")
        elif tag == f"{TEXT}line-break":
            out.add("\n")
        elif tag == f"{TEXT}soft-page-break":
            out.newline()
            out.page_break()
        if tag in _BLOCKS:
            out.newline()
        pending: list[Element | str | _EndBlock] = []
        if item.text and tag not in (f"{TEXT}s", f"{TEXT}tab"):
            pending.append(item.text)
        for child in item:
            pending.append(child)
        if tag in _BLOCKS:
            pending.append(_END_BLOCK)
        if item.tail and item is not element:
            pending.append(item.tail)
        stack.extend(reversed(pending))


def _int(value: str | None, default: int) -> int:
    try:
        return max(0, min(int(value or default), 1000))
    except ValueError:
        return default
