"""The Mensagens area against a real SMTP server: an office billed for 12/2026, the window."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from contoffice.db.models import Invoice, Person
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import texts, tool_flow
from contoffice.ui.context import WindowContext
from contoffice.ui.main_window import MainWindow
from contoffice.ui.messages_area import MessagesArea
from contoffice.ui.settings import DeskSettings
from contoffice.ui.widgets.grid_view import GridView
from tests.services.messaging.support import billed_office

WAIT = 20_000


@dataclass
class Seen:
    """What the window said: warnings and the questions it asked (all answered yes)."""

    warnings: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Seen:
    record = Seen()
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, _title, text, *a: record.warnings.append(text))

    def ask(_parent: Any, message: str) -> bool:
        record.questions.append(message)
        return True

    monkeypatch.setattr(tool_flow, "ask_confirmation", ask)
    return record


@dataclass(frozen=True)
class Client:
    person_id: int
    name: str
    email: str
    invoice_id: int


def clients_of(db: Database, invoice_ids: list[int]) -> list[Client]:
    """The billed clients, in invoice order, with their e-mail and invoice."""
    with db.uow() as uow:
        invoices = uow.session.scalars(select(Invoice).where(Invoice.id.in_(invoice_ids))
                                       .order_by(Invoice.id)).all()
        people = {p.id: p for p in uow.session.scalars(select(Person))}
        return [Client(i.person_id, people[i.person_id].name, people[i.person_id].email or "",
                       i.id) for i in invoices]


def set_email(db: Database, person_id: int, email: str) -> None:
    """Give a client another e-mail ("" for none)."""
    with db.uow() as uow:
        uow.session.get(Person, person_id).email = email
        uow.commit()


def office_of(db: Database, actor: Actor, clients: int) -> list[Client]:
    """`clients` clients with an e-mail and an open boleto of 12/2026."""
    return clients_of(db, billed_office(db, actor, clients))


def open_window(qtbot: Any, db: Database, actor: Actor, settings: DeskSettings) -> MainWindow:
    settings.operator = actor.login
    window = MainWindow(WindowContext(db, actor, settings))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def open_area(qtbot: Any, window: MainWindow) -> MessagesArea:
    """Mensagens from the navigation, its grid loaded."""
    window.navigation.setCurrentRow(texts.NAVIGATION.index(texts.MESSAGES_AREA))
    area = window.tabs.currentWidget()
    assert isinstance(area, MessagesArea)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Mensagens"
    return area


def rows_of(grid: GridView) -> list[Any]:
    """Every row the grid holds now."""
    model = grid.model
    return [model.row_at(r) for r in range(model.rowCount())]


def shown_statuses(grid: GridView) -> dict[str, str]:
    """Destination → the status as the grid shows it."""
    model = grid.model
    column = next(i for i, c in enumerate(model.columns) if c.key == "status")
    return {model.row_at(r).destination: model.data(model.index(r, column))
            for r in range(model.rowCount())}


def select_where(grid: GridView, wanted: Any) -> None:
    """Select the rows whose row object satisfies `wanted`."""
    selection = grid.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r, row in enumerate(rows_of(grid)):
        if wanted(row):
            selection.select(grid.model.index(r, 0), flags)
