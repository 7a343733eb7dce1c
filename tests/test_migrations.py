"""The migrations build exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

from hireloop.migrate import current_revisions, head_revisions
from hireloop.models import Base


def test_a_migrated_database_is_at_the_latest_revision(engine: Engine) -> None:
    assert current_revisions(engine) == head_revisions()


# Full-text search objects made in migration 0006 that no model describes: the SQLite FTS5
# table `documents_fts` with its shadow tables, and on PostgreSQL the generated column
# documents.documents_fts_vector with its GIN index `documents_fts`.
FULL_TEXT_SEARCH_OBJECTS = "documents_fts"


def skip_full_text_search(name: str | None, type_: str, parent_names: object) -> bool:
    if name is None or type_ not in ("table", "index", "column"):
        return True
    return not (name == FULL_TEXT_SEARCH_OBJECTS or name.startswith(FULL_TEXT_SEARCH_OBJECTS + "_"))


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": skip_full_text_search}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_the_history_has_one_head_so_new_migrations_chain_simply() -> None:
    assert len(head_revisions()) == 1
