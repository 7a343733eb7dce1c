"""The rule every human override of an automated judgement follows."""

from __future__ import annotations

from collections.abc import Sequence

from hireloop.kit.errors import InvalidInput


def checked_override(
    verdict: str | None, reason: str, choices: Sequence[str], judgement: str
) -> tuple[str | None, str]:
    """A known verdict (or None to clear the override) and a non-empty reason, trimmed."""
    if verdict is not None and verdict not in choices:
        raise InvalidInput(
            f"unknown verdict {verdict!r}; choose one of {', '.join(choices)}",
            detail=[{"field": "verdict", "error": "unknown verdict"}],
        )
    reason = reason.strip()
    if not reason:
        raise InvalidInput(
            f"say why you override the {judgement}",
            detail=[{"field": "reason", "error": "a reason is required"}],
        )
    return verdict, reason[:2000]
