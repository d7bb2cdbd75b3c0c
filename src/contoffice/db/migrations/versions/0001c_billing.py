"""Contracts, invoices, charges, invoice history and settlements.

Revision ID: 0001c
Revises: 0001b
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001c"
down_revision = "0001b"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contract",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("plan", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column(
            "fee_cents", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("due_rule", sa.String(length=15), nullable=False),
        sa.Column("due_day", sa.Integer(), nullable=False),
        sa.Column("move_to_business_day", sa.Boolean(), nullable=False),
        sa.Column("due_month_offset", sa.Integer(), nullable=False),
        sa.Column("payment_profile_id", sa.Integer(), nullable=True),
        sa.Column("ledger_account_id", sa.Integer(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("grouping", sa.String(length=80), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("due_day BETWEEN 1 AND 31", name=op.f("ck_contract_due_day")),
        sa.CheckConstraint("fee_cents >= 0", name=op.f("ck_contract_fee_not_negative")),
        sa.ForeignKeyConstraint(
            ["ledger_account_id"],
            ["ledger_account.id"],
            name=op.f("fk_contract_ledger_account_id_ledger_account"),
        ),
        sa.ForeignKeyConstraint(
            ["payment_profile_id"],
            ["payment_profile.id"],
            name=op.f("fk_contract_payment_profile_id_payment_profile"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_contract_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract")),
    )
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.create_index("ix_contract_person", ["person_id"], unique=False)
        batch_op.create_index("ix_contract_status", ["status"], unique=False)
    op.create_table(
        "invoice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=1), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=True),
        sa.Column("payment_profile_id", sa.Integer(), nullable=True),
        sa.Column("our_number", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("competence", sa.Date(), nullable=True),
        sa.Column(
            "amount_cents", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "paid_cents", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "discount_cents", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("discount_until", sa.Date(), nullable=True),
        sa.Column("instruction", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("settled_on", sa.Date(), nullable=True),
        sa.Column("suspension_reason", sa.String(length=120), nullable=False),
        sa.Column("suspension_notes", sa.Text(), nullable=False),
        sa.Column("remittance_status", sa.String(length=12), nullable=False),
        sa.Column("fiscal_status", sa.String(length=10), nullable=False),
        sa.Column("reconciliation_status", sa.String(length=10), nullable=False),
        sa.Column("profile_change_pending", sa.Boolean(), nullable=False),
        sa.Column("baixa_requested", sa.Boolean(), nullable=False),
        sa.Column("in_spc", sa.Boolean(), nullable=False),
        sa.Column("spc_added_at", sa.DateTime(), nullable=True),
        sa.Column("spc_added_by", sa.Integer(), nullable=True),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.Column("removed_by", sa.Integer(), nullable=True),
        sa.Column("removal_reason", sa.Text(), nullable=False),
        sa.Column("replaced_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("direction IN ('R','P')", name=op.f("ck_invoice_direction")),
        sa.CheckConstraint("amount_cents > 0", name=op.f("ck_invoice_amount_positive")),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contract.id"], name=op.f("fk_invoice_contract_id_contract")
        ),
        sa.ForeignKeyConstraint(
            ["payment_profile_id"],
            ["payment_profile.id"],
            name=op.f("fk_invoice_payment_profile_id_payment_profile"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_invoice_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["removed_by"], ["operator.id"], name=op.f("fk_invoice_removed_by_operator")
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"], ["invoice.id"], name=op.f("fk_invoice_replaces_id_invoice")
        ),
        sa.ForeignKeyConstraint(
            ["spc_added_by"], ["operator.id"], name=op.f("fk_invoice_spc_added_by_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice")),
        sa.UniqueConstraint(
            "payment_profile_id",
            "our_number",
            name=op.f("uq_invoice_payment_profile_id_our_number"),
        ),
    )
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.create_index("ix_invoice_contract", ["contract_id"], unique=False)
        batch_op.create_index(
            "ix_invoice_person_status_due", ["person_id", "status", "due_date"], unique=False
        )
        batch_op.create_index("ix_invoice_status_due", ["status", "due_date"], unique=False)
    op.create_table(
        "charge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=1), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=True),
        sa.Column("invoice_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column(
            "amount_cents", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("competence", sa.Date(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("installment", sa.Integer(), nullable=True),
        sa.Column("installments", sa.Integer(), nullable=True),
        sa.Column("ledger_account_id", sa.Integer(), nullable=True),
        sa.Column("payment_profile_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("suspension_reason", sa.String(length=120), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("billing_run_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("direction IN ('R','P')", name=op.f("ck_charge_direction")),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contract.id"], name=op.f("fk_charge_contract_id_contract")
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoice.id"], name=op.f("fk_charge_invoice_id_invoice")
        ),
        sa.ForeignKeyConstraint(
            ["ledger_account_id"],
            ["ledger_account.id"],
            name=op.f("fk_charge_ledger_account_id_ledger_account"),
        ),
        sa.ForeignKeyConstraint(
            ["payment_profile_id"],
            ["payment_profile.id"],
            name=op.f("fk_charge_payment_profile_id_payment_profile"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_charge_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_charge")),
    )
    with op.batch_alter_table("charge", schema=None) as batch_op:
        batch_op.create_index("ix_charge_invoice", ["invoice_id"], unique=False)
        batch_op.create_index("ix_charge_person_status", ["person_id", "status"], unique=False)
        batch_op.create_index(
            "uq_charge_contract_fee",
            ["contract_id", "competence"],
            unique=True,
            sqlite_where=sa.text("kind = 'fee'"),
            postgresql_where=sa.text("kind = 'fee'"),
        )
    op.create_table(
        "invoice_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoice.id"], name=op.f("fk_invoice_event_invoice_id_invoice")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_invoice_event_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_event")),
    )
    with op.batch_alter_table("invoice_event", schema=None) as batch_op:
        batch_op.create_index("ix_invoice_event_invoice", ["invoice_id", "at"], unique=False)
    op.create_table(
        "settlement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "amount_cents", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("settled_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=14), nullable=False),
        sa.Column("payment_profile_id", sa.Integer(), nullable=True),
        sa.Column("cash_account_id", sa.Integer(), nullable=True),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("reversed", sa.Boolean(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("amount_cents <> 0", name=op.f("ck_settlement_amount_not_zero")),
        sa.ForeignKeyConstraint(
            ["cash_account_id"],
            ["cash_account.id"],
            name=op.f("fk_settlement_cash_account_id_cash_account"),
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoice.id"], name=op.f("fk_settlement_invoice_id_invoice")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_settlement_operator_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["payment_profile_id"],
            ["payment_profile.id"],
            name=op.f("fk_settlement_payment_profile_id_payment_profile"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_settlement_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"], ["settlement.id"], name=op.f("fk_settlement_reverses_id_settlement")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settlement")),
    )
    with op.batch_alter_table("settlement", schema=None) as batch_op:
        batch_op.create_index("ix_settlement_invoice", ["invoice_id"], unique=False)
        batch_op.create_index(
            "ix_settlement_person_date", ["person_id", "settled_on"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("settlement", schema=None) as batch_op:
        batch_op.drop_index("ix_settlement_person_date")
        batch_op.drop_index("ix_settlement_invoice")
    op.drop_table("settlement")
    with op.batch_alter_table("invoice_event", schema=None) as batch_op:
        batch_op.drop_index("ix_invoice_event_invoice")
    op.drop_table("invoice_event")
    with op.batch_alter_table("charge", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_charge_contract_fee",
            sqlite_where=sa.text("kind = 'fee'"),
            postgresql_where=sa.text("kind = 'fee'"),
        )
        batch_op.drop_index("ix_charge_person_status")
        batch_op.drop_index("ix_charge_invoice")
    op.drop_table("charge")
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.drop_index("ix_invoice_status_due")
        batch_op.drop_index("ix_invoice_person_status_due")
        batch_op.drop_index("ix_invoice_contract")
    op.drop_table("invoice")
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.drop_index("ix_contract_status")
        batch_op.drop_index("ix_contract_person")
    op.drop_table("contract")
