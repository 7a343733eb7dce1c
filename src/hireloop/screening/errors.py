"""Errors a user of screening can cause."""

from __future__ import annotations

from hireloop.kit.errors import InvalidInput


class InvalidAsOfDate(InvalidInput):
    """The as-of date is not a real YYYY-MM-DD date."""
