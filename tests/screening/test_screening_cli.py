"""`hireloop screen` on a folder of text CVs, with no database."""

import json
from pathlib import Path

import pytest

from hireloop.cli import run

PRODUCTION = (
    "Senior ML Engineer\n\nEXPERIENCE\nML Engineer | Acme | Jan 2022 - Present\n"
    "- Deployed a PyTorch model on Kubernetes serving 20k requests per second at p99 30 ms.\n"
    "- Owned on-call and rollbacks; drift monitoring in Grafana.\n"
)
WEB = "Web Developer\n\nEXPERIENCE\nDeveloper | Shop | 2019 - Present\n- Built React pages.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "alex.txt").write_text(PRODUCTION, encoding="utf-8")
    (tmp_path / "robin.txt").write_text(WEB, encoding="utf-8")
    return tmp_path


def test_json_prints_one_line_per_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["screen", str(folder), "--json", "--as-of", "2026-11-25"])
    assert code == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_name = {Path(row["file"]).name: row for row in rows}
    assert set(by_name) == {"alex.txt", "robin.txt"}
    assert by_name["alex.txt"]["verdict"] == "production"
    assert by_name["alex.txt"]["production_level"] == 3
    assert by_name["robin.txt"]["verdict"] == "not_ml"
    for key in ("file", "status", "error", "score", "areas", "evidence", "missing"):
        assert key in by_name["alex.txt"]
    assert "years_experience" in by_name["alex.txt"]


def test_table_output_names_each_file_and_verdict(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["screen", str(folder / "alex.txt"), "--as-of", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "production" in out


def test_bad_as_of_is_a_one_line_user_error(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["screen", str(folder), "--as-of", "25/11/2026"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error:") and "\n" not in err


def test_missing_path_is_a_user_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["screen", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_a_broken_file_fails_alone(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    assert run(["screen", str(folder), "--json", "--as-of", "2026-11-25"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    statuses = {Path(row["file"]).name: row["status"] for row in rows}
    assert statuses == {"alex.txt": "ok", "robin.txt": "ok", "broken.pdf": "failed"}
