"""Fixtures of the tool tests: the featured client's panel, dialog drivers, outcome capture."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog, QWidget

from contoffice.db.uow import Database
from contoffice.services.billing import charge_billing, charges
from contoffice.services.billing.charges import ChargeInput
from contoffice.services.kernel.permissions import Actor
from contoffice.services.panels import lookups
from contoffice.ui import tool_flow
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.client.grid_page import GridPage
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs.result_dialog import ResultDialog
from contoffice.ui.settings import DeskSettings


class Seen:
    """What the flow showed: result views, confirmation questions, errors, stale notices."""

    def __init__(self) -> None:
        self.results: list[ResultDialog] = []
        self.questions: list[str] = []
        self.errors: list[str] = []
        self.stale: list[str] = []
        self.go_on = True  # the answer to a preview and to a confirmation

    def messages(self) -> list[str]:
        """Every message of every result view, in order."""
        return [m for dialog in self.results for m in dialog.messages()]


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Seen:
    record = Seen()

    def present(self: ResultDialog) -> int:
        record.results.append(self)
        ok = not self.preview or (record.go_on and self.continue_button.isEnabled())
        return QDialog.DialogCode.Accepted if ok else QDialog.DialogCode.Rejected

    def ask(_parent: Any, message: str) -> bool:
        record.questions.append(message)
        return record.go_on

    monkeypatch.setattr(ResultDialog, "exec", present)
    monkeypatch.setattr(tool_flow, "ask_confirmation", ask)
    monkeypatch.setattr(tool_flow, "show_error", lambda _p, e: record.errors.append(str(e)))
    monkeypatch.setattr(tool_flow, "show_stale", lambda _p, m: record.stale.append(m))
    monkeypatch.setattr(
        "contoffice.ui.client.grid_page.show_error", lambda _p, e: record.errors.append(str(e))
    )
    return record


@pytest.fixture
def tab(
    qtbot: Any, demo_db: Database, demo_actor: Actor, desk_settings: DeskSettings, featured_id: int
) -> ClientTab:
    widget = ClientTab(WindowContext(demo_db, demo_actor, desk_settings), featured_id)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    return widget


def drive(
    monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], fill: Callable[[Any], None]
) -> list[Any]:
    """Answer `cls`'s next dialogs by filling their widgets and pressing Finalizar."""
    shown: list[Any] = []

    def exec_(self: Any) -> int:
        shown.append(self)
        fill(self)
        assert self.finish_button.isEnabled(), "Finalizar should be enabled"
        self.finish_button.click()
        return self.result()

    monkeypatch.setattr(cls, "exec", exec_)
    return shown


def widget(dialog: QWidget, name: str) -> Any:
    """A dialog's child by object name (fails loudly when missing)."""
    found = dialog.findChild(QWidget, name)
    assert found is not None, name
    return found


def select(page: GridPage, ids: list[int]) -> None:
    """Select the rows with these ids (the grid is small)."""
    selection = page.grid.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(page.model.rowCount()):
        if page.model.row_at(row).id in ids:
            selection.select(page.model.index(row, 0), flags)
    assert sorted(page.selected_ids()) == sorted(ids)


def trigger(qtbot: Any, page: GridPage, action: str) -> None:
    """Press a tool and wait until its flow has ended."""
    page.last_flow = None
    assert page.actions.actions[action].isEnabled(), action
    page.actions.actions[action].trigger()
    qtbot.waitUntil(lambda: page.last_flow is None or page.last_flow.done, timeout=15_000)


def fresh_invoice(
    db: Database, actor: Actor, person_id: int, cents: int = 50_000, days: int = 10
) -> int:
    """An open invoice without remittance (alterable), billed from a new conta."""
    ids = charges.insert_charges(
        db.uow(),
        actor,
        data=ChargeInput(
            person_id, "Consultoria tributária", cents, date.today() + timedelta(days=days)
        ),
    )
    profile = lookups.payment_profiles(db.uow())[0].id
    result = charge_billing.bill_charges(
        db.uow(), actor, charge_ids=ids, method="per_charge", payment_profile_id=profile
    )
    new_id = result.outcomes[0].new_id
    assert new_id is not None
    return new_id


def fresh_on_page(tab: ClientTab, count: int = 1) -> tuple[GridPage, list[int]]:
    """`count` fresh open invoices of the tab's client, selected on Faturas a Receber."""
    ids = [fresh_invoice(tab.ctx.db, tab.ctx.actor, tab.person_id) for _ in range(count)]
    page = tab.show_page("client.receivable")
    page.refresh()
    select(page, ids)
    return page, ids
