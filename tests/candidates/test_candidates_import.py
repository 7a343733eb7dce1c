"""Importing CVs into the workspace: nothing lost, nothing twice, people never merged silently."""

from __future__ import annotations

import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from corpus import HostileFile
from hireloop.candidates.import_runner import import_paths
from hireloop.candidates.models import Candidate, ImportItem, Screening
from hireloop.cli import run
from hireloop.runtime import Runtime
from support import add_user, login

AS_OF = date(2026, 11, 25)


def _cv(name: str, email: str, phone: str, extra: str = "") -> str:
    return (
        f"{name}\n{email} | {phone}\n\nEXPERIENCE\n"
        "Senior ML Engineer, Acme Example, Jan 2021 - Present\n"
        "- Deployed a PyTorch ranking model behind FastAPI on Kubernetes serving 3,000 "
        "requests per second at p99 45 ms; owned on-call and rollbacks.\n"
        f"{extra}\nSKILLS\nPython, PyTorch, Kubernetes\n"
    )


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "ada.txt").write_text(_cv("Ada Example", "ada@example.com", "(415) 555-0101"))
    (folder / "ben.md").write_text(_cv("Ben Sample", "ben@example.org", "(415) 555-0102"))
    (folder / "ada-2026.txt").write_text(
        _cv("Ada Example", "ada@example.com", "(415) 555-0101", "- Led the feature store.")
    )
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "noise.pdf").write_bytes(b"\x00\x13garbage that is no PDF at all" * 10)
    return folder


def test_every_file_ends_imported_or_failed_with_its_reason(
    runtime: Runtime, db: Session, tmp_path: Path
) -> None:
    summary = import_paths(runtime, [_folder(tmp_path)], as_of=AS_OF, workers=1)
    assert (summary.imported, summary.duplicates, summary.failed) == (3, 0, 2)
    items = db.scalars(select(ImportItem).where(ImportItem.batch_id == summary.batch_id)).all()
    failed = {Path(i.file).name: i.error for i in items if i.status == "failed"}
    assert set(failed) == {"empty.pdf", "noise.pdf"}
    assert all(reason for reason in failed.values())
    assert db.scalar(select(func.count()).select_from(Screening)) == 3


def test_importing_the_same_files_twice_creates_nothing_new(
    runtime: Runtime, db: Session, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    import_paths(runtime, [folder], as_of=AS_OF)
    again = import_paths(runtime, [folder], as_of=AS_OF)
    assert (again.imported, again.duplicates, again.failed) == (0, 3, 2)
    assert db.scalar(select(func.count()).select_from(Candidate)) == 3


def test_the_same_person_twice_is_flagged_for_merge_not_merged(
    runtime: Runtime, db: Session, tmp_path: Path
) -> None:
    import_paths(runtime, [_folder(tmp_path)], as_of=AS_OF)
    adas = db.scalars(select(Candidate).where(Candidate.email == "ada@example.com")).all()
    assert len(adas) == 2
    first, second = sorted(adas, key=lambda c: c.id)
    assert first.possible_duplicate_of_id is None
    assert second.possible_duplicate_of_id == first.id
    assert second.duplicate_reason == f"same e-mail as candidate {first.id}"


def test_an_import_killed_midway_finishes_on_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("HIRELOOP_HOME", str(home))
    monkeypatch.delenv("HIRELOOP_DATABASE_URL", raising=False)
    assert run(["db", "upgrade"]) == 0
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(400):
        phone = f"(212) 555-{n:04d}"
        (folder / f"cv-{n:03d}.txt").write_text(
            _cv(f"Person Number{n}", f"p{n}@example.com", phone)
        )
    command = [
        sys.executable,
        "-m",
        "hireloop",
        "candidate",
        "import",
        str(folder),
        "--workers",
        "1",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    database = home / "hireloop.db"
    deadline = time.monotonic() + 120
    committed = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(database) as conn:
                committed = conn.execute("select count(*) from candidates").fetchone()[0]
        except sqlite3.Error:
            continue
        if committed >= 25:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < committed < 400, "the run should have been killed midway"

    assert subprocess.run(command, capture_output=True, text=True).returncode == 0
    with sqlite3.connect(database) as conn:
        candidates = conn.execute(
            "select count(*), count(distinct email) from candidates"
        ).fetchone()
        documents = conn.execute(
            "select count(*), count(distinct sha256) from documents"
        ).fetchone()
    assert candidates == (400, 400)
    assert documents == (400, 400)


def test_the_upload_page_imports_files_and_lists_failures(
    client: TestClient, db: Session, tmp_path: Path
) -> None:
    token = login(client, add_user(db, "recruiter"))
    files = [
        ("files", ("ada.txt", _cv("Ada Example", "ada@example.com", "4155550101").encode())),
        ("files", ("broken.pdf", b"%PDF-1.7\n\x00 truncated")),
    ]
    response = client.post("/imports", data={"csrf_token": token}, files=files)
    assert response.status_code == 303
    page = client.get(response.headers["location"]).text
    assert re.search(r"<strong>1</strong> imported", page)
    assert "broken.pdf" in page
    failures = re.search(r'<table class="failures">(.*?)</table>', page, re.S)
    assert failures and "broken.pdf" in failures.group(1)


def test_a_batch_of_200_good_files_with_hostile_ones_mixed_in_imports_all_200(
    runtime: Runtime,
    db: Session,
    tmp_path: Path,
    good_folder: tuple[Path, dict[str, str]],
    hostile_files: dict[str, HostileFile],
) -> None:
    batch = tmp_path / "batch"
    shutil.copytree(good_folder[0], batch)
    for name, hostile in hostile_files.items():
        shutil.copy(hostile.path, batch / f"zz-{name}")
    summary = import_paths(runtime, [batch], as_of=AS_OF, workers=2)
    items = db.scalars(select(ImportItem).where(ImportItem.batch_id == summary.batch_id)).all()
    by_file = {i.file.removeprefix(f"{batch}/"): i for i in items}
    good = [name for name in by_file if not name.startswith("zz-")]
    assert len(good) == 200
    assert all(by_file[name].status == "imported" for name in good)
    for name, hostile in hostile_files.items():
        outcomes = [i for f, i in by_file.items() if f.startswith(f"zz-{name}")]
        assert outcomes, f"{name} left no trace"
        failed = [i for i in outcomes if i.status == "failed"]
        if hostile.expected_code is None:
            assert failed == [], name
        elif name.endswith(".zip"):  # the unsafe member fails; the safe CV beside it imports
            assert [i.file for i in failed] == [f"{batch}/zz-{name}/../../etc/passwd"]
            assert failed[0].error_code == hostile.expected_code and failed[0].error
        else:
            assert [(i.error_code, bool(i.error)) for i in outcomes] == [
                (hostile.expected_code, True)
            ], name
