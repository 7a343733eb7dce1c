"""A batch worker process: `python -m hireloop.documents.worker READ_FD WRITE_FD MEMORY_BYTES`.

It reads (data, filename, limits) messages and answers (kind, payload, peak RSS bytes) until it
receives None. The memory cap is set before the first file is read.
"""

from __future__ import annotations

import signal
import sys
from multiprocessing.connection import Connection
from typing import Any

from hireloop.documents.errors import ExtractionError
from hireloop.documents.extract import extract

READY = "ready"


def serve(requests: Connection, replies: Connection) -> None:
    replies.send((READY, None, peak_rss_bytes()))
    while True:
        try:
            message = requests.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        data, name, limits = message
        reply: tuple[str, Any]
        try:
            reply = ("ok", extract(data, name, limits))
        except ExtractionError as exc:
            reply = ("failed", (exc.code, exc.message))
        except BaseException:  # MemoryError, parser faults: this process is not to be trusted
            reply = ("crashed", None)
        del data, message
        try:
            replies.send((*reply, peak_rss_bytes()))
        except BaseException:
            return
        if reply[0] == "crashed":
            return


def cap_memory(memory_bytes: int) -> None:
    """Limit the address space so a runaway parser gets MemoryError instead of the machine."""
    if not sys.platform.startswith("linux") or memory_bytes <= 0:
        return
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def peak_rss_bytes() -> int:
    """Peak resident memory of this process (VmHWM on Linux, which starts afresh at exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    try:
        import resource
    except ImportError:
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def main(argv: list[str]) -> None:
    read_fd, write_fd, memory_bytes = (int(value) for value in argv)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    cap_memory(memory_bytes)
    serve(Connection(read_fd, writable=False), Connection(write_fd, readable=False))


if __name__ == "__main__":
    main(sys.argv[1:])
