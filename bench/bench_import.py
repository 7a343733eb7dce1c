"""Import a generated mixed folder of CVs into a fresh SQLite workspace and time it.

    .venv/bin/python bench/bench_import.py [--files 10000] [--workers 2]

The folder mixes text, Markdown, HTML, JSON Resume, PDF and DOCX CVs (written by this script
from a small vocabulary of our own) with a few broken files, then runs the same path as
`hireloop candidate import`: extraction in worker processes, screening, storage, one commit per
chunk. It prints files per second and the split of outcomes.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import tempfile
import time
from datetime import date
from pathlib import Path

from docx import Document as DocxDocument
from fpdf import FPDF

from hireloop.candidates.import_runner import import_paths
from hireloop.migrate import upgrade
from hireloop.runtime import Runtime
from hireloop.settings import Settings

TOOLS = ["PyTorch", "Kubernetes", "MLflow", "Airflow", "Ray", "pgvector", "FastAPI", "Triton"]
VERBS = ["Deployed", "Shipped", "Trained", "Built", "Served", "Ran"]


def cv_lines(rng: random.Random, n: int) -> list[str]:
    lines = [f"Person Number{n}", f"p{n}@example.com | (312) 555-{n % 10000:04d}", "", "EXPERIENCE"]
    for year in range(2024, 2017, -2):
        lines.append(f"ML Engineer, Example Co {rng.randint(1, 99)}, {year - 2}-{year}")
        for _ in range(5):
            tool = rng.choice(TOOLS)
            qps = rng.randint(100, 9000)
            lines.append(
                f"- {rng.choice(VERBS)} a {tool} model for search at {qps} requests per second, "
                f"p99 {rng.randint(20, 200)} ms, with canary releases and drift alerts."
            )
    lines += ["", "SKILLS", ", ".join(rng.sample(TOOLS, 5)), "", "EDUCATION", "BSc, Example U"]
    return lines


def write_pdf(path: Path, lines: list[str]) -> None:
    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in lines:
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def write_docx(path: Path, lines: list[str]) -> None:
    document = DocxDocument()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())


def make_folder(folder: Path, count: int) -> None:
    rng = random.Random(7)
    for n in range(count):
        lines = cv_lines(rng, n)
        kind = n % 10
        stem = folder / f"cv-{n:05d}"
        if n % 500 == 499:
            stem.with_suffix(".pdf").write_bytes(b"%PDF-1.4 broken" + os.urandom(64))
        elif kind < 5:
            stem.with_suffix(".txt").write_text("\n".join(lines))
        elif kind == 5:
            stem.with_suffix(".md").write_text("\n".join(lines))
        elif kind == 6:
            body = "".join(f"<p>{line}</p>" for line in lines)
            stem.with_suffix(".html").write_text(f"<html><body>{body}</body></html>")
        elif kind == 7:
            resume = {
                "basics": {"name": lines[0], "email": f"p{n}@example.com"},
                "work": [
                    {"name": "Example Co", "position": "ML Engineer", "highlights": lines[5:]}
                ],
            }
            stem.with_suffix(".json").write_text(json.dumps(resume))
        elif kind == 8:
            write_pdf(stem.with_suffix(".pdf"), lines)
        else:
            write_docx(stem.with_suffix(".docx"), lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "cvs"
        folder.mkdir()
        started = time.perf_counter()
        make_folder(folder, args.files)
        print(f"generated {args.files} files in {time.perf_counter() - started:.1f} s")
        runtime = Runtime(Settings(home=Path(tmp) / "home", secret_key="b" * 32))
        upgrade(runtime.engine)
        started = time.perf_counter()
        summary = import_paths(runtime, [folder], workers=args.workers, as_of=date(2026, 11, 25))
        elapsed = time.perf_counter() - started
        runtime.close()
    print(
        f"imported {summary.imported}, already there {summary.duplicates}, failed {summary.failed} "
        f"of {summary.total} in {elapsed:.1f} s = {summary.total / elapsed:.0f} files/s "
        f"with {args.workers} workers ({os.cpu_count()} cores, Python {platform.python_version()})"
    )


if __name__ == "__main__":
    main()
