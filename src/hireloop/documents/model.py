"""The extraction result and the limits every file is held to."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Literal

DocumentFormat = Literal["pdf", "docx", "html", "text", "markdown", "json_resume", "odt", "rtf"]

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Limits applied to one file. Text beyond `max_chars` is cut off with a warning."""

    max_file_bytes: int = 10 * MB
    max_pages: int = 30
    max_chars: int = 200_000
    # DOCX / ODT packages, checked from the ZIP central directory before any part is opened.
    max_archive_members: int = 1_000
    max_archive_uncompressed_bytes: int = 50 * MB
    max_compression_ratio: float = 100.0
    # ZIP archives of CVs given to a batch: members are read one at a time.
    max_batch_archive_members: int = 100_000
    # Isolation of each file in a batch worker process.
    timeout_seconds: float = 20.0
    memory_bytes: int = 1024 * MB


@dataclass(frozen=True)
class ExtractedDocument:
    """Plain text of a CV, with where each page starts in it."""

    text: str
    format: DocumentFormat
    pages: int
    page_starts: list[int]
    sha256: str
    warnings: list[str] = field(default_factory=list)
    structured: dict[str, Any] | None = None

    def page_of(self, offset: int) -> int:
        """The 1-based page holding the character at `offset` of `text`."""
        if not self.page_starts:
            return 1
        return max(1, bisect.bisect_right(self.page_starts, offset))
