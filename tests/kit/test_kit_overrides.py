"""Every human override names a known verdict (or clears it) and says why."""

from __future__ import annotations

import pytest

from hireloop.kit.errors import InvalidInput
from hireloop.kit.overrides import checked_override

CHOICES = ("competitive", "tight")


def test_a_known_verdict_with_a_reason_passes_trimmed() -> None:
    assert checked_override("tight", "  spoke to them  ", CHOICES, "rate check") == (
        "tight",
        "spoke to them",
    )
    assert checked_override(None, "back to the engine's view", CHOICES, "rate check")[0] is None


def test_an_unknown_verdict_or_a_blank_reason_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidInput) as unknown:
        checked_override("cheap", "why not", CHOICES, "rate check")
    assert unknown.value.detail == [{"field": "verdict", "error": "unknown verdict"}]
    with pytest.raises(InvalidInput, match="say why you override the rate check") as blank:
        checked_override("tight", "   ", CHOICES, "rate check")
    assert blank.value.detail == [{"field": "reason", "error": "a reason is required"}]
