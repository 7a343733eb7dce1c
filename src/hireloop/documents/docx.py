"""DOCX: headers, body (paragraphs, tables, text boxes) and footers in reading order."""

from __future__ import annotations

import itertools
import re
import zipfile
from collections.abc import Iterable
from xml.etree.ElementTree import Element

from hireloop.documents.archive import parse_xml, read_member
from hireloop.documents.errors import DamagedFile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
BODY_PART = "word/document.xml"
_HEADER = re.compile(r"^word/header\d*\.xml$")
_FOOTER = re.compile(r"^word/footer\d*\.xml$")
_SKIPPED = {f"{W}delText", f"{W}instrText", f"{MC}Fallback", f"{W}rPr", f"{W}pPr"}


class TextBuilder:
    """Accumulates text and the offsets where new pages begin."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.length = 0
        self.page_starts = [0]
        self.last = "\n"

    def add(self, text: str) -> None:
        if text:
            self.chunks.append(text)
            self.length += len(text)
            self.last = text[-1]

    def newline(self) -> None:
        if self.last != "\n":
            self.add("\n")

    def page_break(self) -> None:
        if self.length > self.page_starts[-1]:
            self.page_starts.append(self.length)

    def text(self) -> str:
        return "".join(self.chunks)

    def pages(self) -> list[str]:
        text = self.text()
        bounds = [*self.page_starts, len(text)]
        return [text[start:end] for start, end in itertools.pairwise(bounds)]


def walk(element: Element, out: TextBuilder) -> None:
    """Write the text under `element` in document order."""
    stack: list[Element | None] = [element]
    while stack:
        node = stack.pop()
        if node is None:
            out.newline()
            continue
        tag = node.tag
        if tag in _SKIPPED:
            continue
        if tag == f"{W}t":
            out.add(node.text or "")
        elif tag == f"{W}tab":
            out.add("\t")
        elif tag == f"{W}br":
            if node.get(f"{W}type") == "page":
                out.newline()
                out.page_break()
            else:
                out.add("\n")
        elif tag == f"{W}cr":
            out.add("\n")
        elif tag == f"{W}noBreakHyphen":
            out.add("-")
        elif tag == f"{W}lastRenderedPageBreak":
            out.page_break()
        elif tag == f"{W}tbl":
            out.newline()
            write_table(node, out)
            out.newline()
        elif tag == f"{W}p":
            out.newline()
            stack.append(None)
            stack.extend(reversed(list(node)))
        else:
            stack.extend(reversed(list(node)))


def write_table(table: Element, out: TextBuilder) -> None:
    """One line per row when every cell is a single line, else each cell as its own block."""
    rows = table.findall(f"{W}tr") + table.findall(f"{W}sdt/{W}sdtContent/{W}tr")
    for row in rows:
        cells: list[str] = []
        for cell in row.findall(f"{W}tc") + row.findall(f"{W}sdt/{W}sdtContent/{W}tc"):
            cell_out = TextBuilder()
            walk(cell, cell_out)
            cells.append(cell_out.text().strip("\n"))
        filled = [cell for cell in cells if cell.strip()]
        if not filled:
            continue
        out.newline()
        if all("\n" not in cell for cell in filled):
            out.add(" | ".join(cell.strip() for cell in filled))
        else:
            out.add("\n".join(filled))
        out.newline()


def _part_text(archive: zipfile.ZipFile, name: str) -> str:
    out = TextBuilder()
    walk(parse_xml(read_member(archive, name), name), out)
    return out.text().strip("\n")


def read_docx(archive: zipfile.ZipFile) -> list[str]:
    """Page texts of an opened DOCX package; headers lead the first page, footers end the last."""
    names = archive.namelist()
    if BODY_PART not in names:
        raise DamagedFile("The Word document is damaged: its main text part is missing.")
    body = TextBuilder()
    walk(parse_xml(read_member(archive, BODY_PART), BODY_PART), body)
    headers = _distinct(_part_text(archive, n) for n in sorted(names) if _HEADER.match(n))
    footers = _distinct(_part_text(archive, n) for n in sorted(names) if _FOOTER.match(n))
    pages = body.pages() or [""]
    if headers:
        pages[0] = "\n".join(headers) + "\n" + pages[0]
    if footers:
        pages[-1] = pages[-1].rstrip("\n") + "\n" + "\n".join(footers)
    return pages


def _distinct(texts: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for text in texts:
        if text and text not in seen:
            seen.append(text)
    return seen
