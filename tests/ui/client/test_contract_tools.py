"""Contratos tools: new contract, alterations with reissue, status tools, the contas tab."""

from __future__ import annotations

from typing import Any

import pytest

from contoffice.core.paging import PageRequest
from contoffice.db.uow import Database
from contoffice.services.panels import grids, lookups
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.dialogs.contract_dialogs import NewContractDialog
from contoffice.ui.dialogs.contract_edit_dialog import EditContractDialog
from contoffice.ui.dialogs.simple_dialogs import SuspendDialog, TextDialog
from tests.ui.client.conftest import Seen, drive, select, trigger, widget


def contracts(db: Database, person_id: int) -> dict[int, Any]:
    page = grids.fetch_page(
        db.uow(), "client.contracts", PageRequest({}, (), 0, 500), person_id=person_id
    )
    return {row.id: row for row in page.rows}


def test_new_contract_appears_in_the_grid(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tab.show_page("client.contracts")
    before = set(contracts(tab.ctx.db, tab.person_id))

    def fill(dialog: NewContractDialog) -> None:
        widget(dialog, "plan_edit").setText("Folha de pagamento")
        widget(dialog, "confirm_check").setChecked(True)
        assert not dialog.finish_button.isEnabled()  # the fee is still missing
        widget(dialog, "fee_edit").setText("450,00")
        widget(dialog, "due_day_spin").setValue(15)
        widget(dialog, "profile_combo").setCurrentIndex(1)

    drive(monkeypatch, NewContractDialog, fill)
    trigger(qtbot, page, "create")
    assert seen.errors == []
    new = set(contracts(tab.ctx.db, tab.person_id)) - before
    assert len(new) == 1
    row = contracts(tab.ctx.db, tab.person_id)[new.pop()]
    assert (row.plan, row.fee_cents, row.due_day, row.status) == (
        "Folha de pagamento",
        45_000,
        15,
        "active",
    )
    assert page.model.rowCount() == len(before) + 1
    # SCENARIOS.md 7: the next 12 months of honorários came with the contract.
    charges = lookups.contract_charges(tab.ctx.db.uow(), max(contracts(tab.ctx.db, tab.person_id)))
    assert len(charges) == 12


def test_suspend_refuses_an_already_suspended_contract(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tab.show_page("client.contracts")
    contract = next(iter(contracts(tab.ctx.db, tab.person_id)))
    select(page, [contract])
    drive(
        monkeypatch,
        TextDialog,
        lambda d: (
            widget(d, "text_edit").setPlainText("férias"),
            widget(d, "confirm_check").setChecked(True),
        ),
    )
    trigger(qtbot, page, "suspend")
    assert contracts(tab.ctx.db, tab.person_id)[contract].status == "suspended"
    select(page, [contract])  # the grid reloaded after the change
    trigger(qtbot, page, "suspend")
    assert not seen.results[-1].preview  # one row is not previewed: the real run refuses it
    assert seen.results[-1].messages() == [f"O contrato {contract} já está suspenso."]


def test_change_plan_asks_before_reissuing(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tab.show_page("client.contracts")
    contract = next(iter(contracts(tab.ctx.db, tab.person_id)))
    select(page, [contract])

    def fill(dialog: EditContractDialog) -> None:
        combo = widget(dialog, "tool_combo")
        combo.setCurrentIndex(combo.findData("plan"))
        widget(dialog, "fee_edit").setText("990,00")
        widget(dialog, "justification_edit").setText("reajuste anual")
        widget(dialog, "confirm_check").setChecked(True)

    drive(monkeypatch, EditContractDialog, fill)
    trigger(qtbot, page, "edit")
    assert seen.errors == []
    assert seen.questions and "novo nosso número" in seen.questions[0]
    assert contracts(tab.ctx.db, tab.person_id)[contract].fee_cents == 99_000


def test_contas_tab_tool_runs_on_the_contracts_contas(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tab.show_page("client.contracts")
    contract = next(iter(contracts(tab.ctx.db, tab.person_id)))
    billed = next(
        c for c in lookups.contract_charges(tab.ctx.db.uow(), contract) if c.invoice_id is not None
    )
    select(page, [contract])

    def press_suspend(dialog: EditContractDialog) -> None:
        table = widget(dialog, "charges_table")
        table.selectRow(dialog.charges.index(billed))
        widget(dialog, "charges_suspend_button").click()

    shown: list[Any] = []
    monkeypatch.setattr(
        EditContractDialog,
        "exec",
        lambda self: (shown.append(self), press_suspend(self), self.result())[-1],
    )
    drive(
        monkeypatch,
        SuspendDialog,
        lambda d: (
            widget(d, "reason_combo").setCurrentIndex(0),
            widget(d, "confirm_check").setChecked(True),
        ),
    )
    trigger(qtbot, page, "edit")
    assert shown
    qtbot.waitUntil(lambda: page.last_flow is not None and page.last_flow.done, timeout=10_000)
    assert seen.results and seen.results[0].messages() == ["Esta conta já faz parte de uma fatura"]
