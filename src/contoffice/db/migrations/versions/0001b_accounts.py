"""Payment profiles, ledger and cash accounts, suspension reasons, office settings.

Revision ID: 0001b
Revises: 0001a
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001b"
down_revision = "0001a"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ledger_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("nature", sa.String(length=1), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["ledger_account.id"],
            name=op.f("fk_ledger_account_parent_id_ledger_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_account")),
        sa.UniqueConstraint("code", name=op.f("uq_ledger_account_code")),
    )
    op.create_table(
        "office_setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_office_setting")),
    )
    op.create_table(
        "payment_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("bank_code", sa.String(length=3), nullable=False),
        sa.Column("agency", sa.String(length=10), nullable=False),
        sa.Column("agency_dv", sa.String(length=2), nullable=False),
        sa.Column("account", sa.String(length=20), nullable=False),
        sa.Column("account_dv", sa.String(length=2), nullable=False),
        sa.Column("wallet", sa.String(length=5), nullable=False),
        sa.Column("agreement", sa.String(length=20), nullable=False),
        sa.Column("variation", sa.String(length=5), nullable=False),
        sa.Column("modality", sa.String(length=5), nullable=False),
        sa.Column("post", sa.String(length=5), nullable=False),
        sa.Column("byte_idt", sa.String(length=1), nullable=False),
        sa.Column("cnab_layout", sa.String(length=3), nullable=False),
        sa.Column("instructions", sa.Text(), nullable=False),
        sa.Column("fine_bp", sa.Integer(), nullable=False),
        sa.Column("interest_month_bp", sa.Integer(), nullable=False),
        sa.Column(
            "discount_cents", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("discount_days", sa.Integer(), nullable=False),
        sa.Column("pix_key", sa.String(length=100), nullable=False),
        sa.Column("next_our_number", sa.Integer(), nullable=False),
        sa.Column("next_remittance_number", sa.Integer(), nullable=False),
        sa.Column("baixa_enabled", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_profile")),
    )
    op.create_table(
        "suspension_reason",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=120), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suspension_reason")),
        sa.UniqueConstraint("text", name=op.f("uq_suspension_reason_text")),
    )
    op.create_table(
        "cash_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=6), nullable=False),
        sa.Column("payment_profile_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["payment_profile_id"],
            ["payment_profile.id"],
            name=op.f("fk_cash_account_payment_profile_id_payment_profile"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_account")),
    )


def downgrade() -> None:
    op.drop_table("cash_account")
    op.drop_table("suspension_reason")
    op.drop_table("payment_profile")
    op.drop_table("office_setting")
    op.drop_table("ledger_account")
