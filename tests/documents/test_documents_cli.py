"""`hireloop extract`: a table or JSON lines; failed files are data, a missing path is an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hireloop.cli import run


@pytest.fixture()
def cv_folder(tmp_path: Path) -> Path:
    (tmp_path / "ada.txt").write_text("Ada Lovelace\nSenior ML Engineer\n", encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body><p>Grace Hopper</p></body></html>")
    (tmp_path / "empty.pdf").write_bytes(b"")
    return tmp_path


def test_json_output_has_one_line_per_file_and_exit_code_zero_despite_failures(
    cv_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["extract", str(cv_folder), "--json", "--workers", "2"])

    assert code == 0
    rows = {
        Path(row["file"]).name: row for row in map(json.loads, capsys.readouterr().out.splitlines())
    }
    assert set(rows) == {"ada.txt", "page.html", "empty.pdf"}
    assert rows["ada.txt"]["status"] == "ok"
    assert rows["ada.txt"]["format"] == "text"
    assert rows["ada.txt"]["pages"] == 1
    assert rows["ada.txt"]["chars"] == len("Ada Lovelace\nSenior ML Engineer")
    assert rows["page.html"]["format"] == "html"
    assert rows["empty.pdf"]["status"] == "failed"
    assert "empty" in rows["empty.pdf"]["error"]
    assert set(rows["ada.txt"]) == {"file", "status", "error", "format", "pages", "chars"}


def test_table_output_ends_with_a_summary(
    cv_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["extract", str(cv_folder)])

    output = capsys.readouterr().out
    assert code == 0
    assert "ada.txt" in output
    assert "3 files: 2 ok, 1 failed" in output


def test_a_missing_path_is_an_error_with_exit_code_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["extract", str(tmp_path / "missing.pdf")])

    assert code == 2
    assert "missing.pdf" in capsys.readouterr().err
