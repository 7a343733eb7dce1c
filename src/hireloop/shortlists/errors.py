"""Errors a user can cause on a shortlist."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hireloop.kit.errors import Conflict


class AlreadyShortlisted(Conflict):
    code = "already_shortlisted"


class TermsOpen(Conflict):
    """The gate: a shortlist goes to the client only once every candidate's terms are agreed."""

    code = "terms_open"

    def __init__(self, action: str, problems: Sequence[str], detail: list[dict[str, Any]]) -> None:
        super().__init__(
            f"the shortlist cannot be {action} while terms are open: " + "; ".join(problems),
            detail=detail,
        )
        self.problems = list(problems)
