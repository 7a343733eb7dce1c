"""rates: the market signal pool and the rate checks run for each brief

Revision ID: 0003_rates
Revises: 0002
Create Date: 2026-11-26 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import hireloop.db

revision: str = "0003_rates"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "market_signals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("market", sa.String(length=64), nullable=False),
        sa.Column("specialism", sa.String(length=64), nullable=True),
        sa.Column("unit", sa.String(length=8), nullable=False),
        sa.Column("basis", sa.String(length=16), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("rate", sa.Float(), nullable=True),
        sa.Column("p25", sa.Float(), nullable=True),
        sa.Column("p50", sa.Float(), nullable=True),
        sa.Column("p75", sa.Float(), nullable=True),
        sa.Column("p90", sa.Float(), nullable=True),
        sa.Column("low", sa.Float(), nullable=True),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("n", sa.Integer(), nullable=True),
        sa.Column("floors", sa.JSON(), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("entered_by_id", sa.Integer(), nullable=True),
        sa.Column("entered_at", hireloop.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["entered_by_id"], ["users.id"], name=op.f("fk_market_signals_entered_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_market_signals")),
    )
    with op.batch_alter_table("market_signals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_market_signals_market"), ["market"], unique=False)

    op.create_table(
        "rate_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("brief_id", sa.Integer(), nullable=False),
        sa.Column("rate", sa.Float(), nullable=False),
        sa.Column("basis", sa.String(length=16), nullable=False),
        sa.Column("market", sa.String(length=64), nullable=False),
        sa.Column("specialisms", sa.JSON(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("validated", sa.Boolean(), nullable=False),
        sa.Column("verdict", sa.String(length=32), nullable=False),
        sa.Column("clearing_day_rate", sa.Float(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("signals", sa.JSON(), nullable=False),
        sa.Column("checked_by_id", sa.Integer(), nullable=True),
        sa.Column("checked_at", hireloop.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["brief_id"], ["briefs.id"], name=op.f("fk_rate_checks_brief_id_briefs")
        ),
        sa.ForeignKeyConstraint(
            ["checked_by_id"], ["users.id"], name=op.f("fk_rate_checks_checked_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rate_checks")),
    )
    with op.batch_alter_table("rate_checks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rate_checks_brief_id"), ["brief_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("rate_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rate_checks_brief_id"))

    op.drop_table("rate_checks")
    with op.batch_alter_table("market_signals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_market_signals_market"))

    op.drop_table("market_signals")
