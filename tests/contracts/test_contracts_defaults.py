"""Contract defaults are versioned, sourced data that a user can replace with their own file."""

from pathlib import Path

import pytest
import yaml

from hireloop.kit.errors import InvalidInput
from hireloop.reference.contract_defaults import load_contract_defaults
from hireloop.reference.loader import read_yaml


def test_every_figure_carries_a_source_and_a_date() -> None:
    ref = load_contract_defaults()
    sourced = [
        ref.engagement_length,
        ref.conversion_fee,
        ref.conversion_window,
        ref.notice_period,
        ref.working_days_per_year,
        ref.full_time_hours_per_week,
        ref.agency_safe_harbour,
        *ref.checkpoints,
        *ref.abc_test_states,
        *ref.freelance_contract_laws,
    ]
    for item in sourced:
        assert item.source.strip()
        assert item.as_of.year >= 2026


def test_the_market_figures_match_the_market_guide() -> None:
    ref = load_contract_defaults()
    assert (ref.conversion_fee.typical_min_percent, ref.conversion_fee.typical_max_percent) == (
        15,
        25,
    )
    assert (ref.engagement_length.min_months, ref.engagement_length.max_months) == (3, 12)
    assert (ref.conversion_window.start_month, ref.conversion_window.end_month) == (3, 6)
    assert {s.state for s in ref.abc_test_states} == {"CA", "MA", "NJ"}


def test_an_override_file_with_a_broken_range_is_refused_with_its_reason(tmp_path: Path) -> None:
    data = read_yaml("contract_defaults.yaml")
    assert isinstance(data, dict)
    data["conversion_window"]["start_month"] = 9
    override = tmp_path / "my_defaults.yaml"
    override.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load_contract_defaults(override)
    assert "conversion_window" in str(caught.value.detail)


def test_an_override_file_replaces_the_packaged_defaults(tmp_path: Path) -> None:
    data = read_yaml("contract_defaults.yaml")
    assert isinstance(data, dict)
    data["conversion_fee"]["default_percent"] = 22
    override = tmp_path / "my_defaults.yaml"
    override.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert load_contract_defaults(override).conversion_fee.default_percent == 22
