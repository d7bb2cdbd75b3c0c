"""attachment removal: who removed a file, when and why (the file is kept)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 08:00:25.108534
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("removed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("removed_by", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("removal_reason", sa.Text(), server_default="", nullable=False)
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_attachment_removed_by_operator"), "operator", ["removed_by"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_attachment_removed_by_operator"), type_="foreignkey"
        )
        batch_op.drop_column("removal_reason")
        batch_op.drop_column("removed_by")
        batch_op.drop_column("removed_at")
