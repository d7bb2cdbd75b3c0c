"""The client panel on the demo client: header, every page with its rows, tools, export."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from contoffice.db.models import (
    Charge,
    ClearanceDeclaration,
    Invoice,
    InvoiceEvent,
    Settlement,
)
from contoffice.db.uow import Database
from contoffice.demo.fiscal import previous_month
from contoffice.services.fiscal import settings as fiscal_settings
from contoffice.services.fiscal.generate import Outcome, generate
from contoffice.services.fiscal.pending import pending_invoices
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people.form import load_person
from contoffice.services.people.records import update_person
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.client.pages import PAGES
from contoffice.ui.context import WindowContext
from contoffice.ui.settings import DeskSettings

UNBUILT = {"client.cards"}


def _complete_the_client(db: Database, actor: Actor, person_id: int, tmp_path: Path) -> None:
    """Rows for the pages the demo leaves empty for the Padaria (payables, removed, notes…)."""
    today = date.today()
    with db.uow() as uow:
        s = uow.session
        payable = Invoice(person_id=person_id, direction="P", description="Aluguel da sala",
                          issue_date=today, due_date=today, amount_cents=150_000,
                          paid_cents=150_000, status="settled", settled_on=today)
        removed = Invoice(person_id=person_id, direction="R", description="Cobrança repetida",
                          issue_date=today, due_date=today, amount_cents=93_500,
                          status="removed", removed_at=datetime.now(UTC),
                          removal_reason="Cobrança em duplicidade", fiscal_status="none")
        pending = Invoice(person_id=person_id, direction="R", description="Consultoria",
                          issue_date=today, due_date=today, amount_cents=40_000,
                          status="open", fiscal_status="pending")
        s.add_all([payable, removed, pending])
        s.flush()
        s.add_all([
            Settlement(invoice_id=payable.id, person_id=person_id, amount_cents=150_000,
                       settled_on=today, method="other"),
            Charge(person_id=person_id, direction="R", description="Abertura de filial",
                   amount_cents=60_000, due_date=today, status="open"),
            Charge(person_id=person_id, direction="P", description="Aluguel da sala",
                   amount_cents=150_000, due_date=today, status="settled",
                   invoice_id=payable.id),
            InvoiceEvent(invoice_id=pending.id, kind="comment",
                         text="Cliente pediu a nota antes do pagamento"),
            ClearanceDeclaration(person_id=person_id, year=today.year - 1,
                                 total_cents=1_122_000, invoice_count=12),
        ])
        uow.commit()
    with db.uow() as uow:  # one of last month's fees gets its NFS-e (local simulator)
        # Each copy of the demo office gets a simulator of its own (the copies share numbers).
        values = replace(fiscal_settings.read(uow), simulator_file=str(tmp_path / "sefin.json"))
        fiscal_settings.save(uow, actor, values)
    with db.uow() as uow:
        month = previous_month(today)
        fees = [i for i in pending_invoices(uow, month)
                if uow.session.get(Invoice, i).person_id == person_id]
    with db.uow() as uow:
        report = generate(uow, actor, fees[:1])
        assert report.rows[0].outcome == Outcome.ISSUED, report.rows
    edit = load_person(db.uow(), person_id)
    with db.uow() as uow:
        update_person(uow, actor, person_id, replace(edit.data, trade_name="Pão Quente Matriz"),
                      expected_version=edit.version)  # an audit event for Atividade


@pytest.fixture
def tab(qtbot: Any, demo_db: Database, demo_actor: Actor, desk_settings: DeskSettings,
        featured_id: int, tmp_path: Path) -> ClientTab:
    _complete_the_client(demo_db, demo_actor, featured_id, tmp_path)
    widget = ClientTab(WindowContext(demo_db, demo_actor, desk_settings), featured_id)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    return widget


def test_header_shows_who_and_the_balances(tab: ClientTab) -> None:
    header = tab.header
    assert header.name_label.text() == "Padaria Pão Quente Ltda"
    assert "12.ABC.345/01DE-35" in header.details_label.text()
    assert "Responsável" in header.details_label.text()
    assert header.overdue.text().startswith("R$ ")
    assert header.aging[1].text() == "R$ 1.870,00"  # the two invoices 31–60 days overdue


def test_pages_are_built_on_first_show(tab: ClientTab) -> None:
    assert list(tab.pages) == ["client.contracts"]
    tab.show_page("client.notes")
    assert list(tab.pages) == ["client.contracts", "client.notes"]


@pytest.mark.parametrize("page", PAGES, ids=[p.grid for p in PAGES])
def test_every_page_shows_the_clients_rows(tab: ClientTab, page: Any) -> None:
    grid_page = tab.show_page(page.grid)
    model = grid_page.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == [c.header for c in grid_page.spec.columns]
    assert model.rowCount() > 0, page.grid
    first = model.index(0, 0)
    assert model.data(first) not in (None, "")


def test_pages_of_capabilities_not_built_are_not_shown(tab: ClientTab) -> None:
    assert UNBUILT.isdisjoint(p.grid for p in PAGES)
    assert UNBUILT.isdisjoint(tab.pages)


def test_tools_follow_permission_and_selection(tab: ClientTab) -> None:
    page = tab.show_page("client.receivable")
    actions = page.actions.actions
    assert actions["export"].isEnabled()
    assert not actions["history"].isEnabled()  # needs a selection
    assert not actions["remove"].isEnabled()  # arrives with the billing services
    page.grid.table.selectRow(0)
    assert actions["history"].isEnabled()
    page.grid.table.selectAll()
    assert not actions["history"].isEnabled()  # one invoice at a time


def test_invoice_history_opens_for_the_selected_invoice(tab: ClientTab,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[int, list[Any]]] = []
    monkeypatch.setattr("contoffice.ui.dialogs.history_dialog.HistoryDialog.show_for",
                        lambda _p, invoice_id, entries, db=None: shown.append((invoice_id,
                                                                              entries)))
    page = tab.show_page("client.fiscal_pending")
    page.grid.table.selectRow(next(r for r in range(page.model.rowCount())
                                   if page.model.row_at(r).description == "Consultoria"))
    page.actions.actions["history"].trigger()
    assert shown and shown[0][1][0].text.endswith(": Cliente pediu a nota antes do pagamento")


def test_export_of_a_page_reads_back_typed(qtbot: Any, tab: ClientTab, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "faturas.xlsx"
    monkeypatch.setattr("contoffice.ui.export.ask_path", lambda *_a: target)
    page = tab.show_page("client.receivable")
    header = page.grid.table.horizontalHeader()
    header.hideSection(1)  # Nosso número: hidden columns are not exported
    page.grid.filters.edits[2].setText("Honorários")
    qtbot.waitUntil(lambda: page.model.filters == {"description": "Honorários"})
    page.actions.actions["export"].trigger()
    with qtbot.waitSignal(page.last_operation.finished, timeout=10000):
        pass
    sheet = load_workbook(target).active
    title, *rows = list(sheet.iter_rows(values_only=True))  # a title row above the header
    assert "Faturas a Receber" in title[0] and "Descrição: Honorários" in title[0]
    assert rows[0][:3] == ("Fatura", "Descrição", "Emissão")
    assert len(rows) - 1 == page.model.rowCount()
    first = page.model.row_at(0)
    assert rows[1][0] == first.id and rows[1][1] == first.description
    assert rows[1][3].date() == first.due_date
    amount = sheet.cell(row=3, column=6)
    assert Decimal(str(amount.value)) == Decimal(first.amount_cents) / 100
    assert amount.number_format == '"R$" #,##0.00'


def test_a_client_missing_on_refresh_shows_a_message(tab: ClientTab) -> None:
    tab.person_id = 10**9  # as if another desk had removed the registration

    tab.refresh()
    assert "não existe mais" in tab.header.message_label.text()
