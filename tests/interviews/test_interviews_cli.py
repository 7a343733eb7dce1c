"""`hireloop loop plan`: the brief's loop as a table or JSON; an unknown brief fails in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.cli import run
from hireloop.runtime import Runtime
from hireloop.settings import Settings


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HIRELOOP_HOME", str(tmp_path))
    monkeypatch.delenv("HIRELOOP_DATABASE_URL", raising=False)
    assert run(["db", "upgrade"]) == 0
    return tmp_path


def _add_brief(stack: list[str], must_haves: list[str] | None = None) -> int:
    runtime = Runtime(Settings())
    try:
        with runtime.transaction() as session:
            brief = BriefRepository(session).add(
                Brief(title="Support assistant", stack=stack, must_haves=must_haves or [])
            )
            return brief.id
    finally:
        runtime.close()


def test_the_plan_as_json_has_four_blocks_and_their_questions(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief_id = _add_brief(["Python", "pgvector"], ["RAG over internal documents"])
    capsys.readouterr()
    assert run(["loop", "plan", str(brief_id), "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["total_minutes"] == 240 and plan["involves_llm"] is True
    assert [(b["block"], b["minutes"], b["weight"]) for b in plan["blocks"]] == [
        ("system_design", 96, 40),
        ("deep_dive", 72, 30),
        ("behavioural", 48, 20),
        ("coding", 24, 10),
    ]
    design = plan["blocks"][0]["questions"]
    assert "rag_design_100k_docs" in [q["id"] for q in design]
    assert all(q["text"] and q["signal"] for b in plan["blocks"] for q in b["questions"])


def test_the_plan_as_a_table(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief_id = _add_brief(["PyTorch", "Kubernetes"])
    capsys.readouterr()
    assert run(["loop", "plan", str(brief_id)]) == 0
    out = capsys.readouterr().out
    assert "240 minutes" in out and "not saved yet" in out
    assert "system_design" in out and "40%" in out


def test_an_unknown_brief_is_one_line_and_exit_2(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(["loop", "plan", "424242", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "error: no brief with id 424242\n"
