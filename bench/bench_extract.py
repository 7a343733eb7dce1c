"""Text extraction throughput and worker memory for two-page PDF CVs.

Run: .venv/bin/python bench/bench_extract.py [--files N]
Targets: >= 150 two-page PDFs per second per core; peak memory per worker < 300 MB.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import tempfile
import time
from pathlib import Path

from fpdf import FPDF

from hireloop.documents import extract, extract_paths
from hireloop.documents.batch import BatchStats

TARGET_PER_CORE = 150.0
TARGET_WORKER_MB = 300.0
WORDS = [
    "shipped",
    "ranking",
    "model",
    "serving",
    "requests",
    "latency",
    "p99",
    "Kubernetes",
    "MLflow",
    "PyTorch",
    "feature",
    "store",
    "rollback",
    "on-call",
    "incident",
    "drift",
    "monitoring",
    "A/B",
    "test",
    "traffic",
    "ramp",
    "GPU",
    "training",
    "pipeline",
    "Triton",
    "CUDA",
    "retrieval",
    "embeddings",
    "vector",
    "database",
    "evaluation",
    "harness",
    "Airflow",
    "Ray",
    "SageMaker",
]


def two_page_cv(index: int, rng: random.Random) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    for page in range(2):
        pdf.add_page()
        pdf.set_font("helvetica", "B", 14)
        pdf.cell(0, 8, f"Candidate {index} - page {page + 1}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", size=10)
        for _ in range(45):
            line = " ".join(rng.choice(WORDS) for _ in range(12))
            pdf.cell(0, 5, f"- {line}", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000, help="number of PDFs to generate")
    args = parser.parse_args()
    rng = random.Random(42)
    print(f"machine: {os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}")
    print(f"load average before the run: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index in range(args.files):
            path = Path(folder) / f"cv{index:05d}.pdf"
            path.write_bytes(two_page_cv(index, rng))
            paths.append(path)
        payloads = [path.read_bytes() for path in paths]
        mean_kb = sum(map(len, payloads)) / len(payloads) / 1024
        print(f"{len(paths)} two-page PDFs, {mean_kb:.1f} kB each on average")

        start = time.perf_counter()
        chars = sum(len(extract(data, "cv.pdf").text) for data in payloads)
        in_process = len(payloads) / (time.perf_counter() - start)
        print(
            f"in-process, 1 core: {in_process:,.0f} PDFs/s "
            f"({chars / len(payloads):,.0f} characters each)"
        )
        results = {"in-process": in_process}

        for workers in (1, 2):
            stats = BatchStats()
            start = time.perf_counter()
            outcomes = []
            first_done = 0.0
            for outcome in extract_paths([Path(folder)], workers=workers, stats=stats):
                outcomes.append(outcome)
                first_done = first_done or time.perf_counter()
            end = time.perf_counter()
            ok = sum(outcome.status == "ok" for outcome in outcomes)
            rate = len(outcomes) / (end - start)
            steady = (len(outcomes) - 1) / (end - first_done)
            results[f"{workers} worker(s)"] = steady / workers
            print(
                f"extract_paths, {workers} worker(s): {rate:,.0f} PDFs/s including worker "
                f"start-up, {steady:,.0f} PDFs/s once started = {steady / workers:,.0f} per core; "
                f"{ok}/{len(outcomes)} ok; "
                f"peak worker RSS {stats.peak_worker_rss_bytes / 1_048_576:.0f} MB"
            )
            if stats.peak_worker_rss_bytes / 1_048_576 >= TARGET_WORKER_MB:
                print(f"  ! peak worker memory above the {TARGET_WORKER_MB:.0f} MB target")

    parent_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"parent process peak RSS: {parent_mb:.0f} MB")
    slow = {name: rate for name, rate in results.items() if rate < TARGET_PER_CORE}
    verdict = "all meet" if not slow else f"below target: {', '.join(slow)}"
    print(f"target {TARGET_PER_CORE:.0f} PDFs/s per core: {verdict}")


if __name__ == "__main__":
    main()
