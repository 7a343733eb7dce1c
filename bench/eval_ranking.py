"""Ranking quality: NDCG@10 of three briefs against a labelled folder of CV texts.

Builds three briefs (an LLM/RAG engineer, an MLOps platform engineer, a GPU/distributed-training
specialist) in a temporary SQLite workspace, imports the folder's CVs through the normal import
path, ranks the pool for each brief and scores the order against graded relevance from
labels.csv: the CV's level (3/2/1/0) when its `areas` include the brief's main area, else 0
(`not_ml` is 0). The folder is only read.

Usage: python bench/eval_ranking.py [DIR] [--as-of 2026-11-25] [--show]
"""

from __future__ import annotations

import argparse
import csv
import math
import tempfile
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from hireloop.briefs.service import create_brief_from
from hireloop.candidates.import_runner import import_paths
from hireloop.matching.service import rank_brief
from hireloop.migrate import upgrade
from hireloop.runtime import Runtime
from hireloop.settings import Settings

DEFAULT_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "cvs" / "public"
TARGET = 0.85
K = 10
BRIEFS: dict[str, dict[str, Any]] = {
    "llm_rag": {
        "title": "Senior LLM Engineer (Contract)",
        "outcome": "A retrieval-augmented assistant answers support questions from 40,000 "
        "articles, with an evaluation harness for groundedness.",
        "window_weeks": 24,
        "stack": ["Python", "PyTorch", "LangChain", "pgvector", "Hugging Face Transformers"],
        "location": "us",
    },
    "mlops": {
        "title": "Senior MLOps Engineer (Contract)",
        "outcome": "A self-serve platform on which six teams train, deploy and monitor "
        "their models, with CI/CD, a model registry and rollback.",
        "window_weeks": 26,
        "stack": ["Kubernetes", "MLflow", "Kubeflow", "Docker", "Terraform"],
        "location": "us",
    },
    "distributed_gpu": {
        "title": "Senior ML Engineer, distributed training (Contract)",
        "outcome": "Halve multi-node training time of our 7B model on H100 nodes.",
        "window_weeks": 20,
        "stack": ["PyTorch", "CUDA", "FSDP", "Triton", "DeepSpeed"],
        "location": "us",
    },
}


def dcg(gains: list[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at(ranked_gains: list[int], all_gains: list[int], k: int = K) -> float:
    ideal = dcg(sorted(all_gains, reverse=True)[:k])
    return dcg(ranked_gains[:k]) / ideal if ideal > 0 else 0.0


def relevance(label: dict[str, str], area: str) -> int:
    level = label["level"].strip()
    areas = {a.strip() for a in label["areas"].split(",") if a.strip()}
    if level == "not_ml" or area not in areas:
        return 0
    return int(level)


def evaluate(folder: Path, as_of: date, show: bool) -> dict[str, float]:
    with (folder / "labels.csv").open(encoding="utf-8") as handle:
        labels = {row["id"]: row for row in csv.DictReader(handle)}
    files = sorted(p for p in folder.glob("*.txt") if p.stem in labels)
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as home:
        runtime = Runtime(Settings(home=Path(home), database_url=None, secret_key="e" * 32))
        upgrade(runtime.engine)
        summary = import_paths(runtime, files, workers=2, as_of=as_of)
        print(f"imported {summary.imported} CVs, {summary.failed} failed")
        with runtime.transaction() as session:
            for area, fields in BRIEFS.items():
                brief, _ = create_brief_from(session, fields, None)
                result = rank_brief(session, brief, as_of)
                if result.profile.main_area != area:
                    print(
                        f"note: the {area} brief's main area came out as {result.profile.main_area}"
                    )
                cv_of = {
                    r.candidate_id: PurePosixPath(r.source_file or "").stem
                    for r in result.ranking.ranked
                }
                order = [cv_of[r.candidate_id] for r in result.ranking.ranked]
                gains = [relevance(labels[cv], area) for cv in order if cv in labels]
                all_gains = [relevance(label, area) for label in labels.values()]
                figures[area] = ndcg_at(gains, all_gains)
                if show:
                    top = ", ".join(
                        f"{cv}({g})" for cv, g in zip(order[:K], gains[:K], strict=False)
                    )
                    relevant = sorted(
                        (cv for cv, label in labels.items() if relevance(label, area)),
                        key=lambda cv: -relevance(labels[cv], area),
                    )
                    print(f"{area}: top {K}: {top}")
                    graded = [f"{cv}({relevance(labels[cv], area)})" for cv in relevant]
                    print(f"{area}: relevant: {', '.join(graded)}")
        runtime.close()
    for area, value in figures.items():
        flag = "ok" if value >= TARGET else f"below target {TARGET}"
        print(f"NDCG@{K} {area}: {value:.3f} ({flag})")
    figures["mean"] = sum(figures.values()) / len(figures)
    print(f"NDCG@{K} mean: {figures['mean']:.3f}")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, nargs="?", default=DEFAULT_DIR)
    parser.add_argument("--as-of", default="2026-11-25")
    parser.add_argument("--show", action="store_true", help="print each brief's top 10")
    args = parser.parse_args()
    evaluate(args.folder.resolve(), date.fromisoformat(args.as_of), args.show)


if __name__ == "__main__":
    main()
