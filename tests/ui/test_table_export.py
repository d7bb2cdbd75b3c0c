"""Exportar planilha of the tables that are no grid: pivot, cancellations, run report, history.

Each export is triggered from the widget, on both backends, and read back with openpyxl
(header as shown, numbers as numbers, moments as dates) or csv (`;`, BOM, pt-BR text).
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from contoffice.core.format import format_datetime
from contoffice.db.models import Contract, Invoice
from contoffice.db.uow import Database
from contoffice.demo.office import build_demo
from contoffice.services.admin.operators import system_actor
from contoffice.services.contracts import status as contract_status
from contoffice.services.invoices.actions import comment_invoices, invoice_history
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.billing.cancellations import CancellationsPanel
from contoffice.ui.billing.run_panel import RunPanel
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.history_dialog import HistoryDialog
from contoffice.ui.finder.pivot_panel import PivotPanel
from contoffice.ui.settings import DeskSettings

BOM = b"\xef\xbb\xbf"


@pytest.fixture
def office(db: Database) -> tuple[Database, Actor]:
    """A small demo office on the parametrised backend (SQLite and PostgreSQL)."""
    build_demo(db, people=40, seed=7)
    with db.uow() as uow:
        actor = system_actor(uow)
        uow.commit()
    return db, actor


@pytest.fixture
def ctx(office: tuple[Database, Actor], desk_settings: DeskSettings) -> WindowContext:
    seen: list[str] = []
    context = WindowContext(office[0], office[1], desk_settings, notify=seen.append)
    context.seen = seen  # type: ignore[attr-defined]
    return context


def export_to(qtbot: Any, monkeypatch: pytest.MonkeyPatch, owner: Any, path: Path) -> None:
    """Click Exportar planilha with `path` chosen in the save dialog; wait for the file."""
    monkeypatch.setattr("contoffice.ui.export.ask_path", lambda _parent, _title: path)
    assert owner.export_button.isEnabled()
    owner.export_button.click()
    qtbot.waitUntil(path.exists, timeout=20_000)
    qtbot.waitUntil(lambda: owner.last_export.result is not None, timeout=20_000)


def sheet_rows(path: Path) -> tuple[str, list[Any], list[list[Any]]]:
    """Title, header and data rows of the first sheet."""
    rows = [list(r) for r in load_workbook(path).active.iter_rows(values_only=True)]
    return rows[0][0], rows[1], rows[2:]


def csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(BOM)
    return list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))


def shown_headers(table: Any) -> list[str]:
    header = table.horizontalHeader()
    model = table.model()
    return [model.headerData(header.logicalIndex(v), Qt.Orientation.Horizontal)
            for v in range(header.count()) if not header.isSectionHidden(header.logicalIndex(v))]


def test_pivot_exports_the_counts_as_shown(qtbot: Any, ctx: WindowContext,
                                           monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    panel = PivotPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.table is not None, timeout=20_000)
    model, header = panel.model, panel.table.horizontalHeader()
    assert model.columnCount() >= 3  # Ativo, Inativo, Total
    header.moveSection(model.columnCount() - 1, 0)  # the clerk dragged Total first
    header.hideSection(1)  # and hid the second heading
    path = tmp_path / "pivot.xlsx"
    export_to(qtbot, monkeypatch, panel, path)
    title, heads, rows = sheet_rows(path)
    assert "Informações sintéticas" in title and "Exportado em" in title
    assert heads == ["Tipo de pessoa", *shown_headers(panel.table)]
    assert heads[1] == "Total"
    visible = [header.logicalIndex(v) for v in range(header.count())
               if not header.isSectionHidden(header.logicalIndex(v))]
    assert len(rows) == model.rowCount()
    for r, row in enumerate(rows):
        assert row[0] == model.headerData(r, Qt.Orientation.Vertical)
        assert row[1:] == [model.count(r, c) for c in visible]
        assert all(isinstance(v, int | float) for v in row[1:])  # numbers, not text
    assert rows[-1][1] == model.table.total == 40


def test_cancellations_export_xlsx_and_csv(qtbot: Any, ctx: WindowContext,
                                           monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    db, actor = ctx.db, ctx.actor
    with db.uow() as uow:
        contracts = list(uow.session.scalars(select(Contract.id).order_by(Contract.id).limit(2)))
    contract_status.request_cancellation(db.uow(), actor, contract_ids=contracts,
                                         reason="=mudou de contador")
    panel = CancellationsPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.table.rowCount() == 2
    path = tmp_path / "cancelamentos.xlsx"
    export_to(qtbot, monkeypatch, panel, path)
    _title, heads, rows = sheet_rows(path)
    assert heads == list(t.CANCELLATION_COLUMNS) == shown_headers(panel.table)
    assert [r[1] for r in rows] == contracts
    for r, row in enumerate(rows):
        assert row[0] == int(panel.table.item(r, 0).text())
        moment = row[5]
        assert isinstance(moment, datetime)
        # The sheet holds the São Paulo wall-clock time the table shows.
        assert f"{moment:%d/%m/%Y %H:%M}" == panel.table.item(r, 5).text()[:16]
        assert row[4] == "=mudou de contador"  # text, never a formula
    text_path = tmp_path / "cancelamentos.csv"
    export_to(qtbot, monkeypatch, panel, text_path)
    lines = csv_rows(text_path)
    assert lines[0] == list(t.CANCELLATION_COLUMNS)
    assert lines[1][0] == panel.table.item(0, 0).text()
    assert lines[1][5] == format_datetime(panel.rows[0].requested_at)
    assert lines[1][4] == "'=mudou de contador"
    assert any("2 linha(s) exportada(s)" in m for m in ctx.seen)  # type: ignore[attr-defined]


def test_run_report_exports_the_refused_contracts(qtbot: Any, ctx: WindowContext,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    panel = RunPanel(ctx, lambda: [])
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.export_button.isEnabled()  # no report before a run
    panel.competence_edit.setDate(invoicing.add_months(date.today().replace(day=1), 1))
    panel.preview_button.click()
    qtbot.waitUntil(lambda: panel.last_result is not None, timeout=20_000)
    qtbot.waitUntil(panel.preview_button.isEnabled, timeout=20_000)
    assert panel.refused_table.rowCount() >= 1
    path = tmp_path / "recusas.xlsx"
    export_to(qtbot, monkeypatch, panel, path)
    title, heads, rows = sheet_rows(path)
    assert "Prévia" in title
    assert heads == list(t.RUN_COLUMNS) == shown_headers(panel.refused_table)
    assert len(rows) == panel.refused_table.rowCount()
    for r, row in enumerate(rows):
        assert row[:2] == [int(panel.refused_table.item(r, c).text()) for c in (0, 1)]
        assert row[2] == panel.refused_table.item(r, 2).text()


def test_history_exports_its_entries(qtbot: Any, office: tuple[Database, Actor],
                                     monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    db, actor = office
    with db.uow() as uow:
        invoice_id = int(uow.session.scalar(select(Invoice.id).order_by(Invoice.id).limit(1)))
    comment_invoices(db.uow(), actor, invoice_ids=[invoice_id], text="Cliente pediu 2ª via",
                     confirmed=frozenset({"invoice.comment"}))
    entries = invoice_history(db.uow(), invoice_id)
    dialog = HistoryDialog(None, invoice_id, entries, db)
    qtbot.addWidget(dialog)
    dialog.table.horizontalHeader().hideSection(1)  # Operador hidden: left out
    path = tmp_path / "historico.xlsx"
    export_to(qtbot, monkeypatch, dialog, path)
    title, heads, rows = sheet_rows(path)
    assert f"Histórico da fatura {invoice_id}" in title
    assert heads == ["Data e hora", "Ação", "Descrição"] == shown_headers(dialog.table)
    assert len(rows) == len(entries)
    last = rows[-1]
    assert isinstance(last[0], datetime)
    assert f"{last[0]:%d/%m/%Y %H:%M}" == dialog.table.item(len(rows) - 1, 0).text()[:16]
    assert last[2] == dialog.table.item(len(rows) - 1, 3).text()
    assert "exportada" in dialog.status_label.text()
