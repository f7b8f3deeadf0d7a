"""Return codes with their stored result, teams and team memberships (issue 12).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "return_codes",
        # DT-XXXXX-XXXXX, canonical upper case
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("created_on", sa.Date, nullable=False),
        # HMAC-SHA256 of the conversation id for "Meine Daten löschen"; NULL after the link retention.
        sa.Column("conversation_hash", sa.String(64), nullable=True),
        # structured snapshot of the result (dteam.followup.measurement.Measurement.to_json)
        sa.Column("measurement", sa.JSON, nullable=False),
        # the earlier code the user gave before this repeat measurement (then -> now)
        sa.Column("previous_code", sa.String(16), nullable=True),
    )
    op.create_index("ix_return_codes_created_on", "return_codes", ["created_on"])
    op.create_index("ix_return_codes_conversation_hash", "return_codes", ["conversation_hash"])
    op.create_table(
        "teams",
        sa.Column("code", sa.String(20), primary_key=True),  # TEAM-XXXXX-XXXXX
        sa.Column("created_on", sa.Date, nullable=False),
    )
    op.create_index("ix_teams_created_on", "teams", ["created_on"])
    op.create_table(
        "team_members",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "team_code", sa.String(20), sa.ForeignKey("teams.code", ondelete="CASCADE"), nullable=False
        ),
        # HMAC of the member's conversation id: one membership per conversation, deletable on request
        sa.Column("member_hash", sa.String(64), nullable=True),
        # the member's latest finished self-test; NULL until then
        sa.Column(
            "return_code",
            sa.String(16),
            sa.ForeignKey("return_codes.code", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("joined_on", sa.Date, nullable=False),
        sa.UniqueConstraint("team_code", "member_hash", name="uq_team_members_team_member"),
    )
    op.create_index("ix_team_members_team_code", "team_members", ["team_code"])
    op.create_index("ix_team_members_member_hash", "team_members", ["member_hash"])


def downgrade() -> None:
    op.drop_index("ix_team_members_member_hash", table_name="team_members")
    op.drop_index("ix_team_members_team_code", table_name="team_members")
    op.drop_table("team_members")
    op.drop_index("ix_teams_created_on", table_name="teams")
    op.drop_table("teams")
    op.drop_index("ix_return_codes_conversation_hash", table_name="return_codes")
    op.drop_index("ix_return_codes_created_on", table_name="return_codes")
    op.drop_table("return_codes")
