"""Runs an import end to end. It owns its transactions: files are committed in small chunks,
so a run killed midway keeps what it finished and a rerun skips it by content hash."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from hireloop.auth.repository import UserRepository
from hireloop.briefs.repository import BriefRepository
from hireloop.candidates.importing import (
    finish_batch,
    record_duplicate,
    record_outcome,
    start_batch,
)
from hireloop.candidates.repository import ImportRepository
from hireloop.documents import ExtractionOutcome, InputFile, extract_inputs, iter_inputs
from hireloop.documents.model import Limits
from hireloop.kit.errors import NotFound
from hireloop.kit.store import ContentStore
from hireloop.runtime import Runtime

CHUNK = 25


@dataclass
class ImportSummary:
    batch_id: int
    imported: int = 0
    duplicates: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.imported + self.duplicates + self.failed


def import_paths(
    runtime: Runtime,
    paths: Sequence[Path],
    *,
    brief_id: int | None = None,
    actor_id: int | None = None,
    workers: int = 1,
    as_of: date,
    on_file: Callable[[str, str], None] | None = None,
) -> ImportSummary:
    for path in paths:
        if not path.exists():
            raise NotFound(f"{path} does not exist")
    source = ", ".join(str(p) for p in paths)
    return import_inputs(
        runtime,
        iter_inputs(list(paths)),
        source=source,
        brief_id=brief_id,
        actor_id=actor_id,
        workers=workers,
        as_of=as_of,
        on_file=on_file,
    )


def import_inputs(
    runtime: Runtime,
    inputs: Iterable[InputFile],
    *,
    source: str,
    brief_id: int | None,
    actor_id: int | None,
    workers: int,
    as_of: date,
    on_file: Callable[[str, str], None] | None = None,
    limits: Limits | None = None,
) -> ImportSummary:
    store = ContentStore(runtime.settings.documents_dir)
    with runtime.transaction() as session:
        brief = BriefRepository(session).get(brief_id) if brief_id is not None else None
        if brief_id is not None and brief is None:
            raise NotFound(f"no brief with id {brief_id}")
        actor = UserRepository(session).get(actor_id) if actor_id is not None else None
        batch = start_batch(session, actor, brief, source)
        known = ImportRepository(session).known_hashes()
    summary = ImportSummary(batch_id=batch.id)
    skipped: list[tuple[str, str]] = []

    def fresh_only() -> Iterator[InputFile]:
        for item in inputs:
            if item.error is not None:
                yield item
                continue
            data = item.read()
            digest = hashlib.sha256(data).hexdigest()
            if digest in known:
                skipped.append((item.name, digest))
                continue
            known.add(digest)
            yield InputFile.from_bytes(item.name, data)

    pending: list[ExtractionOutcome] = []

    def flush() -> None:
        with runtime.transaction() as session:
            current = ImportRepository(session).get_batch(summary.batch_id)
            assert current is not None
            brief_now = BriefRepository(session).get(brief_id) if brief_id else None
            actor_now = UserRepository(session).get(actor_id) if actor_id else None
            for name, digest in skipped:
                record_duplicate(session, current, name, digest)
                _tally(summary, name, "duplicate", None, on_file)
            for outcome in pending:
                item = record_outcome(
                    session,
                    current,
                    outcome,
                    store=store,
                    as_of=as_of,
                    brief=brief_now,
                    actor=actor_now,
                )
                _tally(summary, item.file, item.status, item.error, on_file)
        skipped.clear()
        pending.clear()

    for outcome in extract_inputs(fresh_only(), workers=workers, limits=limits):
        pending.append(outcome)
        if len(pending) + len(skipped) >= CHUNK:
            flush()
    flush()
    with runtime.transaction() as session:
        current = ImportRepository(session).get_batch(summary.batch_id)
        assert current is not None
        finish_batch(session, current)
    return summary


def _tally(
    summary: ImportSummary,
    file: str,
    status: str,
    error: str | None,
    on_file: Callable[[str, str], None] | None,
) -> None:
    if status == "imported":
        summary.imported += 1
    elif status == "duplicate":
        summary.duplicates += 1
    else:
        summary.failed += 1
        summary.failures.append((file, error or ""))
    if on_file is not None:
        on_file(file, status)
