from __future__ import annotations

import sys

import typer

from hireloop.briefs.service import get_brief
from hireloop.candidates.service import get_candidate
from hireloop.cli_support import console, print_json_lines, print_table, unit_of_work
from hireloop.matching.cli import rank_command
from hireloop.shortlists import service

shortlist_app = typer.Typer(help="A brief's shortlist and its terms gate.", no_args_is_help=True)


@shortlist_app.command("add")
def shortlist_add(
    brief_id: int = typer.Argument(..., help="The brief"),
    candidate_id: int = typer.Argument(..., help="The candidate to put forward"),
    note: str = typer.Option("", "--note", help="Why them"),
) -> None:
    """Put a candidate on a brief's shortlist (and move them to "shortlisted")."""
    with unit_of_work() as session:
        brief = get_brief(session, brief_id)
        candidate = get_candidate(session, candidate_id)
        service.add_to_shortlist(session, brief, candidate, None, note)
        console.print(f"{candidate.name} added to the shortlist of brief {brief.id}")


@shortlist_app.command("remove")
def shortlist_remove(
    brief_id: int = typer.Argument(..., help="The brief"),
    candidate_id: int = typer.Argument(..., help="The candidate to take off"),
) -> None:
    """Take a candidate off a brief's shortlist."""
    with unit_of_work() as session:
        brief = get_brief(session, brief_id)
        candidate = get_candidate(session, candidate_id)
        service.remove_from_shortlist(session, brief, candidate, None)
        console.print(f"{candidate.name} removed from the shortlist of brief {brief.id}")


@shortlist_app.command("list")
def shortlist_list(
    brief_id: int = typer.Argument(..., help="The brief"),
    as_json: bool = typer.Option(False, "--json", help="One JSON line per candidate"),
) -> None:
    """Who is on the shortlist, with their verdict and the state of their terms."""
    with unit_of_work() as session:
        rows = [
            service.row_dict(r) for r in service.shortlist(session, get_brief(session, brief_id).id)
        ]
    if as_json:
        print_json_lines(rows)
        return
    print_table(
        "Shortlist",
        ["id", "name", "verdict", "terms"],
        ([r["candidate_id"], r["name"], r["verdict"], r["terms"]["status"]] for r in rows),
    )


@shortlist_app.command("export")
def shortlist_export(
    brief_id: int = typer.Argument(..., help="The brief"),
    fmt: str = typer.Option("csv", "--format", help="csv or json"),
) -> None:
    """Write the shortlist to stdout; refused while any candidate's terms are not agreed."""
    if fmt not in ("csv", "json"):
        raise typer.BadParameter("choose csv or json", param_hint="--format")
    with unit_of_work() as session:
        done = service.export_shortlist(session, get_brief(session, brief_id), fmt, None)
    sys.stdout.write(done.body if done.body.endswith("\n") else done.body + "\n")


shortlist_app.command("rank")(rank_command)


def register(app: typer.Typer) -> None:
    app.add_typer(shortlist_app, name="shortlist")
