"""Typed errors a user can cause. One handler renders them for pages, the API and the CLI."""

from __future__ import annotations

from typing import Any


class HireloopError(Exception):
    """An error a user can cause and fix. `status` is the HTTP status it maps to."""

    status: int = 400
    code: str = "bad_request"

    def __init__(self, message: str, *, detail: Any = None, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail
        if status is not None:
            self.status = status


class InvalidInput(HireloopError):
    """Input that fails validation; `detail` may carry field-level errors."""

    status = 422
    code = "invalid_input"


class NotFound(HireloopError):
    status = 404
    code = "not_found"


class Forbidden(HireloopError):
    status = 403
    code = "forbidden"


class NotAuthenticated(HireloopError):
    status = 401
    code = "not_authenticated"


class Conflict(HireloopError):
    status = 409
    code = "conflict"


class DatabaseNotMigrated(HireloopError):
    status = 503
    code = "database_not_migrated"
