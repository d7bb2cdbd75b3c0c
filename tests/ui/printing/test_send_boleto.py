"""Enviar Boleto Individual: the boleto is attached to the invoice; a copy can be saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from contoffice.db.models import Invoice
from contoffice.db.uow import Database
from contoffice.services.attachments.files import list_attachments
from contoffice.services.kernel import messages
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import operations, texts
from contoffice.ui.context import WindowContext
from contoffice.ui.printing import jobs, send_boleto, send_dialog
from contoffice.ui.printing.preview import PdfPreviewDialog
from contoffice.ui.printing.send_dialog import SendBoletoDialog
from contoffice.ui.settings import DeskSettings


@pytest.fixture
def window(
    qtbot: Any,
    demo_db: Database,
    demo_actor: Actor,
    desk_settings: DeskSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[QWidget, WindowContext]:
    monkeypatch.setattr(jobs, "TEMP_ROOT", tmp_path)
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget, WindowContext(demo_db, demo_actor, desk_settings)


def _invoice(db: Database, person_id: int, status: str = "open") -> int:
    with db.uow() as uow:
        query = select(Invoice.id).where(Invoice.status == status, Invoice.direction == "R")
        if status == "open":
            query = query.where(Invoice.person_id == person_id)
        return int(uow.session.scalar(query.order_by(Invoice.id).limit(1)))


def test_send_boleto_attaches_and_saves_a_copy(
    qtbot: Any,
    window: tuple[QWidget, WindowContext],
    featured_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parent, ctx = window
    invoice_id = _invoice(ctx.db, featured_id)
    send_boleto(parent, ctx, invoice_id)
    qtbot.waitUntil(lambda: bool(parent.findChildren(SendBoletoDialog)), timeout=10_000)
    dialog = parent.findChildren(SendBoletoDialog)[-1]
    labels = {label.objectName(): label.text() for label in dialog.findChildren(send_dialog.QLabel)}
    assert labels["later_label"] == texts.SEND_BOLETO_LATER  # e-mail arrives with messaging
    assert f"fatura {invoice_id}" in labels["done_label"]
    stored = list_attachments(ctx.db.uow(), ctx.actor, person_id=featured_id, invoice_id=invoice_id)
    assert [a.id for a in stored] == [dialog.sent.attachment_id]
    monkeypatch.setattr(
        send_dialog.QFileDialog,
        "getSaveFileName",
        lambda *_a: (str(tmp_path / "para-o-cliente.pdf"), "PDF"),
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "para-o-cliente.pdf").read_bytes() == dialog.sent.content
    qtbot.mouseClick(dialog.view_button, Qt.MouseButton.LeftButton)
    preview = parent.findChildren(PdfPreviewDialog)[-1]
    assert preview.page_count == 1


def test_send_boleto_of_a_settled_invoice_is_refused(
    qtbot: Any,
    window: tuple[QWidget, WindowContext],
    featured_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parent, ctx = window
    shown: list[str] = []
    monkeypatch.setattr(operations.QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    settled = _invoice(ctx.db, featured_id, "settled")
    send_boleto(parent, ctx, settled)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == [messages.INVOICE_ALREADY_SETTLED.format(code=settled)]
    assert not parent.findChildren(SendBoletoDialog)
