"""The `hireloop` command: a Typer root to which each domain adds its own commands."""

from __future__ import annotations

import sys
from importlib import import_module

import typer
from rich.console import Console

from hireloop.kit.errors import HireloopError

app = typer.Typer(
    name="hireloop",
    help="Contract-first hiring for senior machine-learning engineers.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

# Each module here defines `register(app)` and adds its own commands to the root.
DOMAIN_CLIS: tuple[str, ...] = (
    "hireloop.system_cli",
    "hireloop.auth.cli",
    "hireloop.briefs.cli",
    "hireloop.documents.cli",
    "hireloop.screening.cli",
    "hireloop.candidates.cli",
    "hireloop.rates.cli",
    "hireloop.interviews.cli",
    "hireloop.matching.cli",
    "hireloop.shortlists.cli",
    "hireloop.contracts.cli",
    "hireloop.engagements.cli",
)

for _module in DOMAIN_CLIS:
    import_module(_module).register(app)


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code: a user error prints one line and returns 2."""
    err = Console(stderr=True)
    try:
        result = app(args=argv, standalone_mode=False)
    except HireloopError as exc:
        err.print(f"error: {exc.message}", markup=False, highlight=False, soft_wrap=True)
        return 2
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        err.print("aborted")
        return 1
    except typer.TyperException as exc:
        describe = getattr(exc, "format_message", None)
        message = describe() if callable(describe) else str(exc)
        if message:  # a bare command prints its help and says nothing more
            err.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
        return 2
    return result if isinstance(result, int) else 0


def main() -> None:
    sys.exit(run())
