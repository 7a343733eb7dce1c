"""Commands that run the installation itself: serve, migrate, load the demo."""

from __future__ import annotations

import typer

from hireloop.cli_support import console, make_runtime
from hireloop.migrate import current_revisions, describe, head_revisions, upgrade

db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
demo_app = typer.Typer(help="The demo workspace.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database to the latest schema."""
    runtime = make_runtime()
    try:
        upgrade(runtime.engine)
        console.print(f"database at revision {describe(current_revisions(runtime.engine))}")
    finally:
        runtime.close()


@db_app.command("status")
def db_status() -> None:
    """Show the database's schema revision and the latest one."""
    runtime = make_runtime()
    try:
        current = describe(current_revisions(runtime.engine))
        console.print(f"current: {current}  latest: {describe(head_revisions())}")
    finally:
        runtime.close()


@demo_app.command("load")
def demo_load() -> None:
    """Load the demo workspace unless the database already holds one."""
    from hireloop.demo.loader import DEMO_EMAIL, DEMO_PASSWORD, load_demo

    runtime = make_runtime()
    try:
        loaded = load_demo(runtime)
    finally:
        runtime.close()
    if loaded:
        console.print("demo workspace loaded")
    else:
        console.print("demo workspace already present; nothing changed")
    console.print(f"demo login: {DEMO_EMAIL} / {DEMO_PASSWORD}")


def serve(
    host: str = typer.Option(None, help="Address to listen on (default HIRELOOP_HOST)"),
    port: int = typer.Option(None, help="Port (default HIRELOOP_PORT)"),
) -> None:
    """Serve the web workspace."""
    import uvicorn

    from hireloop.app import create_app

    runtime = make_runtime()
    from hireloop.migrate import ensure_migrated

    ensure_migrated(runtime.engine)
    app = create_app(runtime=runtime)
    bind_host = host or runtime.settings.host
    bind_port = port or runtime.settings.port
    console.print(f"hireloop serving on http://{bind_host}:{bind_port}")
    uvicorn.run(app, host=bind_host, port=bind_port, log_level="info")


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
    app.add_typer(demo_app, name="demo")
    app.command("serve")(serve)
