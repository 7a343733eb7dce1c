from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from hireloop.candidates.import_runner import import_paths
from hireloop.candidates.schemas import candidate_dict
from hireloop.candidates.screening_service import rescreen_all
from hireloop.candidates.service import list_candidates
from hireloop.cli_support import (
    console,
    make_runtime,
    parse_date_option,
    print_json_lines,
    print_table,
    unit_of_work,
)
from hireloop.screening import SCREENING_VERSION

candidate_app = typer.Typer(help="Candidates.", no_args_is_help=True)


@candidate_app.command("list")
def candidate_list(
    as_json: bool = typer.Option(False, "--json", help="One JSON line per candidate"),
    limit: int = typer.Option(500, help="At most this many"),
) -> None:
    """List candidates."""
    with unit_of_work() as session:
        rows = [candidate_dict(c) for c in list_candidates(session, limit=limit)]
    if as_json:
        print_json_lines(rows)
        return
    print_table(
        "Candidates",
        ["id", "name", "email", "duplicate of"],
        ([r["id"], r["name"], r["email"], r["possible_duplicate_of"]] for r in rows),
    )


@candidate_app.command("import")
def candidate_import(
    paths: list[Path] = typer.Argument(..., help="CV files, folders or ZIP archives"),
    brief: int | None = typer.Option(None, "--brief", help="Put the candidates on this brief"),
    workers: int = typer.Option(
        max(1, (os.cpu_count() or 1)), "--workers", help="Parallel extraction processes"
    ),
    as_of: str | None = typer.Option(None, "--as-of", help="Screen as of YYYY-MM-DD"),
) -> None:
    """Import CVs: every file ends imported, already there, or failed with its reason."""
    screening_date = parse_date_option(as_of, "--as-of") if as_of else date.today()
    runtime = make_runtime()
    try:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("importing", total=None)

            def on_file(_file: str, status: str) -> None:
                progress.advance(task)

            summary = import_paths(
                runtime,
                paths,
                brief_id=brief,
                workers=workers,
                as_of=screening_date,
                on_file=on_file,
            )
    finally:
        runtime.close()
    console.print(
        f"import {summary.batch_id}: {summary.imported} imported, "
        f"{summary.duplicates} already imported, {summary.failed} failed"
    )
    if summary.failures:
        print_table("Failed files", ["file", "reason"], summary.failures)


@candidate_app.command("rescreen")
def candidate_rescreen(
    every: bool = typer.Option(
        False, "--all", help="Screen every candidate again, not only results of older rules"
    ),
    as_of: str | None = typer.Option(None, "--as-of", help="Screen as of YYYY-MM-DD"),
) -> None:
    """Screen candidates' latest CVs again, e.g. after a taxonomy or rules change."""
    screening_date = parse_date_option(as_of, "--as-of") if as_of else date.today()
    with unit_of_work() as session:
        count = rescreen_all(session, screening_date, only_stale=not every)
    console.print(f"re-screened {count} candidate(s) with engine {SCREENING_VERSION}")


def register(app: typer.Typer) -> None:
    app.add_typer(candidate_app, name="candidate")
