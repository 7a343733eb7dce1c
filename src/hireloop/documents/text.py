"""Plain text and Markdown: charset detection and the text-or-markdown tie-break."""

from __future__ import annotations

import re

import charset_normalizer

from hireloop.documents.errors import UnknownFormat

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")
_TEXT_EXTENSIONS = (".txt", ".text")
_MD_HEADING = re.compile(r"^#{1,6} \S", re.MULTILINE)
_MD_MARKUP = re.compile(r"\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)|^```|^\s*[-*+] \S", re.MULTILINE)
_SAMPLE = 65_536


class NotText(UnknownFormat):
    """Bytes that decode to no readable text."""


def decode_text(data: bytes) -> str:
    """Decode text bytes: BOMs first, then strict UTF-8, UTF-16 without BOM, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _readable(data.decode(encoding, errors="replace"))
    try:
        return _readable(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data[:_SAMPLE])
    if utf16 is not None:
        return _readable(data.decode(utf16, errors="replace"))
    if b"\x00" in data[:_SAMPLE]:
        raise NotText("The file holds binary data, not text.")
    western = _mostly_western(data[:_SAMPLE])
    if western is not None:
        return _readable(western + data[_SAMPLE:].decode("cp1252", errors="replace"))
    best = charset_normalizer.from_bytes(data[:_SAMPLE]).best()
    if best is None or best.encoding is None:
        raise NotText("The file's text encoding cannot be recognised.")
    return _readable(data.decode(best.encoding, errors="replace"))


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text in Latin scripts has a NUL in every other byte."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _mostly_western(sample: bytes) -> str | None:
    """cp1252 text, the commonest legacy encoding of CVs, when few letters are accented.

    Detectors guess poorly on short Western texts; Cyrillic or Greek text in a single-byte
    code page is mostly high bytes and is left to the detector.
    """
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = sum(1 for char in text if char.isalpha())
    accented = sum(1 for char in text if char.isalpha() and not char.isascii())
    if letters == 0 or accented > 0.3 * letters:
        return None
    return text


def _readable(text: str) -> str:
    sample = text[:_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > 0.01 * len(sample) + 2:
        raise NotText("The file holds binary data, not text.")
    return text


def is_markdown(text: str, filename: str | None) -> bool:
    """The extension decides when it names text or Markdown; else the content does."""
    name = (filename or "").lower()
    if name.endswith(_MARKDOWN_EXTENSIONS):
        return True
    if name.endswith(_TEXT_EXTENSIONS):
        return False
    sample = text[:_SAMPLE]
    headings = len(_MD_HEADING.findall(sample))
    return headings >= 2 or (headings == 1 and _MD_MARKUP.search(sample) is not None)
