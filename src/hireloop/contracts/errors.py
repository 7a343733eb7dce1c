"""Errors a user can cause while drafting, agreeing or pricing contract terms."""

from __future__ import annotations

from hireloop.kit.errors import Conflict, InvalidInput


class InvalidTerm(InvalidInput):
    """A term sheet field holds a value the rules do not allow; `field` names it."""

    code = "invalid_term"

    def __init__(
        self, field: str, message: str, *, errors: list[dict[str, str]] | None = None
    ) -> None:
        detail: dict[str, object] = {"field": field}
        if errors:
            detail["errors"] = errors
        super().__init__(message, detail=detail)
        self.field = field


class EndBeforeStart(InvalidTerm):
    code = "end_before_start"

    def __init__(self, message: str) -> None:
        super().__init__("end_date", message)


class EngagementLengthOutOfRange(InvalidTerm):
    code = "engagement_length_out_of_range"

    def __init__(self, message: str) -> None:
        super().__init__("end_date", message)


class ConversionFeeOutOfRange(InvalidTerm):
    code = "conversion_fee_out_of_range"

    def __init__(self, message: str) -> None:
        super().__init__("conversion_fee_percent", message)


class TermsIncomplete(InvalidInput):
    """Terms cannot be agreed while required fields are empty; `missing` lists them."""

    code = "terms_incomplete"

    def __init__(self, missing: list[str]) -> None:
        super().__init__(
            "terms cannot be agreed until these are set: " + ", ".join(missing),
            detail={"missing": missing},
        )
        self.missing = missing


class InvalidTransition(Conflict):
    code = "invalid_transition"

    def __init__(self, current: str, target: str, message: str) -> None:
        super().__init__(message, detail={"from": current, "to": target})
        self.current = current
        self.target = target


class TermsLocked(Conflict):
    """Only draft terms can be edited."""

    code = "terms_locked"
