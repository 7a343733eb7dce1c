"""Measure the screen against a labelled folder of CV texts (one .txt per id + labels.csv).

Usage: python bench/eval_screening.py DIR [--as-of 2026-11-25] [--show]
"""

from __future__ import annotations

import argparse
import csv
from datetime import date
from pathlib import Path

from hireloop.reference.skills import AREA_IDS
from hireloop.screening import screen

VERDICTS = ("production", "some_production", "claims_only", "notebook_only", "not_ml")
LEVEL_TO_VERDICT = {"3": "production", "2": "some_production", "1": "claims_only"}
LEVEL_TO_VERDICT |= {"0": "notebook_only", "not_ml": "not_ml"}


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(folder: Path, as_of: date, show: bool) -> dict[str, float]:
    with (folder / "labels.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    confusion = {(t, p): 0 for t in VERDICTS for p in VERDICTS}
    tp = fp = fn = 0
    area_tp = area_fp = area_fn = 0
    for row in rows:
        text = (folder / f"{row['id']}.txt").read_text(encoding="utf-8")
        result = screen(text, as_of)
        truth = LEVEL_TO_VERDICT[row["level"].strip()]
        confusion[(truth, result.verdict)] += 1
        truth_prod = row["level"].strip() in ("2", "3")
        predicted_prod = (result.production_level or 0) >= 2
        tp += truth_prod and predicted_prod
        fp += predicted_prod and not truth_prod
        fn += truth_prod and not predicted_prod
        true_areas = {a for a in row["areas"].split(",") if a.strip()}
        found_areas = {a for a in AREA_IDS if result.areas[a] >= 50}
        area_tp += len(true_areas & found_areas)
        area_fp += len(found_areas - true_areas)
        area_fn += len(true_areas - found_areas)
        if show and (truth != result.verdict or true_areas != found_areas):
            print(
                f"{row['id']}: truth {truth} {sorted(true_areas)} | got {result.verdict} "
                f"{sorted(found_areas)} {dict(result.areas)}"
            )
    width = max(len(v) for v in VERDICTS)
    print("confusion (rows = labelled, columns = screened)")
    print(" " * width + " " + " ".join(f"{v[:10]:>10}" for v in VERDICTS))
    for t in VERDICTS:
        print(f"{t:>{width}} " + " ".join(f"{confusion[(t, p)]:>10}" for p in VERDICTS))
    precision, recall, f1 = _f1(tp, fp, fn)
    accuracy = sum(confusion[(v, v)] for v in VERDICTS) / len(rows)
    not_ml_total = sum(confusion[("not_ml", p)] for p in VERDICTS)
    not_ml_recall = confusion[("not_ml", "not_ml")] / not_ml_total if not_ml_total else 0.0
    area_f1 = _f1(area_tp, area_fp, area_fn)[2]
    figures = {
        "cvs": float(len(rows)),
        "production_precision": precision,
        "production_recall": recall,
        "production_f1": f1,
        "verdict_accuracy": accuracy,
        "not_ml_recall": not_ml_recall,
        "area_micro_f1": area_f1,
    }
    for name, value in figures.items():
        print(f"{name}: {value:.3f}" if name != "cvs" else f"{name}: {int(value)}")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--as-of", default="2026-11-25")
    parser.add_argument("--show", action="store_true", help="print each disagreement")
    args = parser.parse_args()
    evaluate(args.folder, date.fromisoformat(args.as_of), args.show)


if __name__ == "__main__":
    main()
