"""JSON Resume (jsonresume.org): detect it and render it as readable CV text."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

_RESUME_KEYS = {"basics", "work"}


def parse_json_resume(text: str) -> dict[str, Any] | None:
    """The resume object if `text` is a JSON object with `basics` or `work`, else None."""
    if not text.lstrip().startswith("{"):
        return None
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if isinstance(value, dict) and _RESUME_KEYS & value.keys():
        return value
    return None


def render_json_resume(resume: dict[str, Any]) -> str:
    """Readable text with section headings, dated roles and highlights as bullets."""
    lines: list[str] = []
    basics = _dict(resume.get("basics"))
    lines += _basics(basics)
    _section(lines, "Summary", [_str(basics.get("summary"))])
    _section(lines, "Experience", _entries(resume.get("work"), "position", "name"))
    _section(lines, "Volunteering", _entries(resume.get("volunteer"), "position", "organization"))
    _section(lines, "Projects", _entries(resume.get("projects"), "name", "entity"))
    _section(lines, "Skills", _skills(resume.get("skills")))
    _section(lines, "Education", _education(resume.get("education")))
    _section(lines, "Certificates", _simple(resume.get("certificates"), "name", "issuer", "date"))
    _section(lines, "Awards", _simple(resume.get("awards"), "title", "awarder", "date"))
    _section(
        lines,
        "Publications",
        _simple(resume.get("publications"), "name", "publisher", "releaseDate"),
    )
    _section(lines, "Languages", _simple(resume.get("languages"), "language", "fluency"))
    _section(lines, "Interests", _simple(resume.get("interests"), "name"))
    return "\n".join(lines).strip()


def _basics(basics: dict[str, Any]) -> list[str]:
    lines = [line for line in (_str(basics.get("name")), _str(basics.get("label"))) if line]
    location = _dict(basics.get("location"))
    place = ", ".join(
        part
        for part in (_str(location.get(key)) for key in ("city", "region", "countryCode"))
        if part
    )
    contact = [_str(basics.get(key)) for key in ("email", "phone", "url")]
    lines += [" · ".join(part for part in [*contact, place] if part)]
    for profile in _dicts(basics.get("profiles")):
        network, link = _str(profile.get("network")), _str(profile.get("url"))
        handle = link or _str(profile.get("username"))
        if handle:
            lines.append(f"{network}: {handle}" if network else handle)
    return [line for line in lines if line]


def _entries(items: Any, title_key: str, org_key: str) -> list[str]:
    lines: list[str] = []
    for item in _dicts(items):
        title, org = _str(item.get(title_key)), _str(item.get(org_key))
        heading = " — ".join(part for part in (title, org) if part)
        dates = _date_range(item.get("startDate"), item.get("endDate"))
        if dates:
            heading = f"{heading} ({dates})" if heading else dates
        if lines:
            lines.append("")
        lines += [line for line in (heading, _str(item.get("location"))) if line]
        lines += [_str(item.get(key)) for key in ("summary", "description") if _str(item.get(key))]
        lines += [f"- {text}" for text in _strs(item.get("highlights"))]
        keywords = _strs(item.get("keywords"))
        if keywords:
            lines.append("Keywords: " + ", ".join(keywords))
    return lines


def _skills(items: Any) -> list[str]:
    lines = []
    for item in _dicts(items):
        name, level = _str(item.get("name")), _str(item.get("level"))
        keywords = ", ".join(_strs(item.get("keywords")))
        label = f"{name} ({level})" if name and level else name or level
        line = f"{label}: {keywords}" if label and keywords else label or keywords
        if line:
            lines.append(f"- {line}")
    return lines


def _education(items: Any) -> list[str]:
    lines = []
    for item in _dicts(items):
        degree = " ".join(_str(item.get(key)) for key in ("studyType", "area") if item.get(key))
        line = ", ".join(part for part in (degree, _str(item.get("institution"))) if part)
        dates = _date_range(item.get("startDate"), item.get("endDate"))
        if dates:
            line = f"{line} ({dates})" if line else dates
        if line:
            lines.append(line)
        lines += [f"- {course}" for course in _strs(item.get("courses"))]
    return lines


def _simple(items: Any, *keys: str) -> list[str]:
    lines = []
    for item in _dicts(items):
        line = " — ".join(_str(item.get(key)) for key in keys if _str(item.get(key)))
        summary = _str(item.get("summary"))
        if line or summary:
            lines.append(f"- {line}: {summary}" if line and summary else f"- {line or summary}")
    return lines


def _section(lines: list[str], heading: str, body: list[str]) -> None:
    body = [line for line in body if line is not None]
    if any(line.strip() for line in body):
        lines += ["", heading, *body]


def _date_range(start: Any, end: Any) -> str:
    start_text, end_text = _month(start), _month(end)
    if not start_text and not end_text:
        return ""
    return f"{start_text or '?'} \u2013 {end_text or 'Present'}"


def _month(value: Any) -> str:
    text = _str(value)
    return text[:7] if len(text) == 10 and text[4] == "-" and text[7] == "-" else text


def _str(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _strs(value: Any) -> list[str]:
    items: Iterable[Any] = value if isinstance(value, list) else []
    return [text for text in (_str(item) for item in items) if text]


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
