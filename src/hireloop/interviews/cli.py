from __future__ import annotations

import json

import typer

from hireloop.cli_support import console, print_table, unit_of_work
from hireloop.interviews.service import brief_plan

loop_app = typer.Typer(help="Interview loops.", no_args_is_help=True)


@loop_app.command("plan")
def loop_plan(
    brief_id: int = typer.Argument(..., help="The brief's id"),
    as_json: bool = typer.Option(False, "--json", help="The plan as one JSON document"),
) -> None:
    """Print a brief's loop plan: blocks, minutes, weights, interviewers and questions."""
    with unit_of_work() as session:
        view = brief_plan(session, brief_id)
        plan = view.plan
    if as_json:
        document = {"brief_id": view.brief_id, "saved": view.saved, **plan.to_json()}
        print(json.dumps(document, ensure_ascii=False))
        return
    state = "saved plan" if view.saved else "derived from the brief; not saved yet"
    console.print(f"Loop for brief {brief_id}: {plan.total_minutes} minutes ({state})")
    print_table(
        "Blocks",
        ["block", "minutes", "weight", "interviewer", "questions"],
        (
            [
                b.block,
                b.minutes,
                f"{b.weight}%",
                b.interviewer or "not assigned",
                "\n".join(f"{q.id}: {q.signal}" for q in b.questions),
            ]
            for b in plan.blocks
        ),
    )


def register(app: typer.Typer) -> None:
    app.add_typer(loop_app, name="loop")
