"""Batches: every input yields one outcome; a bad file fails alone, with its reason."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any

from hireloop.documents import InputFile, Limits, extract_inputs, extract_paths, iter_inputs
from hireloop.documents.batch import BatchStats
from hireloop.documents.errors import EmptyFile

# About 3 MB of markup that makes the HTML parser build millions of objects.
PATHOLOGICAL_HTML = b"<html><body>" + b"<div><b>x</b></div>" * 150_000 + b"</body></html>"


def test_a_mixed_batch_extracts_every_good_file_and_names_every_bad_one(
    good_folder: tuple[Path, dict[str, str]], hostile_files: dict[str, Any]
) -> None:
    folder, markers = good_folder
    hostile_folder = next(iter(hostile_files.values())).path.parent

    outcomes = list(extract_paths([folder, hostile_folder], workers=2))

    by_file = {outcome.file: outcome for outcome in outcomes}
    assert len(by_file) == len(outcomes), "each input yields exactly one outcome"
    for path, marker in markers.items():
        outcome = by_file[path]
        assert outcome.status == "ok", (path, outcome.error)
        assert outcome.document is not None and marker in outcome.document.text
        assert outcome.data == Path(path).read_bytes()
        assert outcome.sha256 == hashlib.sha256(outcome.data).hexdigest()
    for name, hostile in hostile_files.items():
        if name == "traversal.zip":
            continue
        outcome = by_file[str(hostile.path)]
        if hostile.expected_code is None:
            assert outcome.status == "ok", (name, outcome.error)
        else:
            assert (outcome.status, outcome.error_code) == ("failed", hostile.expected_code)
            assert outcome.error
    traversal = str(hostile_files["traversal.zip"].path)
    assert by_file[f"{traversal}/../../etc/passwd"].error_code == "unsafe_archive"
    assert by_file[f"{traversal}/cvs/ada_lovelace.txt"].status == "ok"
    assert len(outcomes) == len(markers) + len(hostile_files) + 1


def _inputs_around(bad: bytes) -> list[InputFile]:
    return [
        InputFile.from_bytes("before.txt", b"Ada Lovelace\nSenior ML Engineer\n"),
        InputFile.from_bytes("pathological.html", bad),
        InputFile.from_bytes("after.txt", b"Grace Hopper\nCompiler engineer\n"),
    ]


def test_a_file_that_exhausts_the_worker_memory_fails_alone() -> None:
    stats = BatchStats()
    limits = Limits(memory_bytes=128 * 1024 * 1024)
    outcomes = {
        outcome.file: outcome
        for outcome in extract_inputs(_inputs_around(PATHOLOGICAL_HTML), limits=limits, stats=stats)
    }

    assert outcomes["pathological.html"].error_code == "extraction_crashed"
    assert outcomes["pathological.html"].data == PATHOLOGICAL_HTML
    assert outcomes["before.txt"].status == "ok"
    assert outcomes["after.txt"].status == "ok"
    assert stats.workers_lost == 1


def test_a_file_that_hangs_the_parser_is_stopped_and_the_batch_carries_on() -> None:
    limits = Limits(timeout_seconds=1.0)
    outcomes = {
        outcome.file: outcome
        for outcome in extract_inputs(_inputs_around(PATHOLOGICAL_HTML), workers=2, limits=limits)
    }

    assert outcomes["pathological.html"].error_code == "extraction_timeout"
    assert outcomes["pathological.html"].error is not None
    assert outcomes["before.txt"].status == "ok"
    assert outcomes["after.txt"].status == "ok"


def test_inputs_that_failed_before_reading_are_reported_without_a_worker() -> None:
    outcomes = list(extract_inputs([InputFile.failed("lost.pdf", EmptyFile("The file is empty."))]))
    assert [(o.file, o.status, o.error_code, o.data) for o in outcomes] == [
        ("lost.pdf", "failed", "empty_file", None)
    ]


def test_an_oversized_file_is_refused_without_being_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    outcome = next(extract_paths([big], limits=Limits(max_file_bytes=1024)))
    assert (outcome.status, outcome.error_code, outcome.data) == ("failed", "file_too_large", None)


def test_folders_are_walked_sorted_and_recursively_skipping_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / ".DS_Store").write_text("hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("hidden")

    names = [item.name for item in iter_inputs([tmp_path])]

    assert names == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.txt")]


def test_zip_members_become_inputs_but_a_docx_stays_one_document(
    tmp_path: Path, good_folder: tuple[Path, dict[str, str]]
) -> None:
    folder, _ = good_folder
    docx_path = folder / "cv1.docx"
    archive_path = tmp_path / "cvs.zip"
    with zipfile.ZipFile(archive_path, "w") as archive:
        archive.writestr("team/ada.txt", "Ada Lovelace")
        archive.writestr("team/", "")
        archive.writestr("__MACOSX/team/._ada.txt", "resource fork")
        archive.write(docx_path, "team/cv1.docx")

    names = [item.name for item in iter_inputs([archive_path, docx_path])]

    assert names == [
        f"{archive_path}/team/ada.txt",
        f"{archive_path}/team/cv1.docx",
        str(docx_path),
    ]


def test_a_zip_bomb_member_is_refused_from_the_directory_alone(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"\0" * (8 * 1024 * 1024))
        archive.writestr("ada.txt", "Ada Lovelace, ML engineer")
    (tmp_path / "cvs.zip").write_bytes(buffer.getvalue())

    outcomes = {o.file.rsplit("/", 1)[1]: o for o in extract_paths([tmp_path / "cvs.zip"])}

    assert outcomes["bomb.txt"].error_code == "unsafe_archive"
    assert outcomes["bomb.txt"].data is None
    assert outcomes["ada.txt"].status == "ok"


def test_a_missing_path_is_a_failed_input(tmp_path: Path) -> None:
    outcome = next(extract_paths([tmp_path / "nowhere.pdf"]))
    assert (outcome.status, outcome.error_code) == ("failed", "unreadable_file")
