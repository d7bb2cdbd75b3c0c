"""fiscal documents: the A1 certificate, DPS numbering per environment, documents and attempts

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 12:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# The closed vocabularies of the new tables (core.vocab), checked by the database.
CHECKS: dict[str, dict[str, tuple[str, ...]]] = {
    "fiscal_document": {"status": (
        "draft", "sent", "authorised", "rejected", "unknown", "cancelled", "substituted",
        "annulled")},
    "fiscal_attempt": {
        "kind": ("emit", "query", "cancel"),
        "outcome": ("pending", "authorised", "rejected", "uncertain", "unreachable", "found",
                    "not_found", "accepted"),
    },
}
# One live document per invoice (db/models/fiscal.py), on both backends.
LIVE = "status IN ('draft', 'sent', 'unknown', 'authorised') AND substitutes_id IS NULL"
NUMBERED = "status <> 'annulled'"

# The default Financeiro role of an office created before this revision gets the fiscal
# tools as a new office's would (services/admin/operators.py DEFAULT_ROLES: every key
# but settings.*, which the administrator grants); edited roles keep the rest.
GRANTS = {
    "Financeiro": ("fiscal.generate", "fiscal.cancel", "fiscal.annul", "fiscal.edit",
                   "fiscal.print", "fiscal.send"),
    "Atendimento": ("fiscal.print", "fiscal.send"),
}


def _check(table: str, column: str) -> sa.CheckConstraint:
    values = ", ".join(f"'{v}'" for v in CHECKS[table][column])
    return sa.CheckConstraint(f"{column} IN ({values})", name=op.f(f"ck_{table}_{column}"))


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


def _documents(number: sa.types.TypeEngine, cents: sa.types.TypeEngine) -> None:
    op.create_table(
        "fiscal_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("environment", sa.Integer(), nullable=False),
        sa.Column("series", sa.Integer(), nullable=False),
        sa.Column("number", number, nullable=False),
        sa.Column("dps_id", sa.String(length=45), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        *(sa.Column(f"observation{n}", sa.Text(), nullable=False) for n in range(1, 5)),
        sa.Column("competence", sa.Date(), nullable=False),
        sa.Column("amount_cents", cents, nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=True),
        sa.Column("key", sa.String(length=50), nullable=True),
        sa.Column("nfse_number", number, nullable=True),
        sa.Column("verification", sa.String(length=20), nullable=False),
        sa.Column("authorised_at", sa.DateTime(), nullable=True),
        sa.Column("codes", sa.Text(), nullable=False),
        sa.Column("dps_xml", sa.LargeBinary(), nullable=True),
        sa.Column("nfse_xml", sa.LargeBinary(), nullable=True),
        sa.Column("cancel_event_xml", sa.LargeBinary(), nullable=True),
        sa.Column("cancel_reason", sa.Integer(), nullable=True),
        sa.Column("cancel_justification", sa.Text(), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(), nullable=True),
        sa.Column("substitutes_id", sa.Integer(), nullable=True),
        sa.Column("substituted_by_id", sa.Integer(), nullable=True),
        sa.Column("substitution_reason", sa.String(length=2), nullable=False),
        sa.Column("substitution_text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("version_id", sa.Integer(), nullable=False),
        _check("fiscal_document", "status"),
        _fk("fiscal_document", "invoice_id", "invoice"),
        _fk("fiscal_document", "person_id", "person"),
        _fk("fiscal_document", "substitutes_id", "fiscal_document"),
        _fk("fiscal_document", "substituted_by_id", "fiscal_document"),
        _fk("fiscal_document", "created_by", "operator"),
        _fk("fiscal_document", "updated_by", "operator"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fiscal_document")),
        sa.UniqueConstraint("key", name=op.f("uq_fiscal_document_key")),
    )
    # An annulled last number goes back to the counter: only the others are unique.
    op.create_index("ux_fiscal_document_number", "fiscal_document",
                    ["environment", "series", "number"], unique=True,
                    sqlite_where=sa.text(NUMBERED), postgresql_where=sa.text(NUMBERED))
    op.create_index("ux_fiscal_document_dps_id", "fiscal_document", ["dps_id"], unique=True,
                    sqlite_where=sa.text(NUMBERED), postgresql_where=sa.text(NUMBERED))
    op.create_index("ux_fiscal_document_live_invoice", "fiscal_document", ["invoice_id"],
                    unique=True, sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))
    op.create_index("ix_fiscal_document_invoice", "fiscal_document", ["invoice_id"])
    op.create_index("ix_fiscal_document_person", "fiscal_document", ["person_id", "created_at"])
    op.create_index("ix_fiscal_document_status", "fiscal_document", ["status", "competence"])


def upgrade() -> None:
    number = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "fiscal_certificate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pkcs12", sa.LargeBinary(), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("document", sa.String(length=14), nullable=False),
        sa.Column("not_after", sa.DateTime(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("installed_at", sa.DateTime(), nullable=False),
        sa.Column("installed_by", sa.Integer(), nullable=True),
        _fk("fiscal_certificate", "installed_by", "operator"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fiscal_certificate")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_fiscal_certificate_fingerprint")),
    )
    op.create_table(
        "fiscal_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("environment", sa.Integer(), nullable=False),
        sa.Column("cnpj", sa.String(length=14), nullable=False),
        sa.Column("city", sa.String(length=7), nullable=False),
        sa.Column("series", sa.Integer(), nullable=False),
        sa.Column("next_number", number, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fiscal_series")),
        sa.UniqueConstraint("environment", "cnpj", "city", "series",
                            name=op.f("uq_fiscal_series_environment_cnpj_city_series")),
    )
    _documents(number, number)
    op.create_table(
        "fiscal_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("sent_xml", sa.LargeBinary(), nullable=True),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("codes", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        _check("fiscal_attempt", "kind"),
        _check("fiscal_attempt", "outcome"),
        _fk("fiscal_attempt", "document_id", "fiscal_document"),
        _fk("fiscal_attempt", "operator_id", "operator"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fiscal_attempt")),
    )
    op.create_index("ix_fiscal_attempt_document", "fiscal_attempt", ["document_id", "at"])
    _grant()


def downgrade() -> None:
    op.drop_table("fiscal_attempt")
    op.drop_table("fiscal_document")
    op.drop_table("fiscal_series")
    op.drop_table("fiscal_certificate")
