"""Migration 0011 on an office created before it: the fiscal tables and the default roles'
fiscal tools; one live document per invoice and one DPS per number, held by the database."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from alembic import command
from sqlalchemy import create_engine, insert, inspect, text
from sqlalchemy.exc import IntegrityError

from contoffice.db import migrate
from contoffice.db.models import FiscalDocument
from contoffice.db.uow import Database
from tests.db.test_status_checks import populate


def test_existing_default_roles_get_the_fiscal_permissions(db_url: str) -> None:
    command.downgrade(migrate.alembic_config(db_url), "0010")
    engine = create_engine(db_url)
    try:
        assert "fiscal_document" not in inspect(engine).get_table_names()
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM role_permission WHERE key LIKE 'fiscal.%'"))
        migrate.upgrade(db_url)
        migrate.upgrade(db_url)  # a second run changes nothing
        with engine.connect() as conn:
            granted = {(r.name, r.key) for r in conn.execute(text(
                "SELECT operator_role.name, role_permission.key FROM role_permission "
                "JOIN operator_role ON operator_role.id = role_permission.role_id "
                "WHERE role_permission.key LIKE 'fiscal.%'"))}
            tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert {"fiscal_certificate", "fiscal_series", "fiscal_document", "fiscal_attempt"} <= tables
    assert ("Financeiro", "fiscal.generate") in granted
    assert ("Atendimento", "fiscal.print") in granted
    assert ("Atendimento", "fiscal.cancel") not in granted


MOMENT = datetime(2026, 1, 1, tzinfo=UTC)


def _document(invoice_id: int, person_id: int, number: int, status: str) -> dict[str, object]:
    return {"invoice_id": invoice_id, "person_id": person_id, "environment": 1, "series": 7,
            "number": number, "dps_id": f"X{number:044d}", "status": status,
            "competence": date(2026, 1, 1), "amount_cents": 100, "observation1": "",
            "observation2": "", "observation3": "", "observation4": "", "verification": "",
            "codes": "", "cancel_justification": "", "substitution_reason": "",
            "substitution_text": "", "created_at": MOMENT, "updated_at": MOMENT,
            "version_id": 1}


@pytest.mark.parametrize(("first", "second", "same_number"), [
    ("authorised", "draft", False),  # two live documents of one invoice
    ("rejected", "sent", True),  # one number twice
])
def test_the_database_refuses_a_second_live_document_or_number(
    db: Database, first: str, second: str, same_number: bool
) -> None:
    ids = populate(db)
    table = FiscalDocument.__table__
    with db.engine.begin() as conn:  # populate's own documents out of the way
        conn.execute(text("DELETE FROM fiscal_attempt"))
        conn.execute(text("DELETE FROM fiscal_document"))
        conn.execute(insert(table), _document(ids["invoice"], ids["person"], 900, first))
    other = ids["invoice"] if not same_number else ids["invoice"] + 1
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(insert(table), _document(other, ids["person"],
                                              900 if same_number else 901, second))
    with db.engine.begin() as conn:  # an annulled number may be taken again
        conn.execute(text("UPDATE fiscal_document SET status = 'annulled' WHERE number = 900"))
        conn.execute(insert(table), _document(other, ids["person"], 900, second))
