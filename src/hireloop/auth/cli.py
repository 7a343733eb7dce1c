from __future__ import annotations

import typer

from hireloop.auth.models import ROLES
from hireloop.auth.service import create_user
from hireloop.cli_support import console, unit_of_work

user_app = typer.Typer(help="User accounts.", no_args_is_help=True)


@user_app.command("create")
def user_create(
    email: str = typer.Option(..., help="Login e-mail"),
    role: str = typer.Option(..., help=f"One of: {', '.join(ROLES)}"),
    name: str = typer.Option("", help="Display name"),
    password: str = typer.Option(
        ..., prompt=True, hide_input=True, confirmation_prompt=True, envvar="HIRELOOP_NEW_PASSWORD"
    ),
) -> None:
    """Create a local account."""
    with unit_of_work() as session:
        user = create_user(session, email=email, name=name, password=password, role=role)
        console.print(f"created user {user.id}: {user.email} ({user.role})")


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
