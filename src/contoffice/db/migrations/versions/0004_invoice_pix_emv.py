"""invoice pix emv

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 08:14:05.646211
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:

    with op.batch_alter_table("invoice", schema=None) as batch_op:
        # Existing invoices have no bank payload: an empty default fills them.
        batch_op.add_column(sa.Column("pix_emv", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:

    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.drop_column("pix_emv")
