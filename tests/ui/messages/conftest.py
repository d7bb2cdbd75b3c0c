"""The send dialog's office: two billed clients, the first assigned to Júlia, a real SMTP
server on 127.0.0.1, and what the window said (message boxes, status bar)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import select

from contoffice.db.models import Invoice, Operator, OutboundMessage, Person
from contoffice.db.uow import Database
from contoffice.services.admin.operators import ensure_roles
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.context import WindowContext
from contoffice.ui.messages.send_dialog import SendDialog, open_send_dialog
from contoffice.ui.settings import DeskSettings
from tests.services.messaging.support import add_account, billed_office
from tests.support import smtp_server as local

COPY = "julia@escritorio.com.br"


@dataclass
class Office:
    """Two billed clients, the first assigned to Júlia; what the window said."""

    db: Database
    ctx: WindowContext
    parent: QWidget
    invoices: list[int]
    server: local.SmtpTestServer
    said: list[str] = field(default_factory=list)  # message boxes, in order
    notes: list[str] = field(default_factory=list)  # the status bar

    def person_of(self, invoice_id: int) -> Person:
        with self.db.uow() as uow:
            person = uow.session.get(Person, uow.session.get(Invoice, invoice_id).person_id)
            uow.session.expunge(person)
            return person

    def outbox(self) -> list[OutboundMessage]:
        with self.db.uow() as uow:
            rows = list(uow.session.scalars(select(OutboundMessage)))
            uow.session.expunge_all()
            return rows


@pytest.fixture
def office(qtbot: Any, db: Database, actor: Actor, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[Office]:
    ids = billed_office(db, actor, 2)
    with db.uow() as uow:
        operator = Operator(login="julia", name="Júlia", email=COPY, role_id=ensure_roles(uow).id)
        uow.session.add(operator)
        uow.flush()
        first = uow.session.get(Invoice, ids[0])
        uow.session.get(Person, first.person_id).assigned_operator_id = operator.id
        uow.commit()
    parent = QWidget()
    qtbot.addWidget(parent)
    ctx = WindowContext(db, actor, DeskSettings(tmp_path / "desk.ini"))
    with local.smtp_server(refuse={"recusado@exemplo.com.br": "550 5.1.1 Caixa inexistente"}
                           ) as server:
        add_account(db, actor, server.port)
        shown = Office(db, ctx, parent, ids, server)
        ctx.notify = shown.notes.append
        for kind in ("information", "warning"):
            monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text: shown.said.append(text))
        yield shown


def open_dialog(office: Office, **kwargs: Any) -> SendDialog:
    before = set(office.parent.findChildren(SendDialog))
    open_send_dialog(office.parent, office.ctx, **kwargs)
    (dialog,) = set(office.parent.findChildren(SendDialog)) - before
    return dialog


def send(qtbot: Any, office: Office, dialog: SendDialog) -> None:
    assert not dialog.send_button.isEnabled()  # "Tem certeza" first
    dialog.confirm_check.setChecked(True)
    said = len(office.said)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(office.said) > said, timeout=20_000)


