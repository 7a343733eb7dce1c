"""interview loops: plans, loops, scorecards and their earlier versions

Revision ID: 0004_interviews
Revises: 0002
Create Date: 2026-11-26 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import hireloop.db

revision: str = "0004_interviews"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "loop_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("brief_id", sa.Integer(), nullable=False),
        sa.Column("weights", sa.JSON(), nullable=False),
        sa.Column("interviewers", sa.JSON(), nullable=False),
        sa.Column("involves_llm", sa.Boolean(), nullable=False),
        sa.Column("stack", sa.JSON(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", hireloop.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["brief_id"], ["briefs.id"], name=op.f("fk_loop_plans_brief_id_briefs")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name=op.f("fk_loop_plans_updated_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loop_plans")),
        sa.UniqueConstraint("brief_id", name=op.f("uq_loop_plans_brief_id")),
    )
    op.create_table(
        "loops",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("brief_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", hireloop.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=True),
        sa.Column("computed_decision", sa.String(length=16), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", hireloop.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", hireloop.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_loops_application_id_applications"),
        ),
        sa.ForeignKeyConstraint(["brief_id"], ["briefs.id"], name=op.f("fk_loops_brief_id_briefs")),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidates.id"], name=op.f("fk_loops_candidate_id_candidates")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_loops_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["users.id"], name=op.f("fk_loops_decided_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loops")),
        sa.UniqueConstraint("application_id", name=op.f("uq_loops_application_id")),
    )
    with op.batch_alter_table("loops", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loops_brief_id"), ["brief_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_loops_candidate_id"), ["candidate_id"], unique=False)

    op.create_table(
        "scorecards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loop_id", sa.Integer(), nullable=False),
        sa.Column("block", sa.String(length=32), nullable=False),
        sa.Column("interviewer_id", sa.Integer(), nullable=False),
        sa.Column("ratings", sa.JSON(), nullable=False),
        sa.Column("good_ticks", sa.JSON(), nullable=False),
        sa.Column("red_flag_ticks", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recommendation", sa.String(length=16), nullable=False),
        sa.Column("submitted_at", hireloop.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interviewer_id"], ["users.id"], name=op.f("fk_scorecards_interviewer_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["loop_id"], ["loops.id"], name=op.f("fk_scorecards_loop_id_loops")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scorecards")),
        sa.UniqueConstraint(
            "loop_id", "block", "interviewer_id", name=op.f("uq_scorecards_loop_id")
        ),
    )
    with op.batch_alter_table("scorecards", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scorecards_interviewer_id"), ["interviewer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_scorecards_loop_id"), ["loop_id"], unique=False)

    op.create_table(
        "scorecard_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scorecard_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("ratings", sa.JSON(), nullable=False),
        sa.Column("good_ticks", sa.JSON(), nullable=False),
        sa.Column("red_flag_ticks", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recommendation", sa.String(length=16), nullable=False),
        sa.Column("submitted_at", hireloop.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("replaced_at", hireloop.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["scorecard_id"],
            ["scorecards.id"],
            name=op.f("fk_scorecard_versions_scorecard_id_scorecards"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scorecard_versions")),
    )
    with op.batch_alter_table("scorecard_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scorecard_versions_scorecard_id"), ["scorecard_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("scorecard_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scorecard_versions_scorecard_id"))

    op.drop_table("scorecard_versions")
    with op.batch_alter_table("scorecards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scorecards_loop_id"))
        batch_op.drop_index(batch_op.f("ix_scorecards_interviewer_id"))

    op.drop_table("scorecards")
    with op.batch_alter_table("loops", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loops_candidate_id"))
        batch_op.drop_index(batch_op.f("ix_loops_brief_id"))

    op.drop_table("loops")
    op.drop_table("loop_plans")
