"""Settings: a secret generated once and kept, never a placeholder."""

from __future__ import annotations

from pathlib import Path

import pytest

from hireloop.kit.errors import HireloopError
from hireloop.settings import Settings


def test_the_secret_is_generated_on_first_run_and_kept(tmp_path: Path) -> None:
    first = Settings(home=tmp_path).session_secret
    again = Settings(home=tmp_path).session_secret
    assert first == again and len(first) >= 32
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_a_placeholder_secret_is_refused(tmp_path: Path) -> None:
    with pytest.raises(HireloopError, match="placeholder"):
        _ = Settings(home=tmp_path, secret_key="changeme").session_secret


def test_production_requires_a_configured_secret(tmp_path: Path) -> None:
    with pytest.raises(HireloopError, match="must be set in production"):
        _ = Settings(home=tmp_path, environment="production").session_secret


def test_the_default_database_is_sqlite_in_the_home_folder(tmp_path: Path) -> None:
    url = Settings(home=tmp_path).resolved_database_url
    assert url == f"sqlite:///{(tmp_path / 'hireloop.db').resolve()}"
