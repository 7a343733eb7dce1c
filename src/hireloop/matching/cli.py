"""`hireloop shortlist rank BRIEF_ID` (also `hireloop rank`): the pool ranked for a brief,
every score with its factors."""

from __future__ import annotations

from datetime import date

import typer

from hireloop.briefs.service import get_brief
from hireloop.cli_support import console, parse_date_option, print_json_lines, unit_of_work
from hireloop.matching.pool import excluded_dicts, ranked_dicts
from hireloop.matching.service import rank_brief


def rank_command(
    brief_id: int = typer.Argument(..., help="The brief to rank the pool for"),
    as_json: bool = typer.Option(
        False, "--json", help="One JSON object per ranked candidate, with its factors"
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many"),
    as_of: str | None = typer.Option(None, "--as-of", help="Rank as of YYYY-MM-DD"),
    show_excluded: bool = typer.Option(
        False, "--excluded", help="Also list who was left out and why"
    ),
) -> None:
    """Rank every screened candidate against a brief, best first, with why."""
    day = parse_date_option(as_of, "--as-of") if as_of else date.today()
    with unit_of_work() as session:
        result = rank_brief(session, get_brief(session, brief_id), day, limit)
        rows = ranked_dicts(result.ranking.ranked)
        excluded = excluded_dicts(result.ranking) if show_excluded else []
        message = result.ranking.message
    if as_json:
        print_json_lines(rows)
        print_json_lines({"excluded": True, **e} for e in excluded)
        return
    if message:
        console.print(message, markup=False, highlight=False, soft_wrap=True)
    for row in rows:
        console.print(
            f"{row['rank']:>4}. {row['score']:5.1f}  #{row['candidate_id']} {row['name']}"
            f"  [{row['source_file'] or 'no file'}]",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        for f in row["factors"]:
            console.print(
                f"        {f['contribution']:5.1f}/{f['weight']:<5.1f} {f['name']}: {f['why']}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
    for e in excluded:
        console.print(
            f"  excluded #{e['candidate_id']} {e['name']}: {'; '.join(e['reasons'])}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


def register(app: typer.Typer) -> None:
    app.command("rank")(rank_command)
