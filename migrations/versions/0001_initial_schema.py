"""Initial schema: anonymous assessment results and pending tracker deletions.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment_results",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        # HMAC-SHA256 of the conversation id; NULL once the link retention has passed.
        sa.Column("conversation_hash", sa.String(64), nullable=True),
        sa.Column("completed_on", sa.Date, nullable=False),
        sa.Column("municipality_type", sa.String(32), nullable=False),
        sa.Column("is_mixed", sa.Boolean, nullable=False),
        sa.Column("goals", sa.JSON, nullable=False),
        sa.Column("distances", sa.JSON, nullable=False),
        sa.Column("municipality_kind", sa.String(16), nullable=True),
        sa.Column("size_band", sa.String(32), nullable=True),
        sa.Column("practices", sa.JSON, nullable=False),
    )
    op.create_index("ix_assessment_results_conversation_hash", "assessment_results",
                    ["conversation_hash"])
    op.create_index("ix_assessment_results_completed_on", "assessment_results", ["completed_on"])
    op.create_table(
        "pending_tracker_deletions",
        sa.Column("conversation_hash", sa.String(64), primary_key=True),
        sa.Column("requested_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("pending_tracker_deletions")
    op.drop_index("ix_assessment_results_completed_on", table_name="assessment_results")
    op.drop_index("ix_assessment_results_conversation_hash", table_name="assessment_results")
    op.drop_table("assessment_results")
