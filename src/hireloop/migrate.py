"""Schema migrations: upgrade a database and tell whether it is up to date."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from hireloop.kit.errors import DatabaseNotMigrated


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", "hireloop:migrations")
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "heads") -> None:
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def head_revisions() -> frozenset[str]:
    return frozenset(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())


def current_revisions(engine: Engine) -> frozenset[str]:
    with engine.connect() as connection:
        return frozenset(MigrationContext.configure(connection).get_current_heads())


def describe(revisions: frozenset[str]) -> str:
    return ", ".join(sorted(revisions)) or "none"


def ensure_migrated(engine: Engine) -> None:
    """Refuse to work on a database whose schema is not at the latest revision."""
    current = current_revisions(engine)
    if current != head_revisions():
        state = "has never been migrated" if not current else f"is at revision {describe(current)}"
        raise DatabaseNotMigrated(
            f"the database {state}; run `hireloop db upgrade` to bring it up to date"
        )
