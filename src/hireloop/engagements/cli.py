from __future__ import annotations

import re
from datetime import date

import typer

from hireloop.cli_support import (
    console,
    parse_date_option,
    print_json_lines,
    print_table,
    unit_of_work,
)
from hireloop.engagements import service
from hireloop.kit.errors import InvalidInput

engagements_app = typer.Typer(help="Engagements and their checkpoints.", no_args_is_help=True)


def parse_days(value: str) -> int:
    match = re.fullmatch(r"\s*(\d+)\s*d?\s*", value)
    if match is None:
        raise InvalidInput(f"--within must be a number of days like 30d, not {value!r}")
    return int(match.group(1))


@engagements_app.command("due")
def engagements_due(
    within: str = typer.Option("30d", "--within", help="Look-ahead, e.g. 30d"),
    today: str | None = typer.Option(None, "--today", help="Count from this date, YYYY-MM-DD"),
    as_json: bool = typer.Option(False, "--json", help="One JSON line per checkpoint"),
) -> None:
    """Checkpoints of active engagements due within the look-ahead."""
    start = parse_date_option(today, "--today") if today else date.today()
    with unit_of_work() as session:
        rows = [
            service.due_dict(d) for d in service.due_checkpoints(session, start, parse_days(within))
        ]
    if as_json:
        print_json_lines(rows)
        return
    print_table(
        "Checkpoints due",
        ["due", "checkpoint", "engineer", "brief", "engagement"],
        ([r["due"], r["label"], r["candidate"], r["brief"], r["engagement_id"]] for r in rows),
    )


@engagements_app.command("create")
def engagements_create(
    terms: int = typer.Option(..., "--terms", help="The agreed term sheet"),
    allocation: int = typer.Option(100, "--allocation", help="Percent of the engineer's time"),
) -> None:
    """Start the engagement of a placed candidate from their agreed terms; prints its id."""
    with unit_of_work() as session:
        engagement = service.create_engagement(session, terms, None, allocation)
        engagement_id = engagement.id
    console.print(engagement_id)


def register(app: typer.Typer) -> None:
    app.add_typer(engagements_app, name="engagements")
