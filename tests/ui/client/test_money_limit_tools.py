"""The window asks "tenho certeza" above the office's threshold and refuses above its ceiling."""

from __future__ import annotations

from typing import Any

import pytest

from contoffice.core.paging import PageRequest
from contoffice.db.uow import Database
from contoffice.services.panels import grids
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.dialogs.charge_dialogs import InsertChargeDialog
from contoffice.ui.dialogs.invoice_dialogs import SettleDialog
from tests.ui.client.conftest import Seen, drive, fresh_invoice, select, trigger, widget


def rows(db: Database, grid: str, person_id: int) -> dict[int, Any]:
    page = grids.fetch_page(db.uow(), grid, PageRequest({}, (), 0, 5000), person_id=person_id)
    return {row.id: row for row in page.rows}


def _settle_with(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    def settle(dialog: SettleDialog) -> None:
        widget(dialog, "other_radio").setChecked(True)
        widget(dialog, "value_edit").setText(value)
        widget(dialog, "justification_edit").setPlainText("pago no balcão")
        widget(dialog, "confirm_check").setChecked(True)

    drive(monkeypatch, SettleDialog, settle)


def test_settle_above_the_threshold_asks_and_goes_on(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, person = tab.ctx, tab.person_id
    invoice = fresh_invoice(ctx.db, ctx.actor, person)
    page = tab.show_page("client.receivable")
    page.refresh()
    select(page, [invoice])
    _settle_with(monkeypatch, "250.000,00")
    trigger(qtbot, page, "settle")
    assert len(seen.questions) == 1 and "R$ 250.000,00" in seen.questions[0]
    assert seen.errors == []
    assert rows(ctx.db, "client.receivable", person)[invoice].paid_cents == 25_000_000


def test_settle_above_the_ceiling_refused(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, person = tab.ctx, tab.person_id
    invoice = fresh_invoice(ctx.db, ctx.actor, person)
    page = tab.show_page("client.receivable")
    page.refresh()
    select(page, [invoice])
    _settle_with(monkeypatch, "10.000.000,01")
    trigger(qtbot, page, "settle")
    assert seen.questions == []
    assert len(seen.errors) == 1 and "R$ 10.000.000,00" in seen.errors[0]
    assert rows(ctx.db, "client.receivable", person)[invoice].paid_cents == 0


def test_insert_above_the_threshold_asks_and_no_keeps_nothing(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tab.show_page("client.unbilled")
    before = set(rows(tab.ctx.db, "client.unbilled", tab.person_id))

    def fill(dialog: InsertChargeDialog) -> None:
        widget(dialog, "description_edit").setText("Auditoria anual")
        widget(dialog, "value_edit").setText("150.000,00")
        widget(dialog, "next_button").click()
        widget(dialog, "confirm_check").setChecked(True)

    drive(monkeypatch, InsertChargeDialog, fill)
    seen.go_on = False
    trigger(qtbot, page, "insert")
    assert len(seen.questions) == 1 and "R$ 150.000,00" in seen.questions[0]
    assert seen.errors == [] and set(rows(tab.ctx.db, "client.unbilled", tab.person_id)) == before
    seen.go_on = True
    trigger(qtbot, page, "insert")
    assert len(seen.questions) == 2 and seen.errors == []
    new = set(rows(tab.ctx.db, "client.unbilled", tab.person_id)) - before
    assert len(new) == 1
