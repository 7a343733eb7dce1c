"""vettings, candidate ranking facts kept by a trigger, and full-text search over CVs

Revision ID: 0006_briefs_search
Revises: 0002
Create Date: 2026-11-26 09:00:00.000000

Besides the two tables, this creates objects the models do not describe (and the model
comparison skips, by their names starting `documents_fts`):

- SQLite: the FTS5 table `documents_fts` over documents.text and filename (external content),
  kept in sync by triggers on `documents`; a trigger on `screenings` that fills candidate_facts.
- PostgreSQL: the generated column documents.documents_fts_vector, to_tsvector('english', file
  name and text), with its GIN index `documents_fts`; a trigger function fills candidate_facts.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import hireloop.db

revision: str = "0006_briefs_search"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AREAS = ("pytorch_production", "llm_rag", "mlops", "python_stack", "distributed_gpu")
FACT_COLUMNS = (
    "screening_id, verdict, production_level, score, "
    + ", ".join(f"area_{a}" for a in AREAS)
    + ", skills, latest_evidence_age_years, source_file"
)


# Punctuation in file names becomes spaces, so "gus-cv.txt" is found by "gus" and "cv".
PG_DOCUMENT_VECTOR = "to_tsvector('english', translate(filename, '-_./', '    ') || ' ' || text)"


def _update_set() -> str:
    return ", ".join(f"{c.strip()} = excluded.{c.strip()}" for c in FACT_COLUMNS.split(","))


def _sqlite_fact_values(row: str) -> str:
    areas = ", ".join(f"coalesce(json_extract({row}.areas, '$.{a}'), 0)" for a in AREAS)
    return (
        f"{row}.candidate_id, {row}.id, {row}.verdict, {row}.production_level, {row}.score, "
        f"{areas}, "
        f"coalesce((SELECT group_concat(value, char(10)) "
        f"FROM json_each({row}.result, '$.skills')), ''), "
        f"(SELECT min(json_extract(value, '$.age_years')) "
        f"FROM json_each({row}.result, '$.evidence')), "
        f"(SELECT filename FROM documents WHERE documents.id = {row}.document_id)"
    )


def _postgresql_fact_values(row: str) -> str:
    areas = ", ".join(f"coalesce(({row}.areas ->> '{a}')::int, 0)" for a in AREAS)
    return (
        f"{row}.candidate_id, {row}.id, {row}.verdict, {row}.production_level, {row}.score, "
        f"{areas}, "
        f"coalesce((SELECT string_agg(s, E'\\n') FROM json_array_elements_text("
        f"CASE WHEN json_typeof({row}.result -> 'skills') = 'array' "
        f"THEN {row}.result -> 'skills' ELSE '[]'::json END) AS s), ''), "
        f"(SELECT min((e ->> 'age_years')::float) FROM json_array_elements("
        f"CASE WHEN json_typeof({row}.result -> 'evidence') = 'array' "
        f"THEN {row}.result -> 'evidence' ELSE '[]'::json END) AS e), "
        f"(SELECT filename FROM documents WHERE documents.id = {row}.document_id)"
    )


def _sqlite_search_and_facts() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE documents_fts USING fts5(text, filename, content='documents', "
        "content_rowid='id', tokenize='porter unicode61')"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts(rowid, text, filename) "
        "VALUES (new.id, new.text, new.filename); END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, text, filename) "
        "VALUES ('delete', old.id, old.text, old.filename); END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_update AFTER UPDATE OF text, filename ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, text, filename) "
        "VALUES ('delete', old.id, old.text, old.filename); "
        "INSERT INTO documents_fts(rowid, text, filename) "
        "VALUES (new.id, new.text, new.filename); END"
    )
    op.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
    op.execute(
        "CREATE TRIGGER candidate_facts_from_screening AFTER INSERT ON screenings BEGIN "
        f"INSERT INTO candidate_facts (candidate_id, {FACT_COLUMNS}) "
        f"VALUES ({_sqlite_fact_values('new')}) "
        f"ON CONFLICT (candidate_id) DO UPDATE SET {_update_set()} "
        "WHERE excluded.screening_id > candidate_facts.screening_id; END"
    )


def _postgresql_search_and_facts() -> None:
    # A stored vector, not an expression index: for a common word the planner would rather scan
    # and re-parse every CV, as it prices to_tsvector far below its real cost.
    op.execute(
        "ALTER TABLE documents ADD COLUMN documents_fts_vector tsvector "
        f"GENERATED ALWAYS AS ({PG_DOCUMENT_VECTOR}) STORED"
    )
    op.execute("CREATE INDEX documents_fts ON documents USING gin (documents_fts_vector)")
    op.execute(
        "CREATE FUNCTION candidate_facts_from_screening() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        f"INSERT INTO candidate_facts (candidate_id, {FACT_COLUMNS}) "
        f"VALUES ({_postgresql_fact_values('NEW')}) "
        f"ON CONFLICT (candidate_id) DO UPDATE SET {_update_set()} "
        "WHERE candidate_facts.screening_id < excluded.screening_id; "
        "RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER candidate_facts_from_screening AFTER INSERT ON screenings "
        "FOR EACH ROW EXECUTE FUNCTION candidate_facts_from_screening()"
    )


def _backfill(dialect: str) -> None:
    """Facts for candidates screened before this revision: their newest screening each."""
    values = _sqlite_fact_values("s") if dialect == "sqlite" else _postgresql_fact_values("s")
    op.execute(
        f"INSERT INTO candidate_facts (candidate_id, {FACT_COLUMNS}) "
        f"SELECT {values} FROM screenings AS s WHERE s.id IN "
        "(SELECT max(id) FROM screenings GROUP BY candidate_id)"
    )


def upgrade() -> None:
    op.create_table(
        "vettings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("vetted_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.Column("at", hireloop.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["by_id"], ["users.id"], name=op.f("fk_vettings_by_id_users")),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_vettings_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vettings")),
    )
    with op.batch_alter_table("vettings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vettings_candidate_id"), ["candidate_id"], unique=False
        )

    op.create_table(
        "candidate_facts",
        sa.Column("candidate_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("screening_id", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(length=32), nullable=False),
        sa.Column("production_level", sa.Integer(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=False),
        *(sa.Column(f"area_{a}", sa.Integer(), nullable=False) for a in AREAS),
        sa.Column("skills", sa.Text(), nullable=False),
        sa.Column("latest_evidence_age_years", sa.Float(), nullable=True),
        sa.Column("source_file", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_candidate_facts_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screenings.id"],
            name=op.f("fk_candidate_facts_screening_id_screenings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("candidate_id", name=op.f("pk_candidate_facts")),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_search_and_facts()
    elif dialect == "postgresql":
        _postgresql_search_and_facts()
    _backfill(dialect)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS candidate_facts_from_screening")
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS documents_fts_{name}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS candidate_facts_from_screening ON screenings")
        op.execute("DROP FUNCTION IF EXISTS candidate_facts_from_screening()")
        op.execute("DROP INDEX IF EXISTS documents_fts")
        op.execute("ALTER TABLE documents DROP COLUMN IF EXISTS documents_fts_vector")
    op.drop_table("candidate_facts")
    with op.batch_alter_table("vettings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vettings_candidate_id"))

    op.drop_table("vettings")
