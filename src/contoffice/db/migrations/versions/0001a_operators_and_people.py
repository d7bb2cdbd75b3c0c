"""Operators, their roles and permissions; people and their e-mail tests.

Revision ID: 0001a
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001a"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "operator_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operator_role")),
        sa.UniqueConstraint("name", name=op.f("uq_operator_role_name")),
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


def downgrade() -> None:
    with op.batch_alter_table("email_test", schema=None) as batch_op:
        batch_op.drop_index("ix_email_test_tested_at")
    op.drop_table("email_test")
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
    op.drop_table("role_permission")
    op.drop_table("operator")
    op.drop_table("operator_role")
