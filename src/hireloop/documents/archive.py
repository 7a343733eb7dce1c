"""ZIP and XML safety checks, made before any archive member or XML part is parsed."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeElementTree  # type: ignore[import-untyped]

from hireloop.documents.errors import DamagedFile, UnsafeArchive, UnsafeXml
from hireloop.documents.model import Limits

_EOCD = b"PK\x05\x06"
_ZIP64_EOCD = b"PK\x06\x06"
_EOCD_SEARCH_BYTES = 22 + 65_535 + 20 + 56
_RATIO_CHECK_FLOOR = 1024 * 1024
_DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
_UNSAFE_XML = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def declared_member_count(tail: bytes) -> int | None:
    """Member count from the end-of-central-directory record in the last bytes of a ZIP."""
    zip64 = tail.rfind(_ZIP64_EOCD)
    if zip64 >= 0 and len(tail) - zip64 >= 40:
        return int.from_bytes(tail[zip64 + 32 : zip64 + 40], "little")
    eocd = tail.rfind(_EOCD)
    if eocd < 0 or len(tail) - eocd < 22:
        return None
    return int.from_bytes(tail[eocd + 10 : eocd + 12], "little")


def is_unsafe_member_name(name: str) -> bool:
    """True for absolute paths and paths with `..` components."""
    normalised = name.replace("\\", "/")
    if normalised.startswith("/") or _DRIVE_LETTER.match(normalised):
        return True
    return any(part == ".." for part in normalised.split("/"))


def member_problem(info: zipfile.ZipInfo, limits: Limits, max_member_bytes: int) -> str | None:
    """Why one member must not be opened, judged from the central directory alone."""
    if is_unsafe_member_name(info.filename):
        return f"an entry points outside the archive ({info.filename!r})"
    if info.flag_bits & 0x1:
        return f"an entry is password-protected ({info.filename!r})"
    if info.file_size > _RATIO_CHECK_FLOOR:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_compression_ratio:
            return (
                f"an entry is compressed {ratio:,.0f} times over, "
                "the mark of a zip bomb that would fill the memory"
            )
    if info.file_size > max_member_bytes:
        return f"an entry unpacks to {info.file_size:,} bytes, far more than any CV needs"
    return None


def open_zip(source: BinaryIO | Path, tail: bytes, max_members: int) -> zipfile.ZipFile:
    """Open a ZIP after checking its declared member count from the raw end record."""
    count = declared_member_count(tail)
    if count is not None and count > max_members:
        raise UnsafeArchive(
            f"The archive holds {count:,} entries, more than the {max_members:,} allowed."
        )
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        raise DamagedFile("The file is damaged: its archive structure cannot be read.") from exc
    if len(archive.infolist()) > max_members:
        archive.close()
        raise UnsafeArchive(f"The archive holds more than the {max_members:,} entries allowed.")
    return archive


def open_package(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open a DOCX/ODT package, refusing bombs and path tricks before reading any part."""
    archive = open_zip(io.BytesIO(data), data[-_EOCD_SEARCH_BYTES:], limits.max_archive_members)
    total = 0
    for info in archive.infolist():
        problem = member_problem(info, limits, limits.max_archive_uncompressed_bytes)
        if problem is not None:
            archive.close()
            raise UnsafeArchive(f"The document was refused as unsafe: {problem}.")
        total += info.file_size
    if total > limits.max_archive_uncompressed_bytes:
        archive.close()
        raise UnsafeArchive(
            f"The document was refused as unsafe: it unpacks to {total:,} bytes, "
            "far more than any CV needs."
        )
    return archive


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """Read one member; reads never exceed the size declared in the central directory."""
    try:
        return archive.read(name)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise DamagedFile(f"The file is damaged: part {name!r} cannot be unpacked.") from exc


def parse_xml(xml: bytes, part: str) -> Element:
    """Parse an XML part, refusing any DOCTYPE or ENTITY declaration before parsing."""
    probe = xml
    if xml[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in xml[:4]:
        probe = xml.decode("utf-16", errors="replace").encode("utf-8")
    if _UNSAFE_XML.search(probe):
        raise UnsafeXml(
            "The document was refused as unsafe: it contains XML declarations "
            "that can be used to attack the reader."
        )
    try:
        root: Element = SafeElementTree.fromstring(
            xml, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except SafeElementTree.ParseError as exc:
        raise DamagedFile(f"The file is damaged: part {part!r} is not valid XML.") from exc
    except ValueError as exc:  # defusedxml refusals derive from ValueError
        raise UnsafeXml("The document was refused as unsafe: it contains forbidden XML.") from exc
    return root
