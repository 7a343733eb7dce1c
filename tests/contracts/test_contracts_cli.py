"""The terms gate from the command line: export is refused (exit 2) until the terms are agreed."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.candidates.models import Candidate
from hireloop.candidates.repository import CandidateRepository
from hireloop.cli import run
from hireloop.cli_support import unit_of_work
from hireloop.compliance.models import AuditEntry


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HIRELOOP_HOME", str(tmp_path))
    monkeypatch.delenv("HIRELOOP_DATABASE_URL", raising=False)
    assert run(["db", "upgrade"]) == 0
    return tmp_path


def _brief_and_candidate() -> tuple[int, int]:
    with unit_of_work() as session:
        brief = BriefRepository(session).add(Brief(title="Ship the support assistant"))
        candidate = CandidateRepository(session).add(Candidate(name="Ada Example"))
        return brief.id, candidate.id


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert run(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    return captured.err


def test_create_propose_agree_then_export_succeeds(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief_id, candidate_id = _brief_and_candidate()
    assert run(["shortlist", "add", str(brief_id), str(candidate_id)]) == 0
    capsys.readouterr()
    export = ["shortlist", "export", str(brief_id), "--format", "csv"]
    assert "Ada Example: no term sheet" in _refused(export, capsys)

    create = ["terms", "create", "--brief", str(brief_id), "--candidate", str(candidate_id)]
    create += ["--type", "w2", "--rate", "1400", "--start", "2027-01-11", "--end", "2027-07-09"]
    assert run([*create, "--conversion-fee", "20"]) == 0
    term_sheet_id = int(capsys.readouterr().out.strip())

    assert "Ada Example: terms are draft, not agreed" in _refused(export, capsys)
    assert run(["terms", "propose", str(term_sheet_id)]) == 0
    assert "now proposed" in capsys.readouterr().out
    assert "Ada Example: terms are proposed, not agreed" in _refused(export, capsys)
    assert run(["terms", "agree", str(term_sheet_id)]) == 0
    capsys.readouterr()

    assert run(export) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["name"], r["terms_status"], r["day_rate"]) for r in rows] == [
        ("Ada Example", "agreed", "1400.0")
    ]
    assert run(["shortlist", "export", str(brief_id), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["candidates"][0]["terms"]["end_date"] == "2027-07-09"

    out = tmp_path / "terms.docx"
    assert run(["terms", "render", str(term_sheet_id), "--out", str(out)]) == 0
    with zipfile.ZipFile(out) as docx:
        assert "Ada Example" in docx.read("word/document.xml").decode()

    with unit_of_work() as session:
        exports = session.scalars(select(AuditEntry).where(AuditEntry.action == "shortlist.export"))
        assert [e.detail["format"] for e in exports] == ["csv", "json"]


def test_bad_terms_are_one_line_errors_and_nothing_is_saved(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief_id, candidate_id = _brief_and_candidate()
    base = ["terms", "create", "--brief", str(brief_id), "--candidate", str(candidate_id)]
    backwards = [*base, "--type", "w2", "--start", "2027-07-09", "--end", "2027-01-11"]
    assert "end_date 2027-01-11 is before start_date 2027-07-09" in _refused(backwards, capsys)
    fee = [*base, "--type", "w2", "--conversion-fee", "120"]
    assert "conversion_fee_percent must be between 0 and 100" in _refused(fee, capsys)
    assert run([*base, "--type", "w2"]) == 0
    term_sheet_id = capsys.readouterr().out.strip()
    assert run(["terms", "propose", term_sheet_id]) == 0
    capsys.readouterr()
    err = _refused(["terms", "agree", term_sheet_id], capsys)
    assert "terms cannot be agreed until these are set: day_rate, start_date, end_date" in err
