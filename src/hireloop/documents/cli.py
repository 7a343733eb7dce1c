"""`hireloop extract`: the text of CV files, folders and ZIP archives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from hireloop.documents.batch import ExtractionOutcome, extract_paths
from hireloop.documents.errors import PathNotFound


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)


def extract_command(
    paths: Annotated[list[Path], typer.Argument(help="CV files, folders or ZIP archives.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON line per file instead of a table.")
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Worker processes reading files in parallel.")
    ] = 1,
) -> None:
    """Extract the text of CVs (PDF, DOCX, ODT, RTF, HTML, text, Markdown, JSON Resume).

    Files that cannot be read are listed with the reason; they do not stop the others.
    """
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise PathNotFound(f"No such file or folder: {', '.join(missing)}")
    outcomes = extract_paths(paths, workers=workers)
    if as_json:
        for outcome in outcomes:
            print(json.dumps(_as_row(outcome), ensure_ascii=False))
        return
    _print_table(list(outcomes), [path for path in paths if path.is_dir()])


def _as_row(outcome: ExtractionOutcome) -> dict[str, object]:
    document = outcome.document
    return {
        "file": outcome.file,
        "status": outcome.status,
        "error": outcome.error,
        "format": document.format if document else None,
        "pages": document.pages if document else None,
        "chars": len(document.text) if document else None,
    }


def _display_name(file: str, folders: list[Path]) -> str:
    """Files found in a folder given on the command line are shown relative to it."""
    for folder in folders:
        prefix = str(folder).rstrip("/") + "/"
        if file.startswith(prefix):
            return file[len(prefix) :]
    return file


def _print_table(outcomes: list[ExtractionOutcome], folders: list[Path]) -> None:
    console = Console()
    table = Table()
    table.add_column("File", overflow="fold", ratio=2)
    table.add_column("Status", no_wrap=True)
    table.add_column("Format", no_wrap=True)
    table.add_column("Pages", justify="right", no_wrap=True)
    table.add_column("Characters", justify="right", no_wrap=True)
    table.add_column("Problem", ratio=3)
    for outcome in sorted(outcomes, key=lambda outcome: outcome.file):
        document = outcome.document
        table.add_row(
            _display_name(outcome.file, folders),
            "[green]ok[/green]" if outcome.status == "ok" else "[red]failed[/red]",
            document.format if document else "",
            str(document.pages) if document else "",
            f"{len(document.text):,}" if document else "",
            outcome.error or "; ".join(document.warnings if document else []),
        )
    console.print(table)
    failed = sum(1 for outcome in outcomes if outcome.status == "failed")
    console.print(f"{len(outcomes)} files: {len(outcomes) - failed} ok, {failed} failed")
