"""Inputs of a batch: files, folders (recursively) and ZIP archives of CVs."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hireloop.documents.archive import member_problem, open_zip
from hireloop.documents.errors import (
    ExtractionError,
    FileTooLarge,
    UnreadableFile,
    UnsafeArchive,
)
from hireloop.documents.model import Limits

_PACKAGE_MARKERS = ("[Content_Types].xml", "mimetype")
_ZIP_MAGIC = b"PK\x03\x04"
_TAIL_BYTES = 22 + 65_535 + 76


@dataclass(frozen=True)
class InputFile:
    """One file to extract: a name, and bytes read only when needed, or an error already known."""

    name: str
    reader: Callable[[], bytes] | None = field(default=None, repr=False, compare=False)
    error: ExtractionError | None = None
    size: int | None = None

    def read(self) -> bytes:
        """The file's bytes; raises the attached error for a failed input."""
        if self.error is not None:
            raise self.error
        if self.reader is None:
            raise UnreadableFile(f"{self.name}: there is nothing to read.")
        return self.reader()

    @classmethod
    def from_bytes(cls, name: str, data: bytes) -> InputFile:
        return cls(name=name, reader=lambda: data, size=len(data))

    @classmethod
    def from_path(cls, path: Path, name: str | None = None) -> InputFile:
        try:
            size = path.stat().st_size
        except OSError:
            size = None
        return cls(name=name or str(path), reader=lambda: _read_path(path), size=size)

    @classmethod
    def failed(cls, name: str, error: ExtractionError) -> InputFile:
        return cls(name=name, error=error)


def iter_inputs(paths: Sequence[Path], *, limits: Limits | None = None) -> Iterator[InputFile]:
    """Every file under `paths`: folders sorted and recursive, hidden files skipped,
    ZIP archives of CVs opened (members named `archive.zip/member/path`)."""
    limits = limits or Limits()
    for path in paths:
        if path.is_dir():
            yield from _walk_folder(path, limits)
        elif path.is_file():
            yield from _file_or_archive(path, limits)
        else:
            yield InputFile.failed(str(path), UnreadableFile("The file does not exist."))


def _walk_folder(folder: Path, limits: Limits) -> Iterator[InputFile]:
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError:
        yield InputFile.failed(str(folder), UnreadableFile("The folder cannot be read."))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _walk_folder(entry, limits)
        elif entry.is_file():
            yield from _file_or_archive(entry, limits)


def _file_or_archive(path: Path, limits: Limits) -> Iterator[InputFile]:
    archive = _open_cv_archive(path, limits)
    if archive is None:
        yield InputFile.from_path(path)
        return
    source = _ArchiveSource(path, archive)
    try:
        yield from _archive_members(str(path), source, limits)
    finally:
        source.close()


def _open_cv_archive(path: Path, limits: Limits) -> zipfile.ZipFile | None:
    """An opened ZIP of CVs, or None for any other file (DOCX and ODT are documents)."""
    try:
        with path.open("rb") as handle:
            if handle.read(4) != _ZIP_MAGIC:
                return None
            size = path.stat().st_size
            handle.seek(max(0, size - _TAIL_BYTES))
            tail = handle.read()
        archive = open_zip(path, tail, limits.max_batch_archive_members)
    except (OSError, ExtractionError):
        return None  # extracting it as a file reports what is wrong with it
    names = set(archive.namelist())
    if any(marker in names for marker in _PACKAGE_MARKERS):
        archive.close()
        return None
    return archive


def _archive_members(
    archive_name: str, source: _ArchiveSource, limits: Limits
) -> Iterator[InputFile]:
    for info in source.infos():
        if info.is_dir() or _hidden(info.filename):
            continue
        name = f"{archive_name}/{info.filename}"
        problem = member_problem(info, limits, max_member_bytes=2**63)
        if problem is not None:
            yield InputFile.failed(
                name, UnsafeArchive(f"The archive entry was refused: {problem}.")
            )
        elif info.file_size > limits.max_file_bytes:
            yield InputFile.failed(name, too_large(info.file_size, limits))
        else:
            yield InputFile(name=name, reader=source.reader(info), size=info.file_size)


def too_large(size: int, limits: Limits) -> FileTooLarge:
    return FileTooLarge(
        f"The file is {size / 1_048_576:.1f} MB; the limit is "
        f"{limits.max_file_bytes / 1_048_576:.0f} MB for one CV."
    )


def _hidden(member: str) -> bool:
    parts = member.replace("\\", "/").split("/")
    return parts[0] == "__MACOSX" or any(part.startswith(".") and part != ".." for part in parts)


class _ArchiveSource:
    """Keeps a ZIP open while its members are read; reopens it if read after closing."""

    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path = path
        self.archive: zipfile.ZipFile | None = archive

    def infos(self) -> list[zipfile.ZipInfo]:
        return self._open().infolist()

    def reader(self, info: zipfile.ZipInfo) -> Callable[[], bytes]:
        def read() -> bytes:
            try:
                return self._open().read(info)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
                raise UnreadableFile(
                    "The archive entry is damaged and cannot be unpacked."
                ) from exc
            except Exception as exc:  # zlib and friends on a corrupt entry
                raise UnreadableFile(
                    "The archive entry is damaged and cannot be unpacked."
                ) from exc

        return read

    def _open(self) -> zipfile.ZipFile:
        if self.archive is None:
            self.archive = zipfile.ZipFile(self.path)
        return self.archive

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()
            self.archive = None


def _read_path(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"The file cannot be read ({exc.strerror or 'error'}).") from exc
