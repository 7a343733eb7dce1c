"""Render the demo CVs as the files a new user would upload: text, PDF and DOCX.

The CVs are written as plain text and shipped as package data. Five of them are rendered to
PDF and five to DOCX so that the demo exercises every parser. Rendering is deterministic: the
same call gives byte-identical output, so the demo workspace and its tests are reproducible.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Literal

__all__ = [
    "DOCX_FILES",
    "FIXED_TIMESTAMP",
    "PDF_FILES",
    "Block",
    "demo_brief_yaml",
    "demo_cv_texts",
    "demo_files",
    "parse_cv_text",
    "render_docx",
    "render_pdf",
    "to_latin1",
]

#: Demo CVs shipped as PDF (text source file names).
PDF_FILES: frozenset[str] = frozenset(
    {
        "01-maren-okafor.txt",
        "07-hana-lindgren.txt",
        "13-aiko-brennan.txt",
        "20-rachel-donnelly.txt",
        "25-nadia-kowalczyk.txt",
    }
)

#: Demo CVs shipped as DOCX (text source file names).
DOCX_FILES: frozenset[str] = frozenset(
    {
        "03-sofia-marchetti.txt",
        "08-tomas-brandt.txt",
        "17-kevin-strand.txt",
        "22-bradley-kim.txt",
        "29-monica-albright.txt",
    }
)

#: Creation and modification time written into every rendered document.
FIXED_TIMESTAMP = datetime(2026, 1, 5, 9, 0, 0, tzinfo=UTC)

_PACKAGE = "hireloop.demo"

_KNOWN_HEADINGS = frozenset(
    {
        "about me",
        "academic projects",
        "achievements",
        "awards",
        "certificates",
        "certifications",
        "education",
        "experience",
        "interests",
        "languages",
        "machine learning projects",
        "objective",
        "open source and talks",
        "other",
        "professional experience",
        "professional summary",
        "profile",
        "projects",
        "publications",
        "research experience",
        "research profile",
        "skills",
        "speaking",
        "summary",
        "talks",
        "talks and writing",
        "teaching",
        "technical skills",
        "volunteering",
        "work experience",
    }
)

_LATIN1_REPLACEMENTS = {
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2022": "-",
    "\u2023": "-",
    "\u2043": "-",
    "\u2026": "...",
    "\u2192": "->",
    "\u2190": "<-",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2248": "~",
    "\u2009": " ",
    "\u202f": " ",
}

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2023\u2043]|\d+\.)\s+(?P<body>.+)$")
_MARKDOWN_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<body>.+)$")
_UNDERLINE = re.compile(r"^\s*(?:-{3,}|={3,})\s*$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC_LINE = re.compile(r"^\*(?P<body>[^*]+)\*$")

BlockKind = Literal["title", "heading", "bullet", "text", "blank"]


@dataclass(frozen=True)
class Block:
    """One line of a CV after light layout analysis.

    ``level`` is the heading depth (1 for a section, 2 or 3 for an entry inside a section)
    and 0 for every other kind.
    """

    kind: BlockKind
    text: str
    level: int = 0


def to_latin1(text: str) -> str:
    """Replace characters the PDF core fonts cannot show with ASCII equivalents."""
    replaced = "".join(_LATIN1_REPLACEMENTS.get(char, char) for char in text)
    return replaced.encode("latin-1", errors="replace").decode("latin-1")


def _clean_inline(text: str) -> str:
    text = _BOLD.sub(r"\1", text.strip())
    match = _ITALIC_LINE.match(text)
    return match.group("body").strip() if match else text


def _is_caps_heading(line: str) -> bool:
    letters = [char for char in line if char.isalpha()]
    return bool(letters) and line == line.upper() and len(line) <= 60


def _is_colon_heading(line: str) -> bool:
    return line.endswith(":") and line.count(":") == 1 and len(line) <= 40


def parse_cv_text(text: str) -> list[Block]:
    """Split a plain-text CV into title, headings, bullets and text lines.

    Recognises the heading styles the demo CVs use: Markdown ``#`` headings, lines underlined
    with ``----`` or ``====``, ALL CAPS lines, ``Experience:`` with a colon and common section
    names in Title Case. The first non-empty line is the candidate's name.
    """
    lines = text.splitlines()
    markdown_levels = sorted(
        {
            len(match.group("hashes"))
            for index, line in enumerate(lines)
            if (match := _MARKDOWN_HEADING.match(line.strip())) and index > _first_line(lines)
        }
    )
    blocks: list[Block] = []
    title_seen = False
    skip_next = False
    for index, raw in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        line = raw.strip()
        if not line:
            blocks.append(Block("blank", ""))
            continue
        markdown = _MARKDOWN_HEADING.match(line)
        if not title_seen:
            title_seen = True
            name = markdown.group("body") if markdown else line
            blocks.append(Block("title", _clean_inline(name)))
            continue
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        if markdown:
            depth = markdown_levels.index(len(markdown.group("hashes"))) + 1
            blocks.append(Block("heading", _clean_inline(markdown.group("body")), min(depth, 3)))
        elif _UNDERLINE.match(next_line) and not _UNDERLINE.match(line):
            blocks.append(Block("heading", _clean_inline(line), 1))
            skip_next = True
        elif bullet := _BULLET.match(line):
            blocks.append(Block("bullet", _clean_inline(bullet.group("body"))))
        elif _is_colon_heading(line) or line.lower() in _KNOWN_HEADINGS:
            blocks.append(Block("heading", _clean_inline(line.rstrip(":")), 1))
        elif _is_caps_heading(line):
            blocks.append(Block("heading", _clean_inline(line), 1))
        else:
            blocks.append(Block("text", _clean_inline(line)))
    return _collapse_blanks(blocks)


def _first_line(lines: list[str]) -> int:
    for index, line in enumerate(lines):
        if line.strip():
            return index
    return len(lines)


def _collapse_blanks(blocks: list[Block]) -> list[Block]:
    collapsed: list[Block] = []
    for block in blocks:
        if block.kind == "blank" and (not collapsed or collapsed[-1].kind == "blank"):
            continue
        collapsed.append(block)
    while collapsed and collapsed[-1].kind == "blank":
        collapsed.pop()
    return collapsed


def render_pdf(text: str) -> bytes:
    """Render a plain-text CV as a Letter-size PDF with the core Helvetica font."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    pdf = FPDF(orientation="portrait", unit="mm", format="Letter")
    pdf.set_creation_date(FIXED_TIMESTAMP)
    pdf.set_title("Curriculum vitae")
    pdf.set_creator("hireloop demo")
    pdf.set_margins(left=20, top=18, right=20)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    for block in parse_cv_text(text):
        body = to_latin1(block.text)
        if block.kind == "title":
            pdf.set_font("Helvetica", style="B", size=17)
            pdf.multi_cell(0, 8, body, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        elif block.kind == "heading" and block.level == 1:
            pdf.ln(2)
            pdf.set_font("Helvetica", style="B", size=12)
            pdf.multi_cell(0, 6.5, body, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
            pdf.ln(1.5)
        elif block.kind == "heading":
            pdf.ln(1)
            pdf.set_font("Helvetica", style="B", size=10.5)
            pdf.multi_cell(0, 5.5, body, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif block.kind == "bullet":
            pdf.set_font("Helvetica", size=10)
            pdf.set_x(pdf.l_margin + 3)
            pdf.cell(4, 5, "-")
            pdf.multi_cell(0, 5, body, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif block.kind == "text":
            pdf.set_font("Helvetica", size=10)
            pdf.multi_cell(0, 5, body, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        else:
            pdf.ln(2)
    return bytes(pdf.output())


def render_docx(text: str) -> bytes:
    """Render a plain-text CV as DOCX: Heading styles for headings, List Bullet for bullets."""
    import docx

    document = docx.Document()
    properties = document.core_properties
    naive_time = FIXED_TIMESTAMP.replace(tzinfo=None)
    properties.author = "hireloop demo"
    properties.last_modified_by = "hireloop demo"
    properties.title = "Curriculum vitae"
    properties.created = naive_time
    properties.modified = naive_time
    properties.last_printed = naive_time
    properties.revision = 1
    for block in parse_cv_text(text):
        if block.kind == "title":
            document.add_heading(block.text, level=0)
        elif block.kind == "heading":
            document.add_heading(block.text, level=block.level)
        elif block.kind == "bullet":
            document.add_paragraph(block.text, style="List Bullet")
        elif block.kind == "text":
            document.add_paragraph(block.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip archive with fixed timestamps and attributes so its bytes are stable."""
    date_time = (
        FIXED_TIMESTAMP.year,
        FIXED_TIMESTAMP.month,
        FIXED_TIMESTAMP.day,
        FIXED_TIMESTAMP.hour,
        FIXED_TIMESTAMP.minute,
        FIXED_TIMESTAMP.second,
    )
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return output.getvalue()


def _demo_root() -> Traversable:
    return resources.files(_PACKAGE)


def demo_cv_texts() -> list[tuple[str, str]]:
    """All demo CVs as (file name, text), in file-name order."""
    cv_dir = _demo_root() / "cvs"
    entries = sorted(
        (entry for entry in cv_dir.iterdir() if entry.name.endswith(".txt")),
        key=lambda entry: entry.name,
    )
    return [(entry.name, entry.read_text(encoding="utf-8")) for entry in entries]


def demo_files() -> list[tuple[str, bytes]]:
    """All demo CVs as uploadable files (file name, bytes): 5 PDF, 5 DOCX, the rest text."""
    files: list[tuple[str, bytes]] = []
    for name, text in demo_cv_texts():
        stem = name.removesuffix(".txt")
        if name in PDF_FILES:
            files.append((f"{stem}.pdf", render_pdf(text)))
        elif name in DOCX_FILES:
            files.append((f"{stem}.docx", render_docx(text)))
        else:
            files.append((name, text.encode("utf-8")))
    return files


def demo_brief_yaml() -> str:
    """The demo outcome brief as YAML text."""
    return (_demo_root() / "brief.yaml").read_text(encoding="utf-8")
