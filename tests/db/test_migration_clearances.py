"""Migration 0010 on an office created before it: default roles get the Negativas tools."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect, text

from contoffice.db import migrate


def test_existing_default_roles_get_the_clearance_permissions(db_url: str) -> None:
    command.downgrade(migrate.alembic_config(db_url), "0009")
    engine = create_engine(db_url)
    try:
        assert "clearance_declaration" not in inspect(engine).get_table_names()
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM role_permission WHERE key LIKE 'clearances.%'"))
        migrate.upgrade(db_url)
        migrate.upgrade(db_url)  # a second run changes nothing
        with engine.connect() as conn:
            granted = {(r.name, r.key) for r in conn.execute(text(
                "SELECT operator_role.name, role_permission.key FROM role_permission "
                "JOIN operator_role ON operator_role.id = role_permission.role_id "
                "WHERE role_permission.key LIKE 'clearances.%'"))}
            tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert {"clearance_declaration", "clearance_item"} <= tables
    assert ("Financeiro", "clearances.generate") in granted
    assert ("Atendimento", "clearances.send") in granted
    assert ("Atendimento", "clearances.generate") not in granted
