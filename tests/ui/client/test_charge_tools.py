"""Contas não faturadas and Contas a pagar tools: insert in two steps, bill, edit, suspend."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from contoffice.core.paging import PageRequest
from contoffice.db.uow import Database
from contoffice.services.billing import charges
from contoffice.services.billing.charges import ChargeInput
from contoffice.services.invoices import payables
from contoffice.services.panels import grids
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.dialogs.charge_dialogs import (
    BillChargesDialog,
    EditChargeDialog,
    InsertChargeDialog,
)
from contoffice.ui.dialogs.simple_dialogs import SuspendDialog
from tests.ui.client.conftest import Seen, drive, select, trigger, widget


def rows(db: Database, grid: str, person_id: int) -> dict[int, Any]:
    page = grids.fetch_page(db.uow(), grid, PageRequest({}, (), 0, 5000), person_id=person_id)
    return {row.id: row for row in page.rows}


def new_charges(tab: ClientTab, n: int = 2) -> list[int]:
    return charges.insert_charges(
        tab.ctx.db.uow(),
        tab.ctx.actor,
        data=ChargeInput(
            tab.person_id,
            "Abertura de filial",
            30_000,
            date.today() + timedelta(days=5),
            replications=n - 1,
        ),
    )


def test_insert_in_two_steps_with_replications(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tab.show_page("client.unbilled")
    before = set(rows(tab.ctx.db, "client.unbilled", tab.person_id))

    def fill(dialog: InsertChargeDialog) -> None:
        widget(dialog, "description_edit").setText("Parcelamento de IRPJ")
        assert not widget(dialog, "next_button").isEnabled()
        widget(dialog, "value_edit").setText("200,00")
        widget(dialog, "next_button").click()
        assert widget(dialog, "steps").currentIndex() == 1
        widget(dialog, "replications_spin").setValue(2)
        widget(dialog, "interval_spin").setValue(1)
        widget(dialog, "interval_unit").setCurrentIndex(1)  # months
        widget(dialog, "confirm_check").setChecked(True)

    drive(monkeypatch, InsertChargeDialog, fill)
    trigger(qtbot, page, "insert")
    assert seen.errors == []
    new = [
        r for i, r in rows(tab.ctx.db, "client.unbilled", tab.person_id).items() if i not in before
    ]
    assert [(r.amount_cents, r.installment) for r in sorted(new, key=lambda r: r.id)] == [
        (20_000, 1),
        (20_000, 2),
        (20_000, 3),
    ]
    assert page.model.rowCount() == len(before) + 3


def test_bill_all_in_one_opens_due_date_and_description(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = new_charges(tab)
    page = tab.show_page("client.unbilled")
    page.refresh()
    select(page, ids)
    due = date.today() + timedelta(days=20)

    def fill(dialog: BillChargesDialog) -> None:
        assert not widget(dialog, "due_date_edit").isEnabled()  # "uma fatura por conta"
        widget(dialog, "all_in_one_radio").setChecked(True)
        assert widget(dialog, "due_date_edit").isEnabled()
        widget(dialog, "due_date_edit").setDate(due)
        widget(dialog, "description_edit").setText("Abertura de filial (2 parcelas)")
        widget(dialog, "profile_combo").setCurrentIndex(1)
        widget(dialog, "confirm_check").setChecked(True)

    drive(monkeypatch, BillChargesDialog, fill)
    trigger(qtbot, page, "bill")
    invoice_id = page.last_result().outcomes[0].new_id
    invoice = rows(tab.ctx.db, "client.receivable", tab.person_id)[invoice_id]
    assert (invoice.amount_cents, invoice.due_date) == (60_000, due)
    assert not set(ids) & set(page.model.ids_for(range(page.model.rowCount())))


def test_bill_one_conta_keeps_its_own_fields_locked(
    qtbot: Any, tab: ClientTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = new_charges(tab, 1)
    page = tab.show_page("client.unbilled")
    page.refresh()
    select(page, ids)
    locked: list[bool] = []

    def fill(dialog: BillChargesDialog) -> None:
        widget(dialog, "all_in_one_radio").setChecked(True)
        locked.append(
            not widget(dialog, "due_date_edit").isEnabled()
            and not widget(dialog, "description_edit").isEnabled()
        )
        dialog.cancel_button.click()

    monkeypatch.setattr(BillChargesDialog, "exec", lambda self: (fill(self), self.result())[1])
    page.actions.actions["bill"].trigger()
    assert locked == [True]


def test_edit_then_suspend_twice(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    charge = new_charges(tab, 1)[0]
    page = tab.show_page("client.unbilled")
    page.refresh()
    select(page, [charge])
    drive(
        monkeypatch,
        EditChargeDialog,
        lambda d: (
            widget(d, "value_edit").setText("321,00"),
            widget(d, "confirm_check").setChecked(True),
        ),
    )
    trigger(qtbot, page, "edit")
    assert rows(tab.ctx.db, "client.unbilled", tab.person_id)[charge].amount_cents == 32_100
    drive(
        monkeypatch,
        SuspendDialog,
        lambda d: (
            widget(d, "reason_combo").setCurrentIndex(0),
            widget(d, "confirm_check").setChecked(True),
        ),
    )
    select(page, [charge])
    trigger(qtbot, page, "suspend")
    assert rows(tab.ctx.db, "client.unbilled", tab.person_id)[charge].status == "suspended"
    select(page, [charge])
    trigger(qtbot, page, "suspend")
    assert seen.results[-1].messages() == [f"A Conta {charge} já está com o status de suspenso."]


def test_edit_payable_charge(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    charge = payables.insert_payable(
        tab.ctx.db.uow(),
        tab.ctx.actor,
        data=ChargeInput(tab.person_id, "Aluguel", 150_000, date.today() + timedelta(days=3)),
    )[0]
    page = tab.show_page("client.payable_charges")
    page.refresh()
    select(page, [charge])
    drive(
        monkeypatch,
        EditChargeDialog,
        lambda d: (
            widget(d, "description_edit").setText("Aluguel da sala 2"),
            widget(d, "confirm_check").setChecked(True),
        ),
    )
    trigger(qtbot, page, "edit")
    assert seen.errors == []
    assert (
        rows(tab.ctx.db, "client.payable_charges", tab.person_id)[charge].description
        == "Aluguel da sala 2"
    )
