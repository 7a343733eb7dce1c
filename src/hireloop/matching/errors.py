"""Errors a user can cause when ranking a pool."""

from __future__ import annotations

from hireloop.kit.errors import InvalidInput


class RankingInputInvalid(InvalidInput):
    """The brief's facts cannot be used for ranking (for example, no positive area weight)."""
