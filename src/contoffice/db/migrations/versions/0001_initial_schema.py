"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24 07:16:38.113789
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
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
        "operator_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operator_role")),
        sa.UniqueConstraint("name", name=op.f("uq_operator_role_name")),
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
    op.create_table(
        "operator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("max_attempts", sa.Integer(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["role_id"], ["operator_role.id"], name=op.f("fk_operator_role_id_operator_role")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operator")),
        sa.UniqueConstraint("login", name=op.f("uq_operator_login")),
    )
    op.create_table(
        "role_permission",
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["role_id"],
            ["operator_role.id"],
            name=op.f("fk_role_permission_role_id_operator_role"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("role_id", "key", name=op.f("pk_role_permission")),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_audit_event_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index("ix_audit_event_entity", ["entity", "entity_id"], unique=False)
        batch_op.create_index("ix_audit_event_person", ["person_id", "at"], unique=False)

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=3), nullable=False),
        sa.Column("roles", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=150), nullable=False),
        sa.Column("trade_name", sa.String(length=150), nullable=False),
        sa.Column("document", sa.String(length=14), nullable=False),
        sa.Column("state_registration", sa.String(length=20), nullable=False),
        sa.Column("municipal_registration", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("email_cc", sa.String(length=500), nullable=False),
        sa.Column("phone", sa.String(length=13), nullable=False),
        sa.Column("mobile", sa.String(length=13), nullable=False),
        sa.Column("street", sa.String(length=150), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("complement", sa.String(length=80), nullable=False),
        sa.Column("district", sa.String(length=80), nullable=False),
        sa.Column("city", sa.String(length=80), nullable=False),
        sa.Column("state", sa.String(length=2), nullable=False),
        sa.Column("postal_code", sa.String(length=8), nullable=False),
        sa.Column("city_ibge_code", sa.String(length=7), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("notes1", sa.Text(), nullable=False),
        sa.Column("notes2", sa.Text(), nullable=False),
        sa.Column("internal_notes", sa.Text(), nullable=False),
        sa.Column("assigned_operator_id", sa.Integer(), nullable=True),
        sa.Column("default_due_day", sa.Integer(), nullable=True),
        sa.Column("access_login", sa.String(length=80), nullable=True),
        sa.Column("access_password_hash", sa.String(length=200), nullable=True),
        sa.Column("access_expires_on", sa.Date(), nullable=True),
        sa.Column("access_max_attempts", sa.Integer(), nullable=False),
        sa.Column("access_failed_attempts", sa.Integer(), nullable=False),
        sa.Column("name_key", sa.String(length=150), nullable=False),
        sa.Column("trade_name_key", sa.String(length=150), nullable=False),
        sa.Column("city_key", sa.String(length=80), nullable=False),
        sa.Column("district_key", sa.String(length=80), nullable=False),
        sa.Column("street_key", sa.String(length=150), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('PF','PJ','PRE')", name=op.f("ck_person_kind")),
        sa.CheckConstraint("roles >= 0 AND roles < 16", name=op.f("ck_person_roles")),
        sa.ForeignKeyConstraint(
            ["assigned_operator_id"],
            ["operator.id"],
            name=op.f("fk_person_assigned_operator_id_operator"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("access_login", name=op.f("uq_person_access_login")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index("ix_person_active_name", ["active", "name_key"], unique=False)
        batch_op.create_index(
            "ix_person_active_registered", ["active", "registered_on", "id"], unique=False
        )
        batch_op.create_index("ix_person_city_kind", ["city_key", "kind"], unique=False)
        batch_op.create_index("ix_person_district", ["district_key"], unique=False)
        batch_op.create_index("ix_person_document", ["document"], unique=False)
        batch_op.create_index("ix_person_email", ["email"], unique=False)
        batch_op.create_index("ix_person_postal_code", ["postal_code"], unique=False)
        batch_op.create_index("ix_person_roles_kind", ["roles", "kind"], unique=False)
        batch_op.create_index("ix_person_street", ["street_key"], unique=False)
        batch_op.create_index("ix_person_trade_name", ["trade_name_key"], unique=False)

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
        "email_test",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=254), nullable=False),
        sa.Column("tested_at", sa.DateTime(), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("detail", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_email_test_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_test")),
    )
    with op.batch_alter_table("email_test", schema=None) as batch_op:
        batch_op.create_index("ix_email_test_tested_at", ["tested_at", "person_id"], unique=False)

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
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=True),
        sa.Column("invoice_id", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("mime_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        sa.Column("uploaded_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contract.id"], name=op.f("fk_attachment_contract_id_contract")
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoice.id"], name=op.f("fk_attachment_invoice_id_invoice")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_attachment_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by"], ["operator.id"], name=op.f("fk_attachment_uploaded_by_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index("ix_attachment_person", ["person_id"], unique=False)

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
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index("ix_attachment_person")

    op.drop_table("attachment")
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.drop_index("ix_invoice_status_due")
        batch_op.drop_index("ix_invoice_person_status_due")
        batch_op.drop_index("ix_invoice_contract")

    op.drop_table("invoice")
    with op.batch_alter_table("email_test", schema=None) as batch_op:
        batch_op.drop_index("ix_email_test_tested_at")

    op.drop_table("email_test")
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.drop_index("ix_contract_status")
        batch_op.drop_index("ix_contract_person")

    op.drop_table("contract")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_trade_name")
        batch_op.drop_index("ix_person_street")
        batch_op.drop_index("ix_person_roles_kind")
        batch_op.drop_index("ix_person_postal_code")
        batch_op.drop_index("ix_person_email")
        batch_op.drop_index("ix_person_document")
        batch_op.drop_index("ix_person_district")
        batch_op.drop_index("ix_person_city_kind")
        batch_op.drop_index("ix_person_active_registered")
        batch_op.drop_index("ix_person_active_name")

    op.drop_table("person")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_person")
        batch_op.drop_index("ix_audit_event_entity")

    op.drop_table("audit_event")
    op.drop_table("role_permission")
    op.drop_table("operator")
    op.drop_table("cash_account")
    op.drop_table("suspension_reason")
    op.drop_table("payment_profile")
    op.drop_table("operator_role")
    op.drop_table("office_setting")
    op.drop_table("ledger_account")
