"""Migration 0009 on an office created before it: its default roles get the new tools."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text

from contoffice.db import migrate


def test_existing_default_roles_get_the_messaging_permissions(db_url: str) -> None:
    command.downgrade(migrate.alembic_config(db_url), "0008")
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            for name in ("Financeiro", "Atendimento", "Sob medida"):
                if conn.execute(text("SELECT id FROM operator_role WHERE name = :n"),
                                {"n": name}).first() is None:
                    conn.execute(text("INSERT INTO operator_role (name, is_admin) "
                                      "VALUES (:n, :a)"), {"n": name, "a": False})
            conn.execute(text("DELETE FROM role_permission WHERE key LIKE 'messages.%' "
                              "OR key = 'invoices.send'"))
        migrate.upgrade(db_url)
        migrate.upgrade(db_url)  # a second run changes nothing
        with engine.connect() as conn:
            granted = {(r.name, r.key) for r in conn.execute(text(
                "SELECT operator_role.name, role_permission.key FROM role_permission "
                "JOIN operator_role ON operator_role.id = role_permission.role_id"))}
            columns = conn.execute(text("SELECT access_active FROM person")).all()
    finally:
        engine.dispose()
    assert ("Financeiro", "messages.mass") in granted
    assert ("Atendimento", "messages.send") in granted
    assert ("Atendimento", "messages.mass") not in granted
    assert not any(name == "Sob medida" for name, _key in granted)
    assert columns == []
