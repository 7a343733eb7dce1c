"""Fixtures for the rate tests: the packaged rate card, loaded and as raw data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from hireloop.reference.rate_card import RateCard, load_rate_card

PACKAGED_CARD = Path(__file__).resolve().parents[2] / "src/hireloop/reference/rate_card.yaml"


@pytest.fixture
def card() -> RateCard:
    return load_rate_card()


@pytest.fixture
def card_data() -> dict[str, Any]:
    data = yaml.safe_load(PACKAGED_CARD.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data
