"""a narrow full-text search table on PostgreSQL, so a search reads no wide document rows

Revision ID: 0008
Revises: 0007

Search used the GIN index on documents.documents_fts_vector: every match then read its wide
`documents` row (the CV text) and was joined to its facts to be sorted by screening score, so a
common word matching half of 100,000 candidates took 150-200 ms. This adds, on PostgreSQL only,
objects no model describes (the model comparison skips them by their `documents_fts` prefix):

- the table `documents_fts_candidates`: one narrow row per candidate with a document, holding
  the words of all the candidate's documents (a stripped tsvector: lexemes without positions,
  which `plainto_tsquery` does not need), the screening score search sorts by (-1 before the
  first screening) and the verdict it filters on (a person's override, else the screen's), with
  the GIN index `documents_fts_candidates_vector`;
- triggers that keep it in step: on `documents` (insert, update, delete: the candidate's words
  are rebuilt from the stored vectors of its documents), on `candidate_facts` (score and
  verdict) and on candidates.verdict_override;
- the GIN index `documents_fts` on the wide documents rows is dropped: nothing searches it now.
  The generated column documents.documents_fts_vector stays, as the source of the words.

On SQLite the FTS5 table `documents_fts` is already a separate index, but each match's
candidate id was read from its wide documents row: the index `documents_fts_owner` on
documents (id, candidate_id) answers that lookup alone.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The words of all of a candidate's documents, and its screening score (-1 when unscreened).
PG_CANDIDATE_WORDS = (
    "(SELECT array_to_tsvector(coalesce(array_agg(DISTINCT w.lexeme), ARRAY[]::text[])) "
    "FROM documents AS d, unnest(d.documents_fts_vector) AS w WHERE d.candidate_id = {cid})"
)
PG_CANDIDATE_SCORE = "coalesce((SELECT score FROM candidate_facts WHERE candidate_id = {cid}), -1)"
# The verdict search filters on: a person's override, else the newest screening's.
PG_CANDIDATE_VERDICT = (
    "(SELECT coalesce(vc.verdict_override, vf.verdict) FROM candidates AS vc "
    "LEFT JOIN candidate_facts AS vf ON vf.candidate_id = vc.id WHERE vc.id = {cid})"
)


def _refresh(cid: str) -> str:
    """Statements that rebuild one candidate's search row (or remove it with no documents)."""
    words = PG_CANDIDATE_WORDS.format(cid=cid)
    score = PG_CANDIDATE_SCORE.format(cid=cid)
    return (
        f"IF EXISTS (SELECT 1 FROM documents WHERE candidate_id = {cid}) THEN "
        "INSERT INTO documents_fts_candidates (candidate_id, score, verdict, vector) "
        f"VALUES ({cid}, {score}, {PG_CANDIDATE_VERDICT.format(cid=cid)}, {words}) "
        "ON CONFLICT (candidate_id) DO UPDATE SET vector = excluded.vector; "
        f"ELSE DELETE FROM documents_fts_candidates WHERE candidate_id = {cid}; END IF; "
    )


def _postgresql_upgrade() -> None:
    op.execute(
        "CREATE TABLE documents_fts_candidates ("
        "candidate_id integer PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE, "
        "score integer NOT NULL, "
        "verdict varchar(32), "
        "vector tsvector NOT NULL)"
    )
    op.execute(
        "CREATE INDEX documents_fts_candidates_vector ON documents_fts_candidates "
        "USING gin (vector)"
    )
    # A new document adds its words to the candidate's; a change or removal rebuilds them.
    op.execute(
        "CREATE FUNCTION documents_fts_candidates_from_documents() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        "IF TG_OP = 'INSERT' THEN "
        "IF NEW.candidate_id IS NOT NULL THEN "
        "INSERT INTO documents_fts_candidates (candidate_id, score, verdict, vector) "
        f"VALUES (NEW.candidate_id, {PG_CANDIDATE_SCORE.format(cid='NEW.candidate_id')}, "
        f"{PG_CANDIDATE_VERDICT.format(cid='NEW.candidate_id')}, "
        "strip(NEW.documents_fts_vector)) "
        "ON CONFLICT (candidate_id) DO UPDATE "
        "SET vector = strip(documents_fts_candidates.vector || excluded.vector); "
        "END IF; RETURN NULL; END IF; "
        "IF TG_OP <> 'INSERT' AND OLD.candidate_id IS NOT NULL THEN "
        + _refresh("OLD.candidate_id")
        + "END IF; "
        "IF TG_OP = 'UPDATE' AND NEW.candidate_id IS NOT NULL "
        "AND NEW.candidate_id IS DISTINCT FROM OLD.candidate_id THEN "
        + _refresh("NEW.candidate_id")
        + "END IF; RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_candidates_from_documents "
        "AFTER INSERT OR DELETE OR UPDATE OF text, filename, candidate_id ON documents "
        "FOR EACH ROW EXECUTE FUNCTION documents_fts_candidates_from_documents()"
    )
    op.execute(
        "CREATE FUNCTION documents_fts_candidates_from_facts() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        "IF TG_OP = 'DELETE' THEN "
        "UPDATE documents_fts_candidates "
        f"SET score = -1, verdict = {PG_CANDIDATE_VERDICT.format(cid='OLD.candidate_id')} "
        "WHERE candidate_id = OLD.candidate_id; "
        "ELSE UPDATE documents_fts_candidates "
        f"SET score = NEW.score, verdict = {PG_CANDIDATE_VERDICT.format(cid='NEW.candidate_id')} "
        "WHERE candidate_id = NEW.candidate_id; END IF; "
        "RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_candidates_from_facts "
        "AFTER INSERT OR DELETE OR UPDATE OF score, verdict ON candidate_facts "
        "FOR EACH ROW EXECUTE FUNCTION documents_fts_candidates_from_facts()"
    )
    op.execute(
        "CREATE FUNCTION documents_fts_candidates_from_candidates() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        "UPDATE documents_fts_candidates "
        f"SET verdict = {PG_CANDIDATE_VERDICT.format(cid='NEW.id')} "
        "WHERE candidate_id = NEW.id; "
        "RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_candidates_from_candidates "
        "AFTER UPDATE OF verdict_override ON candidates "
        "FOR EACH ROW EXECUTE FUNCTION documents_fts_candidates_from_candidates()"
    )
    op.execute(
        "INSERT INTO documents_fts_candidates (candidate_id, score, verdict, vector) "
        f"SELECT p.id, {PG_CANDIDATE_SCORE.format(cid='p.id')}, "
        f"{PG_CANDIDATE_VERDICT.format(cid='p.id')}, "
        f"{PG_CANDIDATE_WORDS.format(cid='p.id')} FROM candidates AS p "
        "WHERE EXISTS (SELECT 1 FROM documents WHERE documents.candidate_id = p.id)"
    )
    op.execute("DROP INDEX IF EXISTS documents_fts")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        _postgresql_upgrade()
    elif dialect == "sqlite":
        op.execute("CREATE INDEX documents_fts_owner ON documents (id, candidate_id)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP INDEX IF EXISTS documents_fts_owner")
    if dialect != "postgresql":
        return
    op.execute("CREATE INDEX documents_fts ON documents USING gin (documents_fts_vector)")
    op.execute("DROP TRIGGER IF EXISTS documents_fts_candidates_from_candidates ON candidates")
    op.execute("DROP FUNCTION IF EXISTS documents_fts_candidates_from_candidates()")
    op.execute("DROP TRIGGER IF EXISTS documents_fts_candidates_from_facts ON candidate_facts")
    op.execute("DROP FUNCTION IF EXISTS documents_fts_candidates_from_facts()")
    op.execute("DROP TRIGGER IF EXISTS documents_fts_candidates_from_documents ON documents")
    op.execute("DROP FUNCTION IF EXISTS documents_fts_candidates_from_documents()")
    op.execute("DROP TABLE IF EXISTS documents_fts_candidates")
