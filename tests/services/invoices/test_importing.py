"""Importing the open invoices of imported clients: refusals by row, all or nothing, finders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contoffice.core.paging import PageRequest
from contoffice.db.models import Charge, Invoice, InvoiceEvent
from contoffice.db.uow import Database
from contoffice.services.invoices import import_messages as m
from contoffice.services.invoices import importing as invoices
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people import finder, import_mapping, importing
from tests.services.people import sheets

pytestmark = pytest.mark.db
TODAY = date(2026, 11, 20)


def _count(db: Database) -> int:
    with db.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(Invoice)) or 0)


def test_open_invoices_of_the_clients(db: Database, actor: Actor, tmp_path: Path) -> None:
    clients = sheets.rows(2)
    sheet = importing.read_file(sheets.write_csv(tmp_path / "clientes.csv", clients))
    importing.apply_import(db.uow(), actor, sheet, import_mapping.guess(sheet.headers))
    a, b = clients[0][2], clients[1][2]
    path = sheets.write_xlsx(tmp_path / "abertas.xlsx", [
        [a, "1.500,00", date(2026, 10, 10), "Honorários outubro"],  # row 2: overdue, still open
        [b, "320,50", "10/12/2026", ""],  # row 3
        [b, "320,50", "10/12/2026", "de novo"],  # row 4 repeats row 3
        [a, "", "10/12/2026", ""],  # row 5: no value
        [a, "10,00", "", ""],  # row 6: no due date
        ["000.000.001-91", "10,00", "10/12/2026", ""],  # row 7: nobody
    ], header=("CPF/CNPJ", "Valor em aberto", "Vencimento", "Histórico"))
    sheet = importing.read_file(path)
    columns = invoices.MAP.guess(sheet.headers)
    assert columns == ("document", "amount", "due_date", "description")
    plan = invoices.preview_invoices(db.uow(), actor, sheet, columns, today=TODAY)
    reasons = {r.row: r.reason for r in plan.refused}
    assert sorted(reasons) == [4, 5, 6, 7]
    assert reasons[4] == m.REPEATED.format(first=3)
    assert "Valor" in reasons[5] and "Vencimento" in reasons[6]
    assert reasons[7] == m.CLIENT_UNKNOWN.format(document="000.000.001-91")
    with pytest.raises(invoices.InvoicesRefused):
        invoices.apply_invoices(db.uow(), actor, sheet, columns, today=TODAY)
    assert _count(db) == 0
    result = invoices.apply_invoices(db.uow(), actor, sheet, columns, skip_refused=True,
                                     today=TODAY)
    assert [row for row, _code in result.created] == [2, 3]
    with db.uow() as uow:
        first = uow.session.get(Invoice, result.created[0][1])
        assert first is not None
        assert (first.status, first.amount_cents, first.due_date, first.issue_date,
                first.description, first.our_number) == (
            "open", 150000, date(2026, 10, 10), date(2026, 10, 10), "Honorários outubro", None)
        charge = uow.session.scalars(select(Charge).where(Charge.invoice_id == first.id)).one()
        assert (charge.kind, charge.amount_cents, charge.status) == ("one_off", 150000, "open")
        text = uow.session.scalar(select(InvoiceEvent.text).where(
            InvoiceEvent.invoice_id == first.id))
        assert text == m.EVENT_TEXT.format(file="abertas.xlsx", row=2)
        second = uow.session.get(Invoice, result.created[1][1])
        assert second is not None and second.description == m.DEFAULT_DESCRIPTION
    page = finder.list_invoices(db.uow(), PageRequest({"person_id": first.person_id}))
    assert [r.id for r in page.rows] == [first.id]
    again = invoices.preview_invoices(db.uow(), actor, sheet, columns, today=TODAY)
    assert again.rows[0].reason == m.ALREADY_OPEN.format(code=first.id)
