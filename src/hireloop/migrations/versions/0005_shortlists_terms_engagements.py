"""shortlists, term sheets, engagements and their delivery log

Revision ID: 0005_terms
Revises: 0002
Create Date: 2026-11-26 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import hireloop.db

revision: str = "0005_terms"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "shortlist_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("brief_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("added_at", hireloop.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by_id"], ["users.id"], name=op.f("fk_shortlist_entries_added_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["brief_id"], ["briefs.id"], name=op.f("fk_shortlist_entries_brief_id_briefs")
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_shortlist_entries_candidate_id_candidates"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shortlist_entries")),
        sa.UniqueConstraint("brief_id", "candidate_id", name=op.f("uq_shortlist_entries_brief_id")),
    )
    with op.batch_alter_table("shortlist_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_shortlist_entries_brief_id"), ["brief_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_shortlist_entries_candidate_id"), ["candidate_id"], unique=False
        )

    op.create_table(
        "shortlist_presentations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("brief_id", sa.Integer(), nullable=False),
        sa.Column("presented_by_id", sa.Integer(), nullable=True),
        sa.Column("presented_at", hireloop.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("candidate_ids", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["brief_id"], ["briefs.id"], name=op.f("fk_shortlist_presentations_brief_id_briefs")
        ),
        sa.ForeignKeyConstraint(
            ["presented_by_id"],
            ["users.id"],
            name=op.f("fk_shortlist_presentations_presented_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shortlist_presentations")),
    )
    with op.batch_alter_table("shortlist_presentations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_shortlist_presentations_brief_id"), ["brief_id"], unique=False
        )

    op.create_table(
        "term_sheets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("brief_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("engagement_type", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("day_rate", sa.Float(), nullable=True),
        sa.Column("rate_source", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("scope_deliverables", sa.JSON(), nullable=False),
        sa.Column("ip_assignment", sa.Boolean(), nullable=False),
        sa.Column("prior_ip_carve_outs", sa.JSON(), nullable=False),
        sa.Column("conversion_fee_percent", sa.Float(), nullable=False),
        sa.Column("fee_schedule", sa.JSON(), nullable=True),
        sa.Column("conversion_window_start_month", sa.Integer(), nullable=False),
        sa.Column("conversion_window_end_month", sa.Integer(), nullable=False),
        sa.Column("notice_period_days", sa.Integer(), nullable=False),
        sa.Column("work_state", sa.String(length=2), nullable=True),
        sa.Column("worksite_city", sa.String(length=120), nullable=True),
        sa.Column("hours_per_week", sa.Integer(), nullable=True),
        sa.Column("open_ended", sa.Boolean(), nullable=False),
        sa.Column("client_supervised", sa.Boolean(), nullable=False),
        sa.Column("placed_by_agency", sa.Boolean(), nullable=False),
        sa.Column("entity", sa.JSON(), nullable=True),
        sa.Column("b2b_checks_confirmed", sa.JSON(), nullable=False),
        sa.Column("reopen_reason", sa.Text(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", hireloop.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", hireloop.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["brief_id"], ["briefs.id"], name=op.f("fk_term_sheets_brief_id_briefs")
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidates.id"], name=op.f("fk_term_sheets_candidate_id_candidates")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_term_sheets_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_term_sheets")),
        sa.UniqueConstraint("brief_id", "candidate_id", name=op.f("uq_term_sheets_brief_id")),
    )
    with op.batch_alter_table("term_sheets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_term_sheets_brief_id"), ["brief_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_term_sheets_candidate_id"), ["candidate_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_term_sheets_status"), ["status"], unique=False)

    op.create_table(
        "engagements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("brief_id", sa.Integer(), nullable=False),
        sa.Column("term_sheet_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("allocation_percent", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("outcome_kind", sa.String(length=16), nullable=True),
        sa.Column("outcome_reason", sa.Text(), nullable=True),
        sa.Column("outcome_decided_on", sa.Date(), nullable=True),
        sa.Column("handover_plan", sa.JSON(), nullable=False),
        sa.Column("perm_salary_offered", sa.Float(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", hireloop.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["brief_id"], ["briefs.id"], name=op.f("fk_engagements_brief_id_briefs")
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidates.id"], name=op.f("fk_engagements_candidate_id_candidates")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_engagements_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["term_sheet_id"],
            ["term_sheets.id"],
            name=op.f("fk_engagements_term_sheet_id_term_sheets"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engagements")),
    )
    with op.batch_alter_table("engagements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_engagements_brief_id"), ["brief_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_engagements_candidate_id"), ["candidate_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_engagements_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_engagements_term_sheet_id"), ["term_sheet_id"], unique=False
        )

    op.create_table(
        "delivery_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("shipped", sa.Text(), nullable=False),
        sa.Column("metric", sa.Text(), nullable=False),
        sa.Column("logged_by_id", sa.Integer(), nullable=True),
        sa.Column("logged_at", hireloop.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_delivery_log_engagement_id_engagements"),
        ),
        sa.ForeignKeyConstraint(
            ["logged_by_id"], ["users.id"], name=op.f("fk_delivery_log_logged_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery_log")),
    )
    with op.batch_alter_table("delivery_log", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_delivery_log_engagement_id"), ["engagement_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("delivery_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delivery_log_engagement_id"))

    op.drop_table("delivery_log")
    with op.batch_alter_table("engagements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_engagements_term_sheet_id"))
        batch_op.drop_index(batch_op.f("ix_engagements_status"))
        batch_op.drop_index(batch_op.f("ix_engagements_candidate_id"))
        batch_op.drop_index(batch_op.f("ix_engagements_brief_id"))

    op.drop_table("engagements")
    with op.batch_alter_table("term_sheets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_term_sheets_status"))
        batch_op.drop_index(batch_op.f("ix_term_sheets_candidate_id"))
        batch_op.drop_index(batch_op.f("ix_term_sheets_brief_id"))

    op.drop_table("term_sheets")
    with op.batch_alter_table("shortlist_presentations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shortlist_presentations_brief_id"))

    op.drop_table("shortlist_presentations")
    with op.batch_alter_table("shortlist_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shortlist_entries_candidate_id"))
        batch_op.drop_index(batch_op.f("ix_shortlist_entries_brief_id"))

    op.drop_table("shortlist_entries")
