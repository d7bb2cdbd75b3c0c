"""messaging: sending accounts, SMS gateways, templates, batches, the outbox; client access on/off

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 09:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# The closed vocabularies of the new tables (core.message_vocab), checked by the database.
CHANNELS = ("email", "sms")
CHECKS: dict[str, dict[str, tuple[str, ...]]] = {
    "mail_account": {"security": ("starttls", "tls", "plain")},
    "message_template": {"scope": ("individual", "mass"), "channel": CHANNELS},
    "message_batch": {"channel": CHANNELS},
    "outbound_message": {"channel": CHANNELS, "status": (
        "pending", "sending", "sent", "failed", "uncertain", "cancelled")},
}


def _check(table: str, column: str) -> sa.CheckConstraint:
    values = ", ".join(f"'{v}'" for v in CHECKS[table][column])
    return sa.CheckConstraint(f"{column} IN ({values})", name=op.f(f"ck_{table}_{column}"))


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"],
                                   name=op.f(f"fk_{table}_{column}_{target}"))


def _sending_limits() -> list[sa.Column]:
    return [sa.Column("daily_limit", sa.Integer(), nullable=False),
            sa.Column("per_minute", sa.Integer(), nullable=False),
            sa.Column("is_default", sa.Boolean(), nullable=False),
            sa.Column("active", sa.Boolean(), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False)]


# The default roles of an office created before this revision get the new tools as a new
# office's would (services/admin/operators.py DEFAULT_ROLES); edited roles keep the rest.
GRANTS = {
    "Financeiro": ("invoices.send", "messages.send", "messages.mass", "messages.view"),
    "Atendimento": ("invoices.send", "messages.send", "messages.view"),
}


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
    # A plain ADD COLUMN: a batch rebuild of `person` would drop the search triggers (0006).
    op.add_column("person", sa.Column("access_active", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.create_table(
        "mail_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("security", sa.String(length=8), nullable=False),
        sa.Column("username", sa.String(length=254), nullable=False),
        sa.Column("sender_name", sa.String(length=120), nullable=False),
        sa.Column("sender_address", sa.String(length=254), nullable=False),
        *_sending_limits(),
        _check("mail_account", "security"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_account")),
        sa.UniqueConstraint("name", name=op.f("uq_mail_account_name")),
    )
    op.create_table(
        "sms_gateway",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("method", sa.String(length=6), nullable=False),
        sa.Column("headers", sa.Text(), nullable=False),
        sa.Column("body_template", sa.Text(), nullable=False),
        *_sending_limits(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sms_gateway")),
        sa.UniqueConstraint("name", name=op.f("uq_sms_gateway_name")),
    )
    op.create_table(
        "message_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("scope", sa.String(length=10), nullable=False),
        sa.Column("channel", sa.String(length=5), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _check("message_template", "scope"),
        _check("message_template", "channel"),
        _fk("message_template", "updated_by", "operator"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_template")),
        sa.UniqueConstraint("scope", "channel", "name",
                            name=op.f("uq_message_template_scope_channel_name")),
    )
    op.create_table(
        "message_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("channel", sa.String(length=5), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(), nullable=True),
        _check("message_batch", "channel"),
        _fk("message_batch", "created_by", "operator"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_batch")),
    )
    op.create_table(
        "outbound_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=5), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("gateway_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("invoice_id", sa.Integer(), nullable=True),
        sa.Column("destination", sa.String(length=1000), nullable=False),
        sa.Column("copies", sa.String(length=1000), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("attachments", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("message_id", sa.String(length=200), nullable=False),
        sa.Column("claimed_by", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("sent_by", sa.Integer(), nullable=True),
        _check("outbound_message", "channel"),
        _check("outbound_message", "status"),
        _fk("outbound_message", "batch_id", "message_batch"),
        _fk("outbound_message", "account_id", "mail_account"),
        _fk("outbound_message", "gateway_id", "sms_gateway"),
        _fk("outbound_message", "person_id", "person"),
        _fk("outbound_message", "invoice_id", "invoice"),
        _fk("outbound_message", "created_by", "operator"),
        _fk("outbound_message", "sent_by", "operator"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbound_message")),
        sa.UniqueConstraint("message_id", name=op.f("uq_outbound_message_message_id")),
    )
    op.create_index("ix_outbound_message_status", "outbound_message", ["status", "batch_id"])
    op.create_index("ix_outbound_message_person", "outbound_message",
                    ["person_id", "created_at"])
    op.create_index("ix_outbound_message_account_sent", "outbound_message",
                    ["account_id", "sent_at"])
    op.create_index("ix_outbound_message_invoice", "outbound_message", ["invoice_id"])
    _grant()


def downgrade() -> None:
    op.drop_table("outbound_message")
    op.drop_table("message_batch")
    op.drop_table("message_template")
    op.drop_table("sms_gateway")
    op.drop_table("mail_account")
    op.drop_column("person", "access_active")
