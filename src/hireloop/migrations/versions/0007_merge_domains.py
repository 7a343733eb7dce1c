"""Join the rates, interviews, terms and search branches into one line of history.

Revision ID: 0007
Revises: 0003_rates, 0004_interviews, 0005_terms, 0006_briefs_search
"""

from collections.abc import Sequence

revision: str = "0007"
down_revision: str | Sequence[str] | None = (
    "0003_rates",
    "0004_interviews",
    "0005_terms",
    "0006_briefs_search",
)
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
