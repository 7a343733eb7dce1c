"""`hireloop screen`: production-evidence screening of CV files and folders, no database."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from hireloop.documents.batch import ExtractionOutcome, extract_paths
from hireloop.documents.errors import PathNotFound
from hireloop.screening.engine import screen
from hireloop.screening.errors import InvalidAsOfDate
from hireloop.screening.models import ScreeningResult

AREA_SHOWN_AT = 50


def register(app: typer.Typer) -> None:
    app.command("screen")(screen_command)


def parse_as_of(value: str | None) -> date:
    """The as-of date from the command line; today when none is given."""
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidAsOfDate(f"--as-of must be a date written YYYY-MM-DD, not {value!r}") from exc


def screen_command(
    paths: Annotated[list[Path], typer.Argument(help="CV files, folders or ZIP archives.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON line per file instead of a table.")
    ] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Judge recency as of this date (YYYY-MM-DD).")
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Worker processes reading files in parallel.")
    ] = 1,
) -> None:
    """Screen CVs for production ML evidence: verdict, level, score, areas and the quoted lines.

    Files that cannot be read are listed as failed with the reason; the others are screened.
    """
    when = parse_as_of(as_of)
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise PathNotFound(f"No such file or folder: {', '.join(missing)}")
    rows = (_row(outcome, when) for outcome in extract_paths(paths, workers=workers))
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    _print_table(list(rows))


def _row(outcome: ExtractionOutcome, when: date) -> dict[str, object]:
    row: dict[str, object] = {
        "file": outcome.file,
        "status": outcome.status,
        "error": outcome.error,
    }
    result: ScreeningResult | None = None
    if outcome.status == "ok" and outcome.document is not None:
        result = screen(outcome.document.text, when)
    if result is None:
        for key in ("verdict", "production_level", "score", "years_experience"):
            row[key] = None
        row.update(areas={}, evidence=[], missing=[], red_flags=[], skills=[])
        return row
    dumped = result.model_dump(mode="json")
    for key in (
        "verdict",
        "production_level",
        "score",
        "areas",
        "evidence",
        "missing",
        "years_experience",
        "red_flags",
        "skills",
        "explanation",
        "screening_version",
    ):
        row[key] = dumped[key]
    return row


def _print_table(rows: list[dict[str, object]]) -> None:
    console = Console()
    table = Table("File", "Verdict", "Level", "Score", "Years", "Areas", "Why / problem")
    for row in sorted(rows, key=lambda r: str(r["file"])):
        if row["status"] != "ok":
            table.add_row(str(row["file"]), "failed", "", "", "", "", str(row["error"] or ""))
            continue
        areas = row["areas"]
        assert isinstance(areas, dict)
        shown = ", ".join(a for a, v in areas.items() if v >= AREA_SHOWN_AT)
        level = row["production_level"]
        years = row["years_experience"]
        table.add_row(
            str(row["file"]),
            str(row["verdict"]),
            "" if level is None else str(level),
            str(row["score"]),
            "" if years is None else f"{years:g}",
            shown,
            _why(row),
        )
    console.print(table)


def _why(row: dict[str, object]) -> str:
    evidence = row["evidence"]
    assert isinstance(evidence, list)
    strongest = sorted(
        (e for e in evidence if e["kind"] in ("deployment", "scale", "latency", "reliability")),
        key=lambda e: -float(e["weight"]),
    )
    if strongest:
        quote = " ".join(str(strongest[0]["quote"]).split())
        return quote[:100] + ("..." if len(quote) > 100 else "")
    missing = row["missing"]
    assert isinstance(missing, list)
    return "; ".join(str(m) for m in missing[:2])
