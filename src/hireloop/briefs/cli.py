from __future__ import annotations

import sys
from pathlib import Path

import typer

from hireloop.briefs.errors import BriefInvalid
from hireloop.briefs.service import create_brief_from, get_brief, list_briefs, warnings_of
from hireloop.cli_support import console, print_json_lines, print_table, unit_of_work
from hireloop.kit.errors import InvalidInput

brief_app = typer.Typer(help="Outcome briefs.", no_args_is_help=True)


@brief_app.command("list")
def brief_list(
    as_json: bool = typer.Option(False, "--json", help="One JSON line per brief"),
) -> None:
    """List briefs."""
    with unit_of_work() as session:
        briefs = [b.as_dict() for b in list_briefs(session)]
    if as_json:
        print_json_lines(briefs)
        return
    print_table(
        "Briefs",
        ["id", "title", "location", "window", "status"],
        ([b["id"], b["title"], b["location"], b["window_weeks"], b["status"]] for b in briefs),
    )


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput(f"{path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path} cannot be read as UTF-8 text: {exc}") from None


@brief_app.command("create")
def brief_create(
    file: Path = typer.Argument(..., help="The brief as a YAML file"),
) -> None:
    """Create a brief from a YAML file; prints its id, and its warnings on stderr."""
    text = _read(file)
    try:
        with unit_of_work() as session:
            brief, warnings = create_brief_from(session, text, None)
            brief_id = brief.id
    except BriefInvalid as exc:
        problems = "; ".join(f"{p['field']} {p['error']}" for p in exc.problems)
        raise InvalidInput(f"{file.name}: {problems}", detail=exc.problems) from None
    print(brief_id)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


@brief_app.command("show")
def brief_show(
    brief_id: int = typer.Argument(..., help="The brief's id"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object"),
) -> None:
    """Show one brief with its warnings."""
    with unit_of_work() as session:
        brief = get_brief(session, brief_id)
        row = {**brief.as_dict(), "warnings": warnings_of(brief)}
    if as_json:
        print_json_lines([row])
        return
    print_table(
        f"Brief {brief_id}",
        ["field", "value"],
        (
            [name, ", ".join(map(str, value)) if isinstance(value, list) else value]
            for name, value in row.items()
            if name != "warnings"
        ),
    )
    for warning in row["warnings"]:
        console.print(f"warning: {warning}", markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(brief_app, name="brief")
