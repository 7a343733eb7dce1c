"""Typed errors for CV text extraction, worded for a recruiter.

Each class has a stable short `code` that can be stored in a database.
"""

from __future__ import annotations

from hireloop.kit.errors import HireloopError


class ExtractionError(HireloopError):
    """Base class: a file whose text could not be read."""

    status = 422
    code = "extraction_failed"


class EmptyFile(ExtractionError):
    code = "empty_file"


class UnknownFormat(ExtractionError):
    code = "unknown_format"


class FileTooLarge(ExtractionError):
    status = 413
    code = "file_too_large"


class TooManyPages(ExtractionError):
    code = "too_many_pages"


class EncryptedPdf(ExtractionError):
    code = "encrypted_pdf"


class NoTextLayer(ExtractionError):
    code = "no_text_layer"


class DamagedFile(ExtractionError):
    code = "damaged_file"


class UnsafeArchive(ExtractionError):
    code = "unsafe_archive"


class UnsafeXml(ExtractionError):
    code = "unsafe_xml"


class UnreadableFile(ExtractionError):
    code = "unreadable_file"


class ExtractionTimeout(ExtractionError):
    code = "extraction_timeout"


class ExtractionCrashed(ExtractionError):
    code = "extraction_crashed"


class WorkerStartFailed(HireloopError):
    """The worker processes of a batch cannot start: an installation problem, not a file's."""

    status = 500
    code = "worker_start_failed"


class PathNotFound(HireloopError):
    """A path given on the command line does not exist."""

    status = 404
    code = "path_not_found"


ERRORS_BY_CODE: dict[str, type[ExtractionError]] = {
    cls.code: cls
    for cls in (
        ExtractionError,
        EmptyFile,
        UnknownFormat,
        FileTooLarge,
        TooManyPages,
        EncryptedPdf,
        NoTextLayer,
        DamagedFile,
        UnsafeArchive,
        UnsafeXml,
        UnreadableFile,
        ExtractionTimeout,
        ExtractionCrashed,
    )
}
