"""Errors a user can cause when writing an outcome brief."""

from __future__ import annotations

from typing import Any

from hireloop.kit.errors import InvalidInput


class BriefInvalid(InvalidInput):
    """The brief cannot be read; `detail` lists each problem as {"field", "error"}."""

    def __init__(self, message: str, *, detail: list[dict[str, Any]]) -> None:
        super().__init__(message, detail=detail)
        self.problems = detail
