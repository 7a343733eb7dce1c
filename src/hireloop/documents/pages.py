"""Clean page texts and join them into one text with the offset where each page starts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PAGE_SEPARATOR = "\n\n"

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def clean_page(text: str) -> str:
    """Normalise line endings, drop control characters and surplus blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _CONTROL_CHARS.sub("", text)
    text = _TRAILING_SPACE.sub("\n", text + "\n")
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip("\n")


@dataclass
class AssembledText:
    text: str
    page_starts: list[int]
    warnings: list[str] = field(default_factory=list)


def assemble(pages: list[str], max_chars: int) -> AssembledText:
    """Join cleaned pages; text beyond `max_chars` is cut off with a warning."""
    chunks: list[str] = []
    page_starts: list[int] = []
    length = 0
    warnings: list[str] = []
    for number, raw in enumerate(pages, start=1):
        page = clean_page(raw)
        if chunks:
            chunks.append(PAGE_SEPARATOR)
            length += len(PAGE_SEPARATOR)
        if length >= max_chars:
            warnings.append(truncation_warning(max_chars, number if len(pages) > 1 else None))
            break
        page_starts.append(length)
        if length + len(page) > max_chars:
            chunks.append(page[: max_chars - length])
            length = max_chars
            warnings.append(truncation_warning(max_chars, number if len(pages) > 1 else None))
            break
        chunks.append(page)
        length += len(page)
    text = "".join(chunks).rstrip()
    return AssembledText(text=text, page_starts=page_starts or [0], warnings=warnings)


def truncation_warning(max_chars: int, page: int | None = None) -> str:
    where = f" (cut on page {page})" if page is not None else ""
    return (
        f"The text is longer than {max_chars:,} characters; "
        f"only the first {max_chars:,} were kept{where}."
    )
