"""The command line as an operator uses it: migrate, load the demo, list, fail clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hireloop.cli import run
from hireloop.demo.loader import DEMO_EMAIL


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HIRELOOP_HOME", str(tmp_path))
    monkeypatch.delenv("HIRELOOP_DATABASE_URL", raising=False)
    return tmp_path


def test_a_database_that_was_never_migrated_says_how_to_migrate(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["brief", "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "never been migrated" in err and "hireloop db upgrade" in err


def test_upgrade_then_lists_are_empty_json(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["db", "upgrade"]) == 0
    capsys.readouterr()
    assert run(["brief", "list", "--json"]) == 0
    assert run(["candidate", "list", "--json"]) == 0
    assert capsys.readouterr().out == ""


def test_user_create_and_a_bad_role_is_one_line_and_exit_2(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(["db", "upgrade"])
    monkeypatch.setenv("HIRELOOP_NEW_PASSWORD", "a long enough password")
    assert run(["user", "create", "--email", "r@example.com", "--role", "recruiter"]) == 0
    assert "created user" in capsys.readouterr().out
    assert run(["user", "create", "--email", "x@example.com", "--role", "boss"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: unknown role 'boss'") and err.count("\n") == 1
    assert run(["user", "create", "--email", "r@example.com", "--role", "recruiter"]) == 2
    assert "already exists" in capsys.readouterr().err


def test_demo_load_twice_keeps_the_data_and_adds_no_duplicates(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["db", "upgrade"])
    assert run(["demo", "load"]) == 0
    first = capsys.readouterr().out
    assert "demo workspace loaded" in first and DEMO_EMAIL in first
    run(["candidate", "list", "--json", "--limit", "1000"])
    candidates = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(candidates) == 30
    assert sum(1 for c in candidates if c["possible_duplicate_of"]) == 1

    assert run(["demo", "load"]) == 0
    assert "already present" in capsys.readouterr().out
    run(["candidate", "list", "--json", "--limit", "1000"])
    assert len(capsys.readouterr().out.splitlines()) == 30
    run(["brief", "list", "--json"])
    briefs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(briefs) == 1 and briefs[0]["location"] == "sf_bay_area"


def test_a_bad_date_option_is_a_one_line_error(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["db", "upgrade"])
    capsys.readouterr()
    assert run(["candidate", "import", str(tmp_path), "--as-of", "yesterday"]) == 2
    assert "--as-of must be a date" in capsys.readouterr().err


def test_a_usage_mistake_is_one_line_and_exit_2_never_a_traceback(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["shortlist", "export", "--format", "csv"]) == 2
    assert capsys.readouterr().err == "error: Missing argument 'brief_id'.\n"
    assert run(["brief", "list", "--bogus"]) == 2
    assert capsys.readouterr().err == "error: No such option: --bogus\n"
    assert run(["loop", "plan", "seven"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: Invalid value for 'brief_id'") and err.count("\n") == 1
    assert run(["brief", "--help"]) == 0
