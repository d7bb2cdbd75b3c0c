"""bank files: remittances sent and returns imported; the profile's protest days and fee supplier

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 07:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CENTS = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# The closed vocabularies of the new tables (core.vocab), checked by the database.
CHECKS: dict[str, dict[str, tuple[str, ...]]] = {
    "bank_remittance": {"status": ("generated", "transmitted", "undone")},
    "bank_return_record": {"outcome": (
        "settled", "already_settled", "confirmed", "rejected", "written_off", "not_found",
        "fee", "other", "repeated")},
}


def _check(table: str, column: str) -> sa.CheckConstraint:
    values = ", ".join(f"'{v}'" for v in CHECKS[table][column])
    return sa.CheckConstraint(f"{column} IN ({values})", name=op.f(f"ck_{table}_{column}"))


def upgrade() -> None:
    # payment_profile is a handful of rows: the batch rebuild SQLite needs for a new
    # foreign key costs nothing.
    with op.batch_alter_table("payment_profile") as batch:
        batch.add_column(sa.Column("protest_days", sa.Integer(), nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("fee_person_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_payment_profile_fee_person_id_person"), "person",
                                 ["fee_person_id"], ["id"])
    op.create_table(
        "bank_remittance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_profile_id", sa.Integer(), nullable=False),
        sa.Column("sequence_number", sa.Integer(), nullable=False),
        sa.Column("file_format", sa.String(length=3), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("title_count", sa.Integer(), nullable=False),
        sa.Column("total_cents", CENTS, nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("transmitted_at", sa.DateTime(), nullable=True),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("undone_by", sa.Integer(), nullable=True),
        sa.Column("version_id", sa.Integer(), nullable=False),
        _check("bank_remittance", "status"),
        sa.ForeignKeyConstraint(["payment_profile_id"], ["payment_profile.id"],
                                name=op.f("fk_bank_remittance_payment_profile_id_payment_profile")),
        sa.ForeignKeyConstraint(["created_by"], ["operator.id"],
                                name=op.f("fk_bank_remittance_created_by_operator")),
        sa.ForeignKeyConstraint(["undone_by"], ["operator.id"],
                                name=op.f("fk_bank_remittance_undone_by_operator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_remittance")),
        sa.UniqueConstraint("payment_profile_id", "sequence_number",
                            name=op.f("uq_bank_remittance_payment_profile_id_sequence_number")),
    )
    op.create_table(
        "bank_remittance_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("remittance_id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("command", sa.String(length=20), nullable=False),
        sa.Column("amount_cents", CENTS, nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("previous_status", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(["remittance_id"], ["bank_remittance.id"],
                                name=op.f("fk_bank_remittance_item_remittance_id_bank_remittance")),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoice.id"],
                                name=op.f("fk_bank_remittance_item_invoice_id_invoice")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_remittance_item")),
    )
    op.create_index("ix_bank_remittance_item_remittance", "bank_remittance_item",
                    ["remittance_id"])
    op.create_index("ix_bank_remittance_item_invoice", "bank_remittance_item", ["invoice_id"])
    op.create_table(
        "bank_return",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("payment_profile_id", sa.Integer(), nullable=False),
        sa.Column("bank_code", sa.String(length=3), nullable=False),
        sa.Column("file_format", sa.String(length=8), nullable=False),
        sa.Column("generated_on", sa.Date(), nullable=True),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("settled_count", sa.Integer(), nullable=False),
        sa.Column("settled_cents", CENTS, nullable=False),
        sa.Column("fee_cents", CENTS, nullable=False),
        sa.Column("problem_count", sa.Integer(), nullable=False),
        sa.Column("fee_charge_id", sa.Integer(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["payment_profile_id"], ["payment_profile.id"],
                                name=op.f("fk_bank_return_payment_profile_id_payment_profile")),
        sa.ForeignKeyConstraint(["fee_charge_id"], ["charge.id"],
                                name=op.f("fk_bank_return_fee_charge_id_charge")),
        sa.ForeignKeyConstraint(["imported_by"], ["operator.id"],
                                name=op.f("fk_bank_return_imported_by_operator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_return")),
        sa.UniqueConstraint("sha256", name=op.f("uq_bank_return_sha256")),
    )
    op.create_table(
        "bank_return_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("line_number", sa.Integer(), nullable=False),
        sa.Column("identity", sa.String(length=120), nullable=False),
        sa.Column("our_number", sa.String(length=20), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=True),
        sa.Column("occurrence_code", sa.String(length=4), nullable=False),
        sa.Column("occurrence", sa.String(length=20), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("face_cents", CENTS, nullable=False),
        sa.Column("paid_cents", CENTS, nullable=False),
        sa.Column("interest_cents", CENTS, nullable=False),
        sa.Column("discount_cents", CENTS, nullable=False),
        sa.Column("fee_cents", CENTS, nullable=False),
        sa.Column("occurrence_date", sa.Date(), nullable=True),
        sa.Column("credit_date", sa.Date(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        _check("bank_return_record", "outcome"),
        sa.ForeignKeyConstraint(["return_id"], ["bank_return.id"],
                                name=op.f("fk_bank_return_record_return_id_bank_return")),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoice.id"],
                                name=op.f("fk_bank_return_record_invoice_id_invoice")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_return_record")),
    )
    op.create_index("ix_bank_return_record_return", "bank_return_record",
                    ["return_id", "line_number"])
    op.create_index("ix_bank_return_record_invoice", "bank_return_record", ["invoice_id"])
    op.create_index("uq_bank_return_record_identity", "bank_return_record", ["identity"],
                    unique=True, sqlite_where=sa.text("outcome <> 'repeated'"),
                    postgresql_where=sa.text("outcome <> 'repeated'"))


def downgrade() -> None:
    op.drop_table("bank_return_record")
    op.drop_table("bank_return")
    op.drop_table("bank_remittance_item")
    op.drop_table("bank_remittance")
    with op.batch_alter_table("payment_profile") as batch:
        batch.drop_column("fee_person_id")
        batch.drop_column("protest_days")
