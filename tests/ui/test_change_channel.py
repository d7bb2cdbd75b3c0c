"""The window's one change channel: an operation's outcome reaches every open panel, no F5."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent, QItemSelectionModel
from PySide6.QtWidgets import QPushButton, QTableView
from sqlalchemy import select as sql_select

from contoffice.core.paging import Page, PageRequest
from contoffice.db.models import Contract
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.results import Changes
from contoffice.services.panels import grids
from contoffice.ui.billing.area import BillingArea
from contoffice.ui.changes import merge
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs.fees_dialog import FeesDialog
from contoffice.ui.dialogs.invoice_dialogs import SettleDialog
from contoffice.ui.dialogs.person_dialog import PersonDialog
from contoffice.ui.dialogs.simple_dialogs import SuspendDialog, TextDialog
from contoffice.ui.finder.finder_widget import FinderWidget
from contoffice.ui.main_window import MainWindow
from contoffice.ui.models.table_model import PagedTableModel
from contoffice.ui.settings import DeskSettings
from contoffice.ui.widgets.selection import SelectionKeeper
from tests.ui.client.conftest import (  # noqa: F401
    Seen,
    drive,
    fresh_invoice,
    seen,
    select,
    trigger,
    widget,
)
from tests.ui.printing.conftest import demo_template  # noqa: F401

WAIT = 10_000
CHANGED = SIGNAL("changed(PyObject,PyObject)")


@pytest.fixture
def ctx(demo_db: Database, demo_actor: Actor, desk_settings: DeskSettings) -> WindowContext:
    """One window's context: every panel below shares its change channel."""
    return WindowContext(demo_db, demo_actor, desk_settings)


def _tab(qtbot: Any, ctx: WindowContext, person_id: int) -> ClientTab:
    tab = ClientTab(ctx, person_id)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    return tab


def _finder(qtbot: Any, ctx: WindowContext) -> FinderWidget:
    finder = FinderWidget(ctx)
    qtbot.addWidget(finder)
    finder.resize(1200, 700)
    finder.show()
    qtbot.waitUntil(lambda: finder.latest.model.rowCount() > 0, timeout=WAIT)
    return finder


def _row(page: Any, row_id: int) -> Any:
    """The row with this id as the grid shows it now (None when it is not listed)."""
    model = page.model
    return next((r for r in map(model.row_at, range(model.rowCount())) if r.id == row_id), None)


def _settle(dialog: SettleDialog) -> None:
    widget(dialog, "other_radio").setChecked(True)
    widget(dialog, "value_edit").setText("450,00")
    widget(dialog, "justification_edit").setPlainText("pago no balcão")
    widget(dialog, "confirm_check").setChecked(True)


def test_a_tool_in_one_tab_reaches_the_other_tab_and_the_finder(
    qtbot: Any,
    ctx: WindowContext,
    seen: Seen,  # noqa: F811
    featured_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    invoice = fresh_invoice(ctx.db, ctx.actor, featured_id)
    finder = _finder(qtbot, ctx)
    acting, other = _tab(qtbot, ctx, featured_id), _tab(qtbot, ctx, featured_id)
    page = acting.show_page("client.receivable")
    watching = other.show_page("client.receivable")
    assert _row(watching, invoice).status == "open"
    paid_before = other.header.paid.text()
    finder_loads: list[int] = []
    finder.latest.model.loaded.connect(finder_loads.append)
    select(page, [invoice])
    drive(monkeypatch, SettleDialog, _settle)
    trigger(qtbot, page, "settle")
    assert seen.errors == []
    # The other tab of the same client: its grid and its header, without F5.
    qtbot.waitUntil(lambda: _row(watching, invoice).status == "settled", timeout=WAIT)
    assert other.header.paid.text() != paid_before
    assert other.header.paid.text() == acting.header.paid.text()
    assert _row(page, invoice).status == "settled"
    assert page.selected_ids() == [invoice]  # the acting grid keeps its selection
    # The finder lists registrations, not balances: an invoice change leaves it alone…
    qtbot.wait(50)
    assert finder_loads == []

    # …and a registration edited in the finder reaches both tabs (header, title) and the grid.
    def rename(dialog: PersonDialog) -> int:
        dialog.ui.name_edit.setText("Padaria Pão Quente Renomeada Ltda")
        dialog.ui.trade_name_edit.setText("")
        dialog.findChild(QPushButton, "finish_button").click()
        return dialog.result()

    monkeypatch.setattr(PersonDialog, "exec", rename)
    panel = finder.latest
    panel.grid.filters.edits[0].setText(str(featured_id))
    panel.grid.apply_filters()
    panel.grid.table.selectRow(0)
    assert panel.grid.selected_ids() == [featured_id]
    panel.actions.actions["edit"].trigger()
    assert panel.grid.selected_ids() == [featured_id]  # reloaded, still selected
    assert _row(panel, featured_id).name == "Padaria Pão Quente Renomeada Ltda"
    for tab in (acting, other):
        qtbot.waitUntil(
            lambda tab=tab: tab.header.name_label.text() == "Padaria Pão Quente Renomeada Ltda",
            timeout=WAIT,
        )
        assert tab.title == "Padaria Pão Quente Renomeada Ltda"


def test_the_acting_grid_keeps_its_selection_and_current_row(
    qtbot: Any,
    ctx: WindowContext,
    seen: Seen,  # noqa: F811
    featured_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = fresh_invoice(ctx.db, ctx.actor, featured_id)
    second = fresh_invoice(ctx.db, ctx.actor, featured_id, days=20)
    tab = _tab(qtbot, ctx, featured_id)
    page = tab.show_page("client.receivable")
    select(page, [first, second])
    current = page.model.index(page.model.ids_for(range(page.model.rowCount())).index(second), 2)
    page.grid.table.selectionModel().setCurrentIndex(
        current, QItemSelectionModel.SelectionFlag.NoUpdate
    )
    drive(
        monkeypatch,
        SuspendDialog,
        lambda d: (
            widget(d, "reason_combo").setCurrentIndex(0),
            widget(d, "confirm_check").setChecked(True),
        ),
    )
    trigger(qtbot, page, "suspend")
    assert seen.errors == []
    assert {_row(page, i).status for i in (first, second)} == {"suspended"}  # reloaded
    assert sorted(page.selected_ids()) == sorted([first, second])
    index = page.grid.table.currentIndex()
    assert page.model.ids_for([index.row()]) == [second] and index.column() == 2
    assert page.actions.actions["suspend"].isEnabled()  # the tools follow the selection
    page.refresh()  # F5 keeps it too
    assert sorted(page.selected_ids()) == sorted([first, second])


def test_a_selection_far_down_a_big_grid_is_found_without_loading_everything(qtbot: Any) -> None:
    rows = [_Row(i) for i in range(1, 1001)]

    def fetch(request: PageRequest) -> Page[Any]:
        return Page(rows[request.offset:request.offset + request.limit], len(rows), request.offset)

    model = PagedTableModel(grids.grid("finder.latest").columns, fetch, page_size=100)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    SelectionKeeper(view, model)
    model.reload()
    model.row_at(750)  # the clerk scrolled down there
    view.selectRow(750)
    chosen = model.ids_for([750])
    rows.insert(0, _Row(5000))  # another desk added a row on top: every row moved by one
    model.reload()
    selected = [r.row() for r in view.selectionModel().selectedRows()]
    assert selected == [751] and model.ids_for(selected) == chosen
    assert model.cached_rows <= 300  # page 0, the page it was at, nothing more


class _Row:
    def __init__(self, row_id: int) -> None:
        self.id = row_id


def test_the_billing_area_and_a_client_tab_hear_each_other(
    qtbot: Any,
    ctx: WindowContext,
    seen: Seen,  # noqa: F811
    featured_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with ctx.db.uow() as uow:
        contract = uow.session.scalar(
            sql_select(Contract.id).where(
                Contract.person_id == featured_id, Contract.status == "active"
            )
        )
    tab = _tab(qtbot, ctx, featured_id)
    area = BillingArea(ctx, lambda: [featured_id])
    qtbot.addWidget(area)
    area.show()
    # Gerar honorários from Faturamento (it used to ignore its outcome): the tab's contas.
    charges = tab.show_page("client.unbilled")
    before = charges.model.rowCount()
    start = date.today().replace(day=1) + timedelta(days=800)

    def fill(dialog: FeesDialog) -> None:
        widget(dialog, "month_combo").setCurrentIndex(0)
        widget(dialog, "year_spin").setValue(start.year)
        widget(dialog, "times_spin").setValue(2)
        widget(dialog, "confirm_check").setChecked(True)

    drive(monkeypatch, FeesDialog, fill)
    area.run_panel.fees_button.click()
    qtbot.waitUntil(lambda: area.run_panel.last_flow.done, timeout=WAIT)
    assert seen.errors == []
    qtbot.waitUntil(lambda: charges.model.rowCount() == before + 2, timeout=WAIT)
    # A client tab asks for a cancellation: the cancellation manager lists it, no F5.
    area.setCurrentWidget(area.cancellations)
    assert area.cancellations.table.rowCount() == 0
    page = tab.show_page("client.contracts")
    select(page, [contract])
    drive(
        monkeypatch,
        TextDialog,
        lambda d: (
            widget(d, "text_edit").setPlainText("mudou de contador"),
            widget(d, "confirm_check").setChecked(True),
        ),
    )
    trigger(qtbot, page, "request_cancel")
    assert seen.errors == []
    qtbot.waitUntil(lambda: area.cancellations.table.rowCount() == 1, timeout=WAIT)
    # The manager cancels it: the client tab's contracts grid shows it, no F5.
    area.cancellations.table.selectRow(0)
    area.cancellations.cancel_button.click()
    qtbot.waitUntil(lambda: area.cancellations.last_flow.done, timeout=WAIT)
    assert seen.errors == [] and area.cancellations.table.rowCount() == 0
    qtbot.waitUntil(lambda: _row(page, contract).status == "cancelled", timeout=WAIT)


def test_hidden_panels_wait_until_shown_and_deleted_ones_never_hear(
    qtbot: Any, ctx: WindowContext, featured_id: int
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    tab = window.open_client(featured_id)
    page = tab.show_page("client.receivable")
    window.tabs.setCurrentWidget(window.finder)  # the client tab is hidden now
    reloads: list[int] = []
    page.model.loaded.connect(reloads.append)
    ctx.changes.publish(Changes(invoices=True))
    ctx.changes.publish(Changes(header=True, person_ids=frozenset({featured_id})))
    qtbot.wait(50)
    assert reloads == [] and tab.subscription.pending is not None
    window.tabs.setCurrentWidget(tab)  # shown: one refresh for both changes
    assert reloads == [page.model.rowCount()] and tab.subscription.pending is None
    # Another client's change does not concern this tab; a burst is one refresh.
    ctx.changes.publish(Changes(invoices=True, person_ids=frozenset({featured_id + 1})))
    for _ in range(3):
        ctx.changes.publish(Changes(invoices=True, person_ids=frozenset({featured_id})))
    deliveries = tab.subscription.deliveries
    qtbot.waitUntil(lambda: tab.subscription.deliveries == deliveries + 1, timeout=WAIT)
    qtbot.wait(20)
    assert len(reloads) == 2 and tab.subscription.deliveries == deliveries + 1
    # Ctrl+W deletes the tab: its subscription goes with it, later changes reach nothing.
    listening = ctx.changes.receivers(CHANGED)
    window.close_tab(window.tabs.indexOf(tab))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(tab) and ctx.changes.receivers(CHANGED) == listening - 1
    ctx.changes.publish(Changes(invoices=True, header=True))
    qtbot.wait(20)
    assert len(reloads) == 2


def test_merged_changes_stay_broad_when_one_is_broad() -> None:
    mine = Changes(invoices=True, person_ids=frozenset({1}))
    theirs = Changes(header=True, person_ids=frozenset({2}))
    assert merge(mine, theirs) == Changes(
        invoices=True, header=True, person_ids=frozenset({1, 2})
    )
    assert merge(mine, Changes(contracts=True)).person_ids == frozenset()
