"""Imprimir recibo de liquidação from the client panel: runner, the same preview, refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QWidget

from contoffice.db.uow import Database
from contoffice.services.invoices.actions import invoice_history
from contoffice.services.kernel import messages
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import operations
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.client.grid_page import GridPage
from contoffice.ui.context import WindowContext
from contoffice.ui.printing import jobs
from contoffice.ui.printing.preview import PdfPreviewDialog
from contoffice.ui.settings import DeskSettings
from tests.support.pdftools import PdfTools, require_pdf_tools


@pytest.fixture(autouse=True)
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "previews"
    folder.mkdir()
    monkeypatch.setattr(jobs, "TEMP_ROOT", folder)
    return folder


def _page(qtbot: Any, ctx: WindowContext, person_id: int) -> GridPage:
    tab = ClientTab(ctx, person_id)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    page = tab.show_page("client.receivable")
    page.owner_tab = tab  # type: ignore[attr-defined]  # the test holds the page, so the tab too
    return page


def _with_status(page: GridPage, status: str) -> list[int]:
    rows = (page.model.row_at(r) for r in range(page.model.rowCount()))
    return [row.id for row in rows if row.status == status]


def _select(page: GridPage, ids: list[int]) -> None:
    selection = page.grid.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(page.model.rowCount()):
        if page.model.row_at(row).id in ids:
            selection.select(page.model.index(row, 0), flags)
    assert sorted(page.selected_ids()) == sorted(ids)


def _preview(qtbot: Any, parent: QWidget) -> PdfPreviewDialog:
    """The preview dialog showing (a closed one may linger until its deferred delete)."""

    def shown() -> list[PdfPreviewDialog]:
        return [d for d in parent.findChildren(PdfPreviewDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=10_000)
    return shown()[-1]


def test_receipt_tool_opens_the_preview_and_records_the_print(
    qtbot: Any,
    demo_db: Database,
    demo_actor: Actor,
    desk_settings: DeskSettings,
    featured_id: int,
    tmp_path: Path,
) -> None:
    page = _page(qtbot, WindowContext(demo_db, demo_actor, desk_settings), featured_id)
    settled = _with_status(page, "settled")[:3]
    assert len(settled) == 3
    _select(page, settled)
    action = page.actions.actions["receipt"]
    assert action.text() == "Imprimir recibo de liquidação" and action.isEnabled()
    action.trigger()
    dialog = _preview(qtbot, page)
    assert dialog.page_count == 2  # two receipts a page
    assert dialog.pdf.path.name == "recibos-3-faturas.pdf"
    for invoice_id in settled:
        kinds = [e.kind for e in invoice_history(demo_db.uow(), invoice_id)]
        assert kinds.count("receipt") == 1
    require_pdf_tools()
    text = " ".join(PdfTools(tmp_path).text(dialog.pdf.path).split())
    assert text.count("RECIBO") == 3 and "12.ABC.345/01DE-35" in text
    assert "2ª via" not in text
    dialog.close()
    _select(page, settled[:1])
    action.trigger()
    again = _preview(qtbot, page)
    assert again.pdf.path.name == f"recibo-fatura-{settled[0]}.pdf"
    assert "2ª via" in PdfTools(tmp_path).text(again.pdf.path)


def test_an_open_invoice_is_refused_with_the_message(
    qtbot: Any,
    demo_db: Database,
    demo_actor: Actor,
    desk_settings: DeskSettings,
    featured_id: int,
    monkeypatch: pytest.MonkeyPatch,
    private_temp: Path,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(operations.QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    page = _page(qtbot, WindowContext(demo_db, demo_actor, desk_settings), featured_id)
    open_id = _with_status(page, "open")[0]
    _select(page, [open_id])
    page.actions.actions["receipt"].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == [messages.RECEIPT_NO_SETTLEMENT.format(code=open_id)]
    assert not page.findChildren(PdfPreviewDialog)
    assert list(private_temp.iterdir()) == []


def test_without_the_permission_the_tool_is_not_offered(
    qtbot: Any,
    demo_db: Database,
    demo_actor: Actor,
    desk_settings: DeskSettings,
    featured_id: int,
) -> None:
    clerk = Actor(demo_actor.id, "bia", "Bia", permissions=frozenset({"invoices.print"}))
    page = _page(qtbot, WindowContext(demo_db, clerk, desk_settings), featured_id)
    assert "receipt" not in page.actions.actions and "print" in page.actions.actions
