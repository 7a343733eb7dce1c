"""Batches: every file is extracted in a long-lived worker process with a time and memory cap,
so a file that crashes or hangs its parser fails alone and the batch carries on."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from hireloop.documents.errors import ExtractionError, UnreadableFile
from hireloop.documents.inputs import InputFile, iter_inputs, too_large
from hireloop.documents.model import ExtractedDocument, Limits
from hireloop.documents.pool import Answer, Pool, Task

__all__ = [
    "BatchStats",
    "ExtractionOutcome",
    "InputFile",
    "extract_inputs",
    "extract_paths",
    "iter_inputs",
]


@dataclass(frozen=True)
class ExtractionOutcome:
    """What became of one input: its text, or the recruiter-readable reason it failed."""

    file: str
    status: Literal["ok", "failed"]
    error: str | None = None
    error_code: str | None = None
    document: ExtractedDocument | None = None
    sha256: str | None = None
    data: bytes | None = field(default=None, repr=False)


@dataclass
class BatchStats:
    """Filled in while a batch runs: worker processes used and their peak memory."""

    workers_started: int = 0
    workers_lost: int = 0
    peak_worker_rss_bytes: int = 0


def extract_paths(
    paths: Sequence[Path],
    *,
    workers: int = 1,
    limits: Limits | None = None,
    stats: BatchStats | None = None,
) -> Iterator[ExtractionOutcome]:
    """Extract every file under `paths` (files, folders, ZIP archives); see `extract_inputs`."""
    limits = limits or Limits()
    return extract_inputs(
        iter_inputs(paths, limits=limits), workers=workers, limits=limits, stats=stats
    )


def extract_inputs(
    inputs: Iterable[InputFile],
    *,
    workers: int = 1,
    limits: Limits | None = None,
    stats: BatchStats | None = None,
) -> Iterator[ExtractionOutcome]:
    """One outcome per input, in order of completion, using `workers` isolated processes."""
    limits = limits or Limits()
    pool = Pool(max(1, workers), limits, stats if stats is not None else BatchStats())
    source = iter(inputs)
    exhausted = False
    waiting: Task | None = None  # read, but no worker could take it yet
    try:
        while True:
            while True:
                if waiting is None and pool.returned:
                    waiting = pool.returned.popleft()
                while waiting is None and not exhausted:
                    item = next(source, None)
                    if item is None:
                        exhausted = True
                        break
                    prepared = _prepare(item, limits)
                    if isinstance(prepared, ExtractionOutcome):
                        yield prepared
                    else:
                        waiting = prepared
                if waiting is None or not pool.try_submit(waiting):
                    break
                waiting = None
            if not pool.busy():
                if exhausted and waiting is None and not pool.returned:
                    return
                continue
            for answer in pool.collect():
                yield _outcome(answer)
    finally:
        pool.close()


def _outcome(answer: Answer) -> ExtractionOutcome:
    if answer.error is not None:
        return _failed(answer.task.name, answer.error, answer.task)
    return ExtractionOutcome(
        file=answer.task.name,
        status="ok",
        document=answer.document,
        sha256=answer.task.sha256,
        data=answer.task.data,
    )


def _prepare(item: InputFile, limits: Limits) -> Task | ExtractionOutcome:
    """Read the input in this process; inputs that fail before parsing never reach a worker."""
    if item.error is not None:
        return _failed(item.name, item.error)
    if item.size is not None and item.size > limits.max_file_bytes:
        return _failed(item.name, too_large(item.size, limits))
    try:
        data = item.read()
    except ExtractionError as exc:
        return _failed(item.name, exc)
    except OSError as exc:
        return _failed(item.name, UnreadableFile(f"The file cannot be read ({exc.strerror})."))
    if len(data) > limits.max_file_bytes:
        return _failed(item.name, too_large(len(data), limits))
    return Task(name=item.name, data=data, sha256=hashlib.sha256(data).hexdigest())


def _failed(name: str, error: ExtractionError, task: Task | None = None) -> ExtractionOutcome:
    return ExtractionOutcome(
        file=name,
        status="failed",
        error=error.message,
        error_code=error.code,
        sha256=task.sha256 if task else None,
        data=task.data if task else None,
    )
