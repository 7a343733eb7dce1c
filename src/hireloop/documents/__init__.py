"""CV text extraction: bytes in any supported format -> plain text with a page map. Pure."""

from hireloop.documents.batch import (
    ExtractionOutcome,
    InputFile,
    extract_inputs,
    extract_paths,
    iter_inputs,
)
from hireloop.documents.contact import Contact, find_contact
from hireloop.documents.extract import extract
from hireloop.documents.model import DocumentFormat, ExtractedDocument, Limits

__all__ = [
    "Contact",
    "DocumentFormat",
    "ExtractedDocument",
    "ExtractionOutcome",
    "InputFile",
    "Limits",
    "extract",
    "extract_inputs",
    "extract_paths",
    "find_contact",
    "iter_inputs",
]
