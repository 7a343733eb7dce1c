"""Errors a user can cause while planning or closing an engagement."""

from __future__ import annotations

from hireloop.kit.errors import Conflict, InvalidInput


class InvalidEngagementInput(InvalidInput):
    """An engagement value the rules do not allow; `field` names it."""

    code = "invalid_engagement_input"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message, detail={"field": field})
        self.field = field


class OutcomeReasonRequired(InvalidEngagementInput):
    code = "outcome_reason_required"

    def __init__(self, outcome: str) -> None:
        super().__init__("reason", f"say why the engagement is marked {outcome}")
        self.outcome = outcome


class OverAllocated(Conflict):
    """The candidate's active engagements would add up to more than 100% of their time."""

    code = "over_allocated"

    def __init__(self, existing_total: int, new_percent: int) -> None:
        total = existing_total + new_percent
        super().__init__(
            f"a {new_percent}% engagement would bring this candidate to {total}% allocated "
            f"(already {existing_total}%); the most is 100%",
            detail={"existing_percent": existing_total, "new_percent": new_percent, "total": total},
        )
        self.total = total
