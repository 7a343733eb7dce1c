"""Name, e-mail and phone of a CV, normalised for finding duplicate candidates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{1,4}\)[\s.\-]?)?\d{2,5}(?:[\s.\-]?\d{2,5}){1,4}(?!\w)"
)
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_NAME_WORD = re.compile(
    rf"^(?:[{_UPPER}][{_LOWER}]*(?:[-'\u2019]?[{_UPPER}]?[{_LOWER}]+)+\.?"
    rf"|[{_UPPER}](?:[-'\u2019]?[{_UPPER}])+|[{_UPPER}]\.)$"
)
_LETTERS = re.compile(f"[{_UPPER}{_LOWER}]+")
_NAME_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "bin"}
_NOT_NAME_WORDS = {
    "curriculum", "vitae", "resume", "résumé", "cv", "profile", "summary", "experience",
    "education", "skills", "contact", "engineer", "engineering", "senior", "staff", "lead",
    "principal", "machine", "learning", "data", "scientist", "science", "developer",
    "manager", "ml", "ai", "mlops", "llm", "software", "research", "researcher", "architect",
    "consultant", "contract", "objective", "projects", "references", "about", "me", "page",
    "applied", "platform", "infrastructure", "python", "professional", "personal", "details",
}  # fmt: skip
_TOP_LINES = 12
_MIN_PHONE_DIGITS, _MAX_PHONE_DIGITS = 10, 15


@dataclass(frozen=True)
class Contact:
    """Contact details found in a CV; any may be None."""

    name: str | None
    email: str | None
    phone: str | None


def find_contact(text: str, structured: dict[str, Any] | None = None) -> Contact:
    """Name, e-mail (lower-cased) and phone (digits only) of a CV."""
    basics = structured.get("basics") if isinstance(structured, dict) else None
    basics = basics if isinstance(basics, dict) else {}
    name = _clean_name(basics.get("name")) or _name_from_text(text)
    email = _email(basics.get("email")) or _email(text)
    phone = _phone(basics.get("phone")) or _phone(text)
    return Contact(name=name, email=email, phone=phone)


def normalise_phone(raw: str) -> str | None:
    """Digits of a phone number, at least 10; a leading US 1 of an 11-digit number is dropped."""
    digits = re.sub(r"\D", "", raw)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if not _MIN_PHONE_DIGITS <= len(digits) <= _MAX_PHONE_DIGITS:
        return None
    return digits


def _email(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    match = _EMAIL.search(value)
    return match.group(0).lower().strip(".") if match else None


def _phone(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    for match in _PHONE.finditer(value):
        phone = normalise_phone(match.group(0))
        if phone is not None:
            return phone
    return None


def _clean_name(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    name = " ".join(value.split())
    return name or None


def _name_from_text(text: str) -> str | None:
    lines = [line.strip() for line in text.splitlines() if line.strip()][:_TOP_LINES]
    for line in lines:
        candidate = _looks_like_name(line)
        if candidate is not None:
            return candidate
    return None


def _looks_like_name(line: str) -> str | None:
    if len(line) > 60 or "@" in line or any(char.isdigit() for char in line):
        return None
    words = line.replace(",", " ").split()
    if not 2 <= len(words) <= 4:
        return None
    capitalised = 0
    for word in words:
        if word.lower() in _NOT_NAME_WORDS:
            return None
        if word.lower() in _NAME_PARTICLES:
            continue
        if not _NAME_WORD.match(word):
            return None
        capitalised += 1
    if capitalised < 2:
        return None
    if line.isupper():
        return _LETTERS.sub(lambda match: match.group(0).capitalize(), " ".join(words))
    return " ".join(words)
