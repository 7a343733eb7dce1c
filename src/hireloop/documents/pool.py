"""Long-lived worker processes for batches, replaced when one crashes or hangs.

Each worker is a fresh interpreter (`python -m hireloop.documents.worker`), so it is safe to use
from threaded programs and never re-runs the caller's main module. A worker holds its current
file and, when the next one is small enough to wait in the pipe, the next file too, so it never
idles between files.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from hireloop.documents.errors import (
    ERRORS_BY_CODE,
    ExtractionCrashed,
    ExtractionError,
    ExtractionTimeout,
    WorkerStartFailed,
)
from hireloop.documents.model import ExtractedDocument, Limits
from hireloop.documents.worker import READY

TASKS_PER_WORKER = 2_000
START_SECONDS = 60.0
_PIPE_BYTES = 1024 * 1024
_MESSAGE_OVERHEAD = 4096


@dataclass(frozen=True)
class Task:
    name: str
    data: bytes
    sha256: str


@dataclass(frozen=True)
class Answer:
    """A finished task: the document, or the error it failed with."""

    task: Task
    document: ExtractedDocument | None = None
    error: ExtractionError | None = None


class Worker:
    def __init__(self, limits: Limits) -> None:
        to_child_read, to_child_write = os.pipe()
        from_child_read, from_child_write = os.pipe()
        self.pipe_bytes = _enlarge_pipe(to_child_write)
        command = [sys.executable, "-m", "hireloop.documents.worker"]
        command += [str(to_child_read), str(from_child_write), str(limits.memory_bytes)]
        self.process = subprocess.Popen(
            command,
            pass_fds=(to_child_read, from_child_write),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_worker_environment(),
        )
        os.close(to_child_read)
        os.close(from_child_write)
        self.requests = Connection(to_child_write, readable=False)
        self.replies = Connection(from_child_read, writable=False)
        self.ready = False  # until the worker says so, after its imports
        self.retiring = False
        self.tasks: deque[Task] = deque()
        self.deadline = 0.0
        self.tasks_done = 0

    def accepts(self, task: Task) -> bool:
        if self.retiring:
            return False
        if not self.tasks:
            return True
        small = len(task.data) + _MESSAGE_OVERHEAD <= self.pipe_bytes
        return self.ready and len(self.tasks) == 1 and small

    def submit(self, task: Task, limits: Limits) -> None:
        self.requests.send((task.data, task.name, limits))
        self.tasks.append(task)
        if len(self.tasks) == 1:
            self.restart_clock(limits)

    def restart_clock(self, limits: Limits) -> None:
        start_up = 0.0 if self.ready else START_SECONDS
        self.deadline = time.monotonic() + limits.timeout_seconds + start_up

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.requests.send(None)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=2)
        self.kill()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.requests.close()
        self.replies.close()


class Pool:
    def __init__(self, size: int, limits: Limits, stats: Any) -> None:
        self.size = size
        self.limits = limits
        self.stats = stats
        self.workers: list[Worker] = []
        self.returned: deque[Task] = deque()  # queued on a worker that died; to be resubmitted

    def busy(self) -> bool:
        return any(worker.tasks for worker in self.workers)

    def try_submit(self, task: Task) -> bool:
        """Give the task to the least loaded worker that accepts it; False if none can now."""
        candidates = [worker for worker in self.workers if worker.accepts(task)]
        idle = [worker for worker in candidates if not worker.tasks]
        if idle:
            chosen = idle[0]
        elif len(self.workers) < self.size:
            chosen = self._start_worker()
        elif candidates:
            chosen = candidates[0]
        else:
            return False
        try:
            chosen.submit(task, self.limits)
        except OSError:  # the worker died; collect() reports the file it was reading, if any
            if chosen.tasks:
                chosen.retiring = True
            else:
                self._discard(chosen)
            return False
        return True

    def collect(self) -> list[Answer]:
        """Wait for busy workers to answer, die or run out of time; may return no answer."""
        busy = [worker for worker in self.workers if worker.tasks]
        timeout = max(0.0, min(worker.deadline for worker in busy) - time.monotonic())
        ready = set(wait([worker.replies for worker in busy], timeout))
        answers: list[Answer] = []
        for worker in busy:
            if worker.replies in ready:
                answer = self._answer(worker)
                if answer is not None:
                    answers.append(answer)
            elif time.monotonic() >= worker.deadline:
                if not worker.ready:
                    self._discard(worker)
                    raise _start_failed()
                answers.append(Answer(worker.tasks.popleft(), error=self._timeout_error()))
                self._discard(worker)
        return answers

    def _answer(self, worker: Worker) -> Answer | None:
        try:
            kind, payload, rss = worker.replies.recv()
        except Exception as exc:  # the worker died before or while answering
            task = worker.tasks.popleft()
            self._discard(worker)
            if not worker.ready:
                raise _start_failed() from exc
            return Answer(task, error=_crashed())
        self.stats.peak_worker_rss_bytes = max(self.stats.peak_worker_rss_bytes, rss)
        if kind == READY:
            worker.ready = True
            worker.restart_clock(self.limits)
            return None
        task = worker.tasks.popleft()
        worker.tasks_done += 1
        if kind == "crashed":
            self._discard(worker)
            return Answer(task, error=_crashed())
        if worker.tasks:
            worker.restart_clock(self.limits)
        if worker.tasks_done >= TASKS_PER_WORKER:
            worker.retiring = True
        if worker.retiring and not worker.tasks:
            worker.stop()
            self.workers.remove(worker)
        if kind == "ok":
            return Answer(task, document=payload)
        code, message = payload
        return Answer(task, error=ERRORS_BY_CODE.get(code, ExtractionError)(message))

    def _timeout_error(self) -> ExtractionTimeout:
        return ExtractionTimeout(
            f"Reading the file took more than {self.limits.timeout_seconds:g} s and was "
            "stopped; it may be malformed. Ask for the CV in another format."
        )

    def _start_worker(self) -> Worker:
        worker = Worker(self.limits)
        self.workers.append(worker)
        self.stats.workers_started += 1
        return worker

    def _discard(self, worker: Worker) -> None:
        """Kill a worker that crashed or hung (its culprit already taken off its queue);
        the files queued behind the culprit go back to be given to another worker."""
        self.stats.workers_lost += 1
        worker.kill()
        self.workers.remove(worker)
        self.returned.extend(worker.tasks)
        worker.tasks.clear()

    def close(self) -> None:
        for worker in self.workers:
            if worker.tasks:
                worker.kill()
            else:
                worker.stop()
        self.workers.clear()


def _enlarge_pipe(fd: int) -> int:
    """Room in the pipe for a waiting file; 0 where pipe sizes cannot be read."""
    try:
        import fcntl

        with contextlib.suppress(OSError):
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
        return int(fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ))
    except (ImportError, AttributeError, OSError):
        return 0


def _worker_environment() -> dict[str, str]:
    """The worker imports hireloop from where this process found it."""
    package_root = str(Path(__file__).resolve().parents[2])
    environment = dict(os.environ)
    existing = environment.get("PYTHONPATH")
    environment["PYTHONPATH"] = package_root + (os.pathsep + existing if existing else "")
    return environment


def _start_failed() -> WorkerStartFailed:
    return WorkerStartFailed(
        "The text reader processes could not start; check the installation and the memory cap."
    )


def _crashed() -> ExtractionCrashed:
    return ExtractionCrashed(
        "The file made the text reader crash (out of memory or a fault in the parser) "
        "and was skipped. Ask for the CV in another format."
    )
