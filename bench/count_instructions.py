"""Instructions per CV of `screen`, counted by valgrind's callgrind: a measure of the work done
that does not move with the machine's load (wall-clock rates on a shared machine do).

Usage: python bench/count_instructions.py [--cvs 40] [--texts DIR [--min-chars N]]
Runs this script twice under `valgrind --tool=callgrind` (needs Debian's valgrind): once
screening one CV (imports, the automaton, warm caches) and once screening one plus `--cvs`
more; the difference divided by `--cvs` is the count per CV. Synthetic CVs come from
`bench_screening.py`; `--texts DIR` screens the `*.txt` files of a folder instead, in turn
(`--min-chars N`: only those at least N characters long).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_screening import AS_OF, folder_texts, synthetic_cv  # this script's own folder

from hireloop.screening import COMPILED, screen


def screen_some(count: int, pool: int, texts: Path | None, min_chars: int) -> None:
    """The measured child: one CV to warm up, then `count` more, in turn from the same `pool`
    of CVs in both runs (so that making them is not counted)."""
    if texts is not None:
        cvs = folder_texts(texts, min_chars)
    else:
        rng = random.Random(7)
        cvs = [synthetic_cv(rng) for _ in range(pool)]
    screen(cvs[0], AS_OF)
    for index in range(count):
        screen(cvs[index % len(cvs)], AS_OF)


def instructions(count: int, pool: int, texts: Path | None, min_chars: int) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        command = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={scratch}/callgrind.out",
            sys.executable,
            __file__,
            "--child",
            str(count),
            "--pool",
            str(pool),
            "--min-chars",
            str(min_chars),
        ]
        if texts is not None:
            command += ["--texts", str(texts)]
        # A fixed hash seed: dictionaries and sets of strings lay out alike in every run.
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        run = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if found is None:
        raise SystemExit("callgrind printed no instruction count:\n" + run.stderr[-2000:])
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cvs", type=int, default=40)
    parser.add_argument("--texts", type=Path, help="screen the *.txt files of this folder")
    parser.add_argument("--min-chars", type=int, default=0, help="with --texts: the longer ones")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--pool", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        screen_some(args.child, args.pool, args.texts, args.min_chars)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    if args.texts is not None:
        folder_texts(args.texts, args.min_chars)  # a clear error now, not in valgrind's child
    base = instructions(0, args.cvs, args.texts, args.min_chars)
    total = instructions(args.cvs, args.cvs, args.texts, args.min_chars)
    per_cv = (total - base) / args.cvs
    engine = "compiled (mypyc)" if COMPILED else "pure Python"
    source = f"CVs from {args.texts}" if args.texts is not None else "synthetic CVs"
    print(f"engine: {engine}; {args.cvs} {source}")
    print(f"{per_cv / 1e6:.2f} million instructions per CV")


if __name__ == "__main__":
    main()
