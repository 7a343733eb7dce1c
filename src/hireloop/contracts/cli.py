from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from hireloop.briefs.service import get_brief
from hireloop.candidates.service import get_candidate
from hireloop.cli_support import console, parse_date_option, unit_of_work
from hireloop.contracts import service
from hireloop.contracts.terms import TermStatus

terms_app = typer.Typer(help="Term sheets agreed before the shortlist.", no_args_is_help=True)


@terms_app.command("create")
def terms_create(
    brief: int = typer.Option(..., "--brief", help="The brief"),
    candidate: int = typer.Option(..., "--candidate", help="The candidate"),
    engagement_type: str | None = typer.Option(None, "--type", help="1099, w2 or c2c"),
    rate: str | None = typer.Option(None, "--rate", help="Day rate in USD"),
    start: str | None = typer.Option(None, "--start", help="Start date, YYYY-MM-DD"),
    end: str | None = typer.Option(None, "--end", help="End date, YYYY-MM-DD"),
    fee: str | None = typer.Option(None, "--conversion-fee", help="Percent of first-year salary"),
) -> None:
    """Draft a term sheet (defaults fill what is not given) and print its id."""
    data: dict[str, Any] = {
        "engagement_type": engagement_type,
        "day_rate": rate,
        "start_date": parse_date_option(start, "--start") if start else None,
        "end_date": parse_date_option(end, "--end") if end else None,
        "conversion_fee_percent": fee,
    }
    with unit_of_work() as session:
        row = service.create_terms(
            session, get_brief(session, brief), get_candidate(session, candidate), None, data
        )
        term_sheet_id = row.id
    print(term_sheet_id)


@terms_app.command("show")
def terms_show(term_sheet_id: int = typer.Argument(..., help="The term sheet")) -> None:
    """The term sheet as JSON, with its flags and history."""
    with unit_of_work() as session:
        data = service.terms_dict(service.view_terms(session, term_sheet_id))
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _move(term_sheet_id: int, target: TermStatus) -> None:
    with unit_of_work() as session:
        row = service.change_status(session, term_sheet_id, target, None)
        console.print(f"term sheet {row.id} is now {row.status}")


@terms_app.command("propose")
def terms_propose(term_sheet_id: int = typer.Argument(..., help="The term sheet")) -> None:
    """Move draft terms to proposed."""
    _move(term_sheet_id, "proposed")


@terms_app.command("agree")
def terms_agree(term_sheet_id: int = typer.Argument(..., help="The term sheet")) -> None:
    """Mark proposed terms agreed (needs a day rate and valid dates)."""
    _move(term_sheet_id, "agreed")


@terms_app.command("reopen")
def terms_reopen(
    term_sheet_id: int = typer.Argument(..., help="The term sheet"),
    reason: str = typer.Option(..., "--reason", help="Why the agreed terms are reopened"),
) -> None:
    """Return agreed terms to draft, with the reason."""
    with unit_of_work() as session:
        row = service.reopen_terms(session, term_sheet_id, reason, None)
        console.print(f"term sheet {row.id} is now {row.status}")


@terms_app.command("render")
def terms_render(
    term_sheet_id: int = typer.Argument(..., help="The term sheet"),
    out: Path = typer.Option(..., "--out", help="Where to write the .docx"),
) -> None:
    """Write the term sheet as a Word document."""
    with unit_of_work() as session:
        done = service.render_terms(session, term_sheet_id, None)
    out.write_bytes(done.content)
    console.print(f"wrote {out} ({len(done.content)} bytes)")


def register(app: typer.Typer) -> None:
    app.add_typer(terms_app, name="terms")
