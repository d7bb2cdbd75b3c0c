"""Banco de Imagens / Anexar arquivos / Arquivo permanente: add, list, open, remove, permissions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel

from contoffice.db.uow import Database
from contoffice.services.attachments import files as attachments
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import operations
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.client.grid_page import GridPage
from contoffice.ui.client.tools_attachments import AttachmentTools
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs import attachments_dialog
from contoffice.ui.dialogs.attachments_dialog import AttachmentsDialog
from contoffice.ui.dialogs.simple_dialogs import TextDialog
from contoffice.ui.settings import DeskSettings
from tests.ui.client.conftest import Seen, drive, select, trigger, widget

SCAN = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\x00"


class Desk:
    """What the dialog handed to the desktop, and the file the clerk picks."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened: list[Path] = []
        self.errors: list[str] = []
        self.source = tmp_path / "contrato social.pdf"
        self.source.write_bytes(SCAN)
        self.category = "Contrato social"
        monkeypatch.setattr(AttachmentsDialog, "exec", lambda _self: 0)
        monkeypatch.setattr(attachments_dialog, "open_file", self.opened.append)
        monkeypatch.setattr(attachments_dialog, "pick_file", lambda _parent: self.source)
        monkeypatch.setattr(attachments_dialog, "ask_category", lambda *_a: self.category)
        monkeypatch.setattr(operations, "show_error", lambda _p, e: self.errors.append(str(e)))


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Desk:
    return Desk(tmp_path, monkeypatch)


def wait(qtbot: Any, dialog: AttachmentsDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)


def names(dialog: AttachmentsDialog) -> list[str]:
    table = dialog.table
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def pick_row(dialog: AttachmentsDialog, row: int) -> None:
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    flags |= QItemSelectionModel.SelectionFlag.Rows
    dialog.table.selectionModel().select(dialog.table.model().index(row, 0), flags)


def tool_dialog(page: GridPage) -> AttachmentsDialog:
    tools = next(t for t in page.tools if isinstance(t, AttachmentTools))
    assert tools.last_dialog is not None
    return tools.last_dialog


def add_open_remove(
    qtbot: Any, dialog: AttachmentsDialog, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The round trip every entry point shares."""
    wait(qtbot, dialog)
    before = names(dialog)
    dialog.add_button.click()
    wait(qtbot, dialog)
    assert names(dialog) == ["contrato social.pdf", *before]
    assert dialog.table.item(0, 1).text() == desk.category
    pick_row(dialog, 0)
    dialog.open_button.click()
    wait(qtbot, dialog)
    assert len(desk.opened) == 1 and desk.opened[0].read_bytes() == SCAN
    copy = desk.source.with_name("copia.pdf")
    monkeypatch.setattr(attachments_dialog, "pick_target", lambda _parent, _name: copy)
    dialog.save_button.click()
    wait(qtbot, dialog)
    assert copy.read_bytes() == SCAN
    drive(
        monkeypatch,
        TextDialog,
        lambda d: (
            widget(d, "text_edit").setPlainText("versão antiga"),
            widget(d, "confirm_check").setChecked(True),
        ),
    )
    pick_row(dialog, 0)
    dialog.remove_button.click()
    wait(qtbot, dialog)
    assert names(dialog) == before
    assert desk.errors == []


def test_attach_files_to_a_contract(
    qtbot: Any, tab: ClientTab, seen: Seen, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tab.show_page("client.contracts")
    contract = page.model.row_at(0).id
    select(page, [contract])
    trigger(qtbot, page, "attach")
    dialog = tool_dialog(page)
    assert dialog.scope.contract_id == contract
    add_open_remove(qtbot, dialog, desk, monkeypatch)
    kept = attachments.list_attachments(
        tab.ctx.db.uow(), tab.ctx.actor, person_id=tab.person_id, contract_id=contract
    )
    assert kept == []  # removed, though still stored with who, when and why


def test_image_bank_of_an_invoice_and_of_the_client(
    qtbot: Any, tab: ClientTab, seen: Seen, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tab.show_page("client.receivable")
    invoice = page.model.row_at(0).id
    select(page, [invoice])
    trigger(qtbot, page, "attachment")
    dialog = tool_dialog(page)
    wait(qtbot, dialog)
    dialog.add_button.click()
    wait(qtbot, dialog)
    assert dialog.table.item(0, 5).text() == f"Fatura {invoice}"
    # The client's own document shows in the whole bank, not in the invoice's list.
    attachments.attach_file(
        tab.ctx.db.uow(),
        tab.ctx.actor,
        person_id=tab.person_id,
        file=attachments.NewFile(b"rg", "rg.jpg", category="Documentos dos sócios"),
    )
    dialog.reload()
    wait(qtbot, dialog)
    assert "rg.jpg" not in names(dialog)
    assert not dialog.all_check.isHidden()
    dialog.all_check.setChecked(True)
    wait(qtbot, dialog)
    assert {"rg.jpg", "contrato social.pdf"} <= set(names(dialog))
    dialog.all_check.setChecked(False)
    wait(qtbot, dialog)
    add_open_remove(qtbot, dialog, desk, monkeypatch)


def test_permanent_archive_of_the_client(
    qtbot: Any, tab: ClientTab, seen: Seen, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not tab.archive_button.isHidden()
    contract = tab.show_page("client.contracts").model.row_at(0).id
    attachments.attach_file(
        tab.ctx.db.uow(),
        tab.ctx.actor,
        person_id=tab.person_id,
        contract_id=contract,
        file=attachments.NewFile(b"x", "aditivo.pdf"),
    )
    tab.archive_button.click()
    dialog = tab.archive_dialog
    assert dialog is not None
    desk.category = "Certificado digital"
    add_open_remove(qtbot, dialog, desk, monkeypatch)
    assert "aditivo.pdf" not in names(dialog)  # a contract's file is not the archive's
    attachments.attach_file(
        tab.ctx.db.uow(),
        tab.ctx.actor,
        person_id=tab.person_id,
        file=attachments.NewFile(b"a", "alvara-2026.pdf", category="Alvará"),
    )
    dialog.reload()
    wait(qtbot, dialog)
    row = names(dialog).index("alvara-2026.pdf")
    dialog.search_edit.setText("alvará")  # by category too
    assert not dialog.table.isRowHidden(row)
    dialog.search_edit.setText("certificado")
    assert dialog.table.isRowHidden(row)


def test_permission_hides_the_tools(
    qtbot: Any, demo_db: Database, demo_actor: Actor, desk_settings: DeskSettings, featured_id: int
) -> None:
    clerk = Actor(demo_actor.id, "bia", "Bia", permissions=frozenset({"invoices.images"}))
    tab = ClientTab(WindowContext(demo_db, clerk, desk_settings), featured_id)
    qtbot.addWidget(tab)
    tab.show()
    contracts_page = tab.show_page("client.contracts")
    assert "attach" not in contracts_page.actions.actions
    assert "attachment" not in contracts_page.actions.actions
    assert "attachment" in tab.show_page("client.receivable").actions.actions
    assert tab.archive_button.isHidden()
