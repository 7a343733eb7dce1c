"""`hireloop brief create|show` and `hireloop rank`, run in-process like an operator would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hireloop.cli import run

GOOD = """title: Senior ML Engineer (Contract)
outcome: Ship the ranking model to production on Kubernetes.
window_weeks: 8
stack: [PyTorch, Kubernetes]
location: us
must_haves: [PyTorch]
"""
SHIPPED_CV = """Ada Lovelace
Senior ML Engineer

Experience
Acme Corp, Senior ML Engineer, Jan 2023 - Present
- Shipped a PyTorch ranking model to production serving 20,000 requests per second at p99
  latency of 40 ms.
- Owned the Kubernetes and MLflow deployment pipeline; on-call, rolled back a bad model.

Skills
Python, PyTorch, Kubernetes, Docker, MLflow
"""
TENSORFLOW_CV = """Grace Hopper
Data Scientist

Experience
Bank Co, Data Scientist, 2021 - Present
- Trained TensorFlow models in notebooks for churn analysis; 0.91 AUC on the test set.
"""


@pytest.fixture
def home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    monkeypatch.setenv("HIRELOOP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("HIRELOOP_DATABASE_URL", raising=False)
    assert run(["db", "upgrade"]) == 0
    capsys.readouterr()
    return tmp_path


def write(home: Path, name: str, text: str) -> Path:
    path = home / name
    path.write_text(text, encoding="utf-8")
    return path


def test_create_prints_the_id_and_show_reads_it_back(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["brief", "create", str(write(home, "brief.yaml", GOOD))]) == 0
    out = capsys.readouterr()
    brief_id = int(out.out.strip())
    assert "8 weeks is under 13 weeks" in out.err

    assert run(["brief", "show", str(brief_id), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["id"] == brief_id and shown["must_haves"] == ["PyTorch"]
    assert any("under 13 weeks" in w for w in shown["warnings"])

    assert run(["brief", "show", str(brief_id)]) == 0
    assert "Senior ML Engineer (Contract)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("yaml_text", "named"),
    [
        ("title: T\ncolour: blue\n", "colour is not a field of a brief"),
        ("title: T\nwindow_weeks: twelve\n", "window_weeks must be a whole number"),
        ("title: T\nwindow_weeks: -2\n", "window_weeks must be greater than 0"),
        ("title: T\nstack: 5\n", "stack must be a list"),
        ("title: [unclosed\n", "brief is not valid YAML"),
    ],
)
def test_a_bad_yaml_brief_names_the_field_and_exits_2(
    home: Path, capsys: pytest.CaptureFixture[str], yaml_text: str, named: str
) -> None:
    assert run(["brief", "create", str(write(home, "bad.yaml", yaml_text))]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: bad.yaml: ") and named in err
    assert err.count("\n") == 1
    assert run(["brief", "list", "--json"]) == 0
    assert capsys.readouterr().out == ""


def test_a_missing_file_or_brief_exits_2(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["brief", "create", str(home / "nope.yaml")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert run(["brief", "show", "999"]) == 2
    assert run(["rank", "999"]) == 2


def test_rank_lists_each_candidate_with_score_and_factors(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cvs = home / "cvs"
    cvs.mkdir()
    write(cvs, "ada.txt", SHIPPED_CV)
    write(cvs, "grace.txt", TENSORFLOW_CV)
    assert run(["brief", "create", str(write(home, "brief.yaml", GOOD))]) == 0
    brief_id = int(capsys.readouterr().out.strip())
    assert run(["rank", str(brief_id), "--json"]) == 0
    assert capsys.readouterr().out == ""  # an empty pool ranks nobody, and that is no error

    assert run(["candidate", "import", str(cvs), "--workers", "1", "--as-of", "2026-05-01"]) == 0
    capsys.readouterr()

    command = ["shortlist", "rank", str(brief_id), "--json", "--as-of", "2026-05-01"]
    assert run(command) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert run(command[1:]) == 0, "`hireloop rank` is the same command"
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == rows
    assert [r["name"] for r in rows] == ["Ada Lovelace"]
    [ada] = rows
    assert ada["source_file"].endswith("ada.txt") and ada["score"] > 0
    assert {f["name"] for f in ada["factors"]} >= {"area coverage", "production evidence"}
    assert set(ada["factors"][0]) == {"name", "value", "weight", "contribution", "why"}
    assert sum(f["contribution"] for f in ada["factors"]) == pytest.approx(ada["score"], abs=0.05)

    assert run(["rank", str(brief_id), "--limit", "1", "--excluded"]) == 0
    out = capsys.readouterr().out
    assert "Ada Lovelace" in out and "area coverage" in out
    assert "excluded" in out and "Grace Hopper" in out and '"PyTorch"' in out
