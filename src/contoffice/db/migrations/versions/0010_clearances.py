"""clearances: the annual debt-clearance declaration (Lei 12.007/2009) and its invoices;
the audit trail indexed by time (the office-wide audit log of Relatórios)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 10:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# The default roles of an office created before this revision get the new tools as a new
# office's would (services/admin/operators.py DEFAULT_ROLES); edited roles keep the rest.
GRANTS = {
    "Financeiro": ("clearances.generate", "clearances.print", "clearances.send",
                   "reports.view", "reports.audit"),
    "Atendimento": ("clearances.print", "clearances.send", "reports.view"),
}


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"],
                                   name=op.f(f"fk_{table}_{column}_{target}"))


def _grant() -> None:
    conn = op.get_bind()
    for role, keys in GRANTS.items():
        role_id = conn.execute(sa.text("SELECT id FROM operator_role WHERE name = :n"),
                               {"n": role}).scalar()
        if role_id is None:
            continue
        held = set(conn.execute(sa.text("SELECT key FROM role_permission WHERE role_id = :r"),
                                {"r": role_id}).scalars())
        for key in keys:
            if key not in held:
                conn.execute(sa.text("INSERT INTO role_permission (role_id, key) VALUES (:r, :k)"),
                             {"r": role_id, "k": key})


def upgrade() -> None:
    cents = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "clearance_declaration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("generated_at", sa.DateTime(), nullable=False),
        sa.Column("generated_by", sa.Integer(), nullable=True),
        sa.Column("total_cents", cents, nullable=False),
        sa.Column("invoice_count", sa.Integer(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        _fk("clearance_declaration", "person_id", "person"),
        _fk("clearance_declaration", "generated_by", "operator"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clearance_declaration")),
        sa.UniqueConstraint("person_id", "year",
                            name=op.f("uq_clearance_declaration_person_id_year")),
    )
    op.create_table(
        "clearance_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("competence", sa.Date(), nullable=True),
        sa.Column("amount_cents", cents, nullable=False),
        sa.Column("paid_cents", cents, nullable=False),
        sa.Column("settled_on", sa.Date(), nullable=True),
        _fk("clearance_item", "declaration_id", "clearance_declaration"),
        _fk("clearance_item", "invoice_id", "invoice"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clearance_item")),
    )
    op.create_index("ix_clearance_item_declaration", "clearance_item", ["declaration_id"])
    _grant()
    # Relatórios → Log de auditoria reads the newest events of the whole office first.
    op.create_index("ix_audit_event_at", "audit_event", ["at"])


def downgrade() -> None:
    op.drop_index("ix_audit_event_at", table_name="audit_event")
    op.drop_table("clearance_item")
    op.drop_table("clearance_declaration")
