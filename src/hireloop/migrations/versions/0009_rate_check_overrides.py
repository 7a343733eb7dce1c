"""A person's verdict on a rate check, with the reason, who and when.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import hireloop.db

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("rate_checks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("override_verdict", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("override_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("override_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("override_at", hireloop.db.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_rate_checks_override_by_id_users"), "users", ["override_by_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("rate_checks", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_rate_checks_override_by_id_users"), "foreignkey")
        batch_op.drop_column("override_at")
        batch_op.drop_column("override_by_id")
        batch_op.drop_column("override_reason")
        batch_op.drop_column("override_verdict")
