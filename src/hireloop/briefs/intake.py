"""Read an outcome brief (YAML or a mapping), check it, and warn about weak spots."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails

from hireloop.briefs.errors import BriefInvalid
from hireloop.reference.role_shapes import load_role_shapes, normalise_term

EngagementType = Literal["1099", "w2", "c2c"]
ENGAGEMENT_TYPES: tuple[EngagementType, ...] = ("1099", "w2", "c2c")
_ENGAGEMENT_SPELLINGS: dict[str, EngagementType] = {
    "1099": "1099",
    "w2": "w2",
    "w 2": "w2",
    "c2c": "c2c",
    "corp to corp": "c2c",
}


def _as_term_list(value: object) -> object:
    """Accept a comma-separated string for a list; drop blanks and repeats (ignoring case)."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple):
        return value
    kept: list[object] = []
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, str):
            kept.append(item)
            continue
        text = " ".join(item.split())
        if text and text.lower() not in seen:
            seen.add(text.lower())
            kept.append(text)
    return kept


class BriefIn(BaseModel):
    """A hiring manager's outcome brief: what done looks like, in about 30 minutes of talk."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    title: str = Field(min_length=1, max_length=200)
    outcome: str = ""
    window_weeks: int | None = Field(default=None, gt=0, le=260, strict=True)
    stack: list[str] = Field(default_factory=list)
    success_metric: str = ""
    location: str | None = None
    budget_day_rate: float | None = Field(default=None, gt=0)
    engagement_types: list[EngagementType] = Field(default_factory=list)
    start_date: date | None = None
    must_haves: list[str] = Field(default_factory=list)
    nice_to_haves: list[str] = Field(default_factory=list)

    @field_validator("stack", "must_haves", "nice_to_haves", mode="before")
    @classmethod
    def _term_lists(cls, value: object) -> object:
        return _as_term_list(value)

    @field_validator("budget_day_rate", mode="before")
    @classmethod
    def _no_bool_rate(cls, value: object) -> object:
        if isinstance(value, bool):
            raise ValueError("must be a number of dollars per day")
        return value

    @field_validator("engagement_types", mode="before")
    @classmethod
    def _engagement_spellings(cls, value: object) -> object:
        if isinstance(value, str | int):
            value = [value]
        if not isinstance(value, list | tuple):
            return value
        types: list[object] = []
        for item in value:
            key = normalise_term(str(item)) if isinstance(item, str | int) else item
            spelled = _ENGAGEMENT_SPELLINGS.get(key, item) if isinstance(key, str) else item
            if spelled not in types:
                types.append(spelled)
        return types

    @field_validator("location", mode="before")
    @classmethod
    def _known_market(cls, value: object) -> object:
        if value is None or not isinstance(value, str):
            return value
        if not value.strip():
            return None
        shapes = load_role_shapes()
        market_id = shapes.resolve_market(value)
        if market_id is None:
            raise ValueError(f"must be one of the known markets: {', '.join(shapes.market_ids)}")
        return market_id


_PLAIN_WORDS: dict[str, str] = {
    "missing": "is required",
    "extra_forbidden": "is not a field of a brief",
    "string_type": "must be text",
    "string_too_short": "must not be empty",
    "string_too_long": "is too long",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "list_type": "must be a list",
    "date_type": "must be a date like 2026-05-04",
    "date_parsing": "must be a date like 2026-05-04",
    "date_from_datetime_parsing": "must be a date like 2026-05-04",
    "date_from_datetime_inexact": "must be a date without a time",
    "literal_error": f"must be one of {', '.join(ENGAGEMENT_TYPES)}",
}


def _field_name(loc: tuple[int | str, ...]) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "brief"


def _plain_error(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind in _PLAIN_WORDS:
        return _PLAIN_WORDS[kind]
    limit = (error.get("ctx") or {}).get("gt")
    if kind == "greater_than" and limit is not None:
        return f"must be greater than {limit}"
    if kind == "less_than_equal":
        return f"must be at most {(error.get('ctx') or {}).get('le')}"
    message = error["msg"]
    return message.removeprefix("Value error, ")


def _problems(exc: ValidationError) -> list[dict[str, Any]]:
    return [
        {"field": _field_name(tuple(err["loc"])), "error": _plain_error(err)}
        for err in exc.errors()
    ]


def _invalid(problems: list[dict[str, Any]]) -> BriefInvalid:
    fields = ", ".join(dict.fromkeys(str(p["field"]) for p in problems))
    return BriefInvalid(f"The brief has problems in: {fields}", detail=problems)


def validate_brief(data: Mapping[str, Any]) -> BriefIn:
    """Check a brief given as a mapping; raise BriefInvalid naming every field that is wrong."""
    if not isinstance(data, Mapping):
        raise _invalid(
            [{"field": "brief", "error": "must be a mapping of fields such as title and outcome"}]
        )
    bad_keys = [key for key in data if not isinstance(key, str)]
    if bad_keys:
        raise _invalid(
            [{"field": str(key), "error": "field names must be text"} for key in bad_keys]
        )
    try:
        return BriefIn.model_validate(dict(data))
    except ValidationError as exc:
        raise _invalid(_problems(exc)) from exc


def parse_brief_yaml(text: str) -> BriefIn:
    """Read a brief written as YAML; raise BriefInvalid when it is not YAML or not valid."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        raise _invalid([{"field": "brief", "error": f"is not valid YAML{where}"}]) from exc
    if data is None:
        raise _invalid([{"field": "brief", "error": "is empty"}])
    if not isinstance(data, Mapping):
        raise _invalid(
            [
                {
                    "field": "brief",
                    "error": "must be a YAML mapping of fields such as title: and outcome:",
                }
            ]
        )
    return validate_brief(data)


def brief_warnings(brief: BriefIn) -> list[str]:
    """Plain-word warnings about a valid brief that is likely to hurt the search."""
    warnings: list[str] = []
    window = load_role_shapes().min_window
    if brief.window_weeks is None:
        warnings.append("No project window given: say how many weeks the engagement should run.")
    elif brief.window_weeks < window.weeks:
        warnings.append(
            f"The window of {brief.window_weeks} weeks is under {window.weeks} weeks: "
            "contracts shorter than about three months seldom repay a senior contractor "
            f"({window.source}, {window.as_of:%B %Y})."
        )
    if not brief.must_haves:
        warnings.append(
            "No must-haves given: every candidate in the pool will be ranked, none filtered out."
        )
    if not brief.outcome:
        warnings.append("No outcome given: describe what done looks like at the end of the window.")
    if brief.location is None:
        warnings.append("No location given: the rate band and searches assume no market.")
    return warnings
