"""Throughput and memory of `screen` on synthetic two-page CVs, on one core.

Usage: python bench/bench_screening.py [--cvs 100000] [--distinct 500] [--seed 7]
                                       [--texts DIR [--min-chars N]]
The CVs come from a small generator over hireloop's own vocabulary; every CV differs.
`--texts DIR` screens the `*.txt` files of a folder instead (for example real CVs), in turn;
`--min-chars 4500` keeps those of two pages or more.
"""

from __future__ import annotations

import argparse
import platform
import random
import resource
import time
from datetime import date
from pathlib import Path

from hireloop.screening import COMPILED, screen

AS_OF = date(2026, 11, 25)
TITLES = ("Senior ML Engineer", "Data Scientist", "MLOps Engineer", "Backend Engineer", "Analyst")
EMPLOYERS = ("Northwind Labs", "Bluefin Retail", "Acme Health", "Orbital Freight", "Kestrel Bank")
TOOLS = (
    "PyTorch", "TensorFlow", "Kubernetes", "Docker", "MLflow", "SageMaker", "Vertex AI",
    "Airflow", "Ray", "Triton Inference Server", "FastAPI", "Flask", "pgvector", "Pinecone",
    "Prometheus", "Grafana", "CUDA", "DeepSpeed", "pandas", "scikit-learn", "XGBoost", "Go", "R",
)  # fmt: skip
BULLETS = (
    "Deployed a {tool} ranking model serving {n}k requests per day at p99 {ms} ms.",
    "Built a feature pipeline in {tool} and {tool2}, retraining nightly with a model registry.",
    "Owned on-call for the {tool} inference service; led two rollbacks after canary alerts.",
    "Trained a churn prediction model in a Jupyter notebook with {tool}, 91% test accuracy.",
    "Cut serving latency by {pct}% by moving the model to {tool} on {n} GPUs.",
    "Wrote dashboards in {tool} for drift monitoring across {n} models.",
    "Maintained the REST API for billing in {tool2}; improved page load by {pct}%.",
    "Fine-tuned an LLM with LoRA and shipped a RAG assistant on {tool} to {n}k users.",
    "Ran A/B tests ramping new models from 5% to 50% of traffic.",
    "Coursework project on image classification with {tool} for a Kaggle competition.",
)


def synthetic_cv(rng: random.Random) -> str:
    """About two pages: summary, four dated roles of six bullets, projects, skills, education."""
    lines = ["Jordan Example", "Senior Machine Learning Engineer", "", "SUMMARY"]
    lines.append(
        "Engineer who builds and runs ML systems; " + ", ".join(rng.sample(TOOLS, 5)) + "."
    )
    lines += ["", "EXPERIENCE"]
    year = 2026
    for _ in range(4):
        start = year - rng.randint(1, 4)
        end = "Present" if year == 2026 else f"Mar {year}"
        lines += ["", f"{rng.choice(TITLES)} | {rng.choice(EMPLOYERS)} | Jan {start} - {end}"]
        for _ in range(6):
            template = rng.choice(BULLETS)
            lines.append(
                "- "
                + template.format(
                    tool=rng.choice(TOOLS),
                    tool2=rng.choice(TOOLS),
                    n=rng.randint(2, 900),
                    ms=rng.randint(5, 400),
                    pct=rng.randint(3, 70),
                )
            )
        year = start
    lines += ["", "Projects", "--------"]
    lines += [f"- {rng.choice(BULLETS).format(tool='PyTorch', tool2='Docker', n=3, ms=9, pct=5)}"]
    lines += ["", "## Skills", "Technologies: " + ", ".join(rng.sample(TOOLS, 12))]
    lines += ["", "Education:", "MSc Computer Science, 2012 - 2014", "Thesis on speech models."]
    return "\n".join(lines * 2)  # two pages' worth


def folder_texts(folder: Path, min_chars: int = 0) -> list[str]:
    """The `*.txt` files of a folder, in name order, at least `min_chars` long."""
    texts = (path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt")))
    chosen = [text for text in texts if len(text) >= min_chars]
    if not chosen:
        raise SystemExit(f"no *.txt file of at least {min_chars:,} characters in {folder}")
    return chosen


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cvs", type=int, default=100_000)
    parser.add_argument("--distinct", type=int, default=500, help="distinct CVs generated")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--texts", type=Path, help="screen the *.txt files of this folder")
    parser.add_argument(
        "--min-chars", type=int, default=0, help="with --texts: only texts at least this long"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.texts is not None:
        cvs = folder_texts(args.texts, args.min_chars)
        kind = f"CVs from {args.texts.name}/ of at least {args.min_chars:,} characters"
    else:
        cvs = [synthetic_cv(rng) for _ in range(args.distinct)]
        kind = "distinct synthetic CVs"
    chars = sum(len(cv) for cv in cvs) / len(cvs)
    screen(cvs[0], AS_OF)  # builds and caches the taxonomy automaton
    print(f"python {platform.python_version()} on {platform.processor() or platform.machine()}")
    print("engine: " + ("compiled (mypyc)" if COMPILED else "pure Python"))
    print(f"{len(cvs)} {kind}, {chars:,.0f} characters each on average")
    started = time.perf_counter()
    window_start = started
    checkpoints = max(1, args.cvs // 10)
    for index in range(1, args.cvs + 1):
        screen(cvs[index % len(cvs)], AS_OF)
        if index % checkpoints == 0:
            now = time.perf_counter()
            rate = checkpoints / (now - window_start)
            print(f"{index:>8} CVs  {rate:8.0f} CVs/s  RSS {rss_mb():7.1f} MB")
            window_start = now
    elapsed = time.perf_counter() - started
    print(f"total: {args.cvs} CVs in {elapsed:.1f} s = {args.cvs / elapsed:.0f} CVs/s")


if __name__ == "__main__":
    main()
