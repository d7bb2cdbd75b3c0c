"""Faturas a Receber / a Pagar / Excluídas tools, driven from the toolbar with real dialogs."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from contoffice.core.paging import PageRequest
from contoffice.db.uow import Database
from contoffice.services.invoices import alteration as invoice_changes
from contoffice.services.invoices.actions import invoice_history
from contoffice.services.kernel import messages
from contoffice.services.panels import grids
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.dialogs.invoice_alter_dialog import AlterInvoiceDialog
from contoffice.ui.dialogs.invoice_dialogs import ReverseDialog, SettleDialog
from contoffice.ui.dialogs.simple_dialogs import SuspendDialog, TextDialog
from contoffice.ui.messages.send_dialog import SendDialog
from tests.services.billing_support import set_invoice
from tests.ui.client.conftest import Seen, drive, fresh_invoice, select, trigger, widget


def rows(db: Database, grid: str, person_id: int) -> dict[int, Any]:
    """Every row of a panel grid by id, read through the grid service."""
    page = grids.fetch_page(db.uow(), grid, PageRequest({}, (), 0, 5000), person_id=person_id)
    return {row.id: row for row in page.rows}


def test_alter_due_date_gives_a_new_invoice_and_refreshes(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, person = tab.ctx, tab.person_id
    invoice = fresh_invoice(ctx.db, ctx.actor, person)
    page = tab.show_page("client.receivable")
    page.refresh()
    before = tab.header.current.text()
    select(page, [invoice])
    new_due = date.today() + timedelta(days=40)

    def fill(dialog: AlterInvoiceDialog) -> None:
        assert not dialog.finish_button.isEnabled()  # nothing typed, nothing confirmed
        widget(dialog, "justification_edit").setPlainText("pedido do cliente")
        combo = widget(dialog, "what_combo")
        combo.setCurrentIndex(combo.findData("due_date"))
        widget(dialog, "due_date_edit").setDate(new_due)
        widget(dialog, "surcharge_check").setChecked(True)
        widget(dialog, "surcharge_edit").setText("10,00")
        widget(dialog, "confirm_check").setChecked(True)

    drive(monkeypatch, AlterInvoiceDialog, fill)
    trigger(qtbot, page, "edit")
    assert seen.errors == []
    assert seen.questions and str(invoice) in seen.questions[0]  # lists the reissued ones
    outcome = page.last_result().outcomes[0]
    assert outcome.done and outcome.new_id
    receivable = rows(ctx.db, "client.receivable", person)
    assert invoice not in receivable
    new = receivable[outcome.new_id]
    assert new.due_date == new_due and new.amount_cents == 51_000
    removed = rows(ctx.db, "client.removed", person)[invoice]
    assert removed.replaced_by_id == outcome.new_id
    assert outcome.new_id in page.model.ids_for(range(page.model.rowCount()))  # grid reloaded
    assert tab.header.current.text() != before  # header reloaded


def test_suspend_shows_the_seed_warning_and_refusals(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, person = tab.ctx, tab.person_id
    page = tab.show_page("client.receivable")
    all_rows = rows(ctx.db, "client.receivable", person)
    settled = next(r.id for r in all_rows.values() if r.status == "settled")
    transmitted = next(r.id for r in all_rows.values() if r.status == "open")
    set_invoice(ctx.db, transmitted, remittance_status="transmitted")  # sent to the bank
    page.refresh()
    select(page, [settled, transmitted])

    def fill(dialog: SuspendDialog) -> None:
        widget(dialog, "reason_combo").setCurrentIndex(0)
        widget(dialog, "notes_edit").setPlainText("cliente em negociação")
        widget(dialog, "confirm_check").setChecked(True)

    drive(monkeypatch, SuspendDialog, fill)
    trigger(qtbot, page, "suspend")
    preview, final = seen.results
    refusal = f"A Fatura {settled} já está liquidada"
    assert preview.preview and refusal in preview.messages()
    assert sorted(final.messages()) == sorted([refusal, messages.SUSPEND_REMITTANCE_WARNING])
    assert rows(ctx.db, "client.receivable", person)[transmitted].status == "suspended"


def test_the_preview_writes_nothing(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, person = tab.ctx, tab.person_id
    page = tab.show_page("client.receivable")
    all_rows = rows(ctx.db, "client.receivable", person)
    settled = next(r.id for r in all_rows.values() if r.status == "settled")
    invoice = fresh_invoice(ctx.db, ctx.actor, person)
    page.refresh()
    select(page, [settled, invoice])
    seen.go_on = False  # the clerk reads the preview and cancels
    drive(
        monkeypatch,
        SuspendDialog,
        lambda d: (
            widget(d, "reason_combo").setCurrentIndex(0),
            widget(d, "confirm_check").setChecked(True),
        ),
    )
    trigger(qtbot, page, "suspend")
    assert len(seen.results) == 1 and seen.results[0].preview
    assert sorted(seen.results[0].messages()) == ["", f"A Fatura {settled} já está liquidada"]
    assert rows(ctx.db, "client.receivable", person)[invoice].status == "open"


def test_stale_invoice_is_reported_and_reloaded(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, person = tab.ctx, tab.person_id
    invoice = fresh_invoice(ctx.db, ctx.actor, person)
    page = tab.show_page("client.receivable")
    page.refresh()
    select(page, [invoice])

    def fill(dialog: AlterInvoiceDialog) -> None:
        # Another desk changes the invoice while this dialog is open.
        invoice_changes.alter_description(
            ctx.db.uow(),
            ctx.actor,
            invoice_ids=[invoice],
            description="Outra mesa",
            justification="teste",
        )
        widget(dialog, "justification_edit").setPlainText("corrigir descrição")
        widget(dialog, "description_edit").setText("Consultoria (corrigida)")
        widget(dialog, "confirm_check").setChecked(True)

    drive(monkeypatch, AlterInvoiceDialog, fill)
    trigger(qtbot, page, "edit")
    assert seen.stale and "alterado por outro usuário" in seen.stale[0]
    assert rows(ctx.db, "client.receivable", person)[invoice].description == "Outra mesa"


def test_settle_with_discount_then_reverse(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, person = tab.ctx, tab.person_id
    invoice = fresh_invoice(ctx.db, ctx.actor, person)
    page = tab.show_page("client.receivable")
    page.refresh()
    select(page, [invoice])

    def settle(dialog: SettleDialog) -> None:
        widget(dialog, "other_radio").setChecked(True)
        widget(dialog, "value_edit").setText("450,00")
        widget(dialog, "justification_edit").setPlainText("pago no balcão")
        widget(dialog, "confirm_check").setChecked(True)

    drive(monkeypatch, SettleDialog, settle)
    trigger(qtbot, page, "settle")
    row = rows(ctx.db, "client.receivable", person)[invoice]
    assert (row.status, row.amount_cents, row.paid_cents) == ("settled", 45_000, 45_000)
    settled_page = tab.show_page("client.settled_receivable")
    assert invoice in {
        settled_page.model.row_at(i).invoice_id for i in range(settled_page.model.rowCount())
    }

    def reverse(dialog: ReverseDialog) -> None:
        assert not widget(dialog, "event_date_edit").isEnabled()  # always today
        widget(dialog, "justification_edit").setPlainText("cheque devolvido")
        widget(dialog, "account_combo").setCurrentIndex(1)
        widget(dialog, "confirm_check").setChecked(True)

    drive(monkeypatch, ReverseDialog, reverse)
    page = tab.show_page("client.receivable")
    select(page, [invoice])
    trigger(qtbot, page, "reverse")
    assert seen.errors == []
    row = rows(ctx.db, "client.receivable", person)[invoice]
    assert (row.status, row.amount_cents, row.paid_cents) == ("open", 50_000, 0)


def test_comment_on_a_removed_invoice_reaches_its_history(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, person = tab.ctx, tab.person_id
    invoice = fresh_invoice(ctx.db, ctx.actor, person)
    page = tab.show_page("client.receivable")
    page.refresh()
    select(page, [invoice])
    from contoffice.ui.dialogs.simple_dialogs import NotesDialog

    drive(
        monkeypatch,
        NotesDialog,
        lambda d: (
            widget(d, "notes_edit").setPlainText("emitida em duplicidade"),
            widget(d, "confirm_check").setChecked(True),
        ),
    )
    trigger(qtbot, page, "remove")
    removed = tab.show_page("client.removed")
    select(removed, [invoice])

    def comment(dialog: TextDialog) -> None:
        assert dialog.confirm_check.text() == "Confirma a inserção desse comentário?"
        widget(dialog, "text_edit").setPlainText("cliente avisado")
        widget(dialog, "confirm_check").setChecked(True)

    drive(monkeypatch, TextDialog, comment)
    trigger(qtbot, removed, "comment")
    assert any(e.kind == "comment" and e.text.endswith(": cliente avisado")
               for e in invoice_history(ctx.db.uow(), invoice))


def test_print_and_send_open_the_preview_and_the_send_dialog(
    qtbot: Any, tab: ClientTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, Any]] = []
    monkeypatch.setattr(
        "contoffice.ui.printing.print_invoices",
        lambda _p, _c, ids, person_id=None: calls.append(("print", ids, person_id)),
    )
    page = tab.show_page("client.receivable")
    open_ids = [page.model.row_at(r).id for r in range(page.model.rowCount())
                if page.model.row_at(r).status == "open"]
    first, second = open_ids[:2]
    select(page, [first, second])
    page.actions.actions["print"].trigger()
    assert calls == [("print", [first, second], tab.person_id)]  # the preview offers E-mail
    assert not page.actions.actions["send_boleto"].isEnabled()  # one invoice at a time
    page.actions.actions["send_invoices"].trigger()  # Enviar fatura: both boletos ticked
    (dialog,) = page.findChildren(SendDialog)
    assert dialog.start.invoice_ids == (first, second)
    ticked = dialog.attachments.labels(checked_only=True)
    assert len(ticked) == 2 and all(f"fatura {i} " in " ".join(ticked) for i in (first, second))
    dialog.close()
    qtbot.waitUntil(lambda: not page.findChildren(SendDialog))
    select(page, [first])
    page.actions.actions["send_boleto"].trigger()
    (dialog,) = page.findChildren(SendDialog)
    assert dialog.start.invoice_ids == (first,)
    (ticked_one,) = dialog.attachments.labels(checked_only=True)
    assert f"Boleto da fatura {first} " in ticked_one


def test_overdue_invoices_read_in_red(tab: ClientTab) -> None:
    from PySide6.QtCore import Qt

    from contoffice.ui.client.invoice_model import OVERDUE

    page = tab.show_page("client.receivable")
    model = page.model
    colours = {}
    for row in range(model.rowCount()):
        r = model.row_at(row)
        colours[r.id] = (r, model.data(model.index(row, 0), Qt.ItemDataRole.ForegroundRole))
    overdue = [c for r, c in colours.values() if r.status == "open" and r.due_date < date.today()]
    assert overdue and all(c == OVERDUE for c in overdue)
    assert all(c is None for r, c in colours.values() if r.status == "settled")
