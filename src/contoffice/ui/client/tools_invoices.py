"""The tools of Faturas a Receber, Faturas a Pagar and Faturas Excluídas (INV-E, INV-F, INV-I).

Each slot reads the selection, asks its dialog, and hands a service call to
the page's tool flow; no rule and no message lives here.
"""

from __future__ import annotations

from collections.abc import Callable

from contoffice.services.panels import lookups
from contoffice.ui.client.invoice_alteration import alteration
from contoffice.ui.client.tool_host import ToolHost
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.invoice_alter_dialog import AlterInvoiceDialog
from contoffice.ui.dialogs.invoice_dialogs import (
    AdditionalChargeDialog,
    ReverseDialog,
    SettleDialog,
)
from contoffice.ui.dialogs.simple_dialogs import (
    ConfirmDialog,
    NotesDialog,
    SuspendDialog,
    TextDialog,
)
from contoffice.ui.messages.send_dialog import open_send_dialog

Handlers = dict[str, Callable[[], None]]


class InvoiceTools:
    """Slots of the invoice pages, bound to one page."""

    def __init__(self, page: ToolHost) -> None:
        self.page, self.ctx = page, page.ctx

    def handlers(self, grid: str) -> Handlers:
        """The slots the page `grid` offers."""
        if grid == "client.receivable":
            return {
                "comment": lambda: self.comment(),
                "edit": self.alter,
                "remove": self.remove,
                "suspend": self.suspend,
                "unsuspend": self.unsuspend,
                "print": self.print_invoices,
                "send_boleto": self.send_boleto,
                "send_invoices": self.send_invoices,
                "receipt": self.print_receipts,
                "settle": lambda: self.settle(),
                "reverse": self.reverse,
                "spc": lambda: self.spc(True),
                "spc_remove": lambda: self.spc(False),
                "baixa": self.baixa,
                "remittance_mark": self.unmark,
                "additional_charge": self.additional_charge,
            }
        if grid == "client.payable":
            return {
                "comment": lambda: self.comment("payables.comment"),
                "settle": lambda: self.settle("payables.settle"),
            }
        if grid == "client.removed":
            return {"comment": lambda: self.comment("removed_invoices.comment")}
        return {}

    # -- Alterar Fatura ----------------------------------------------------------------
    def alter(self) -> None:
        """Alterar Fatura: the seven options of "O que alterar"."""
        ids = self.page.selected_ids()
        db = self.ctx.db
        read = self.page.read(
            lambda: (
                lookups.invoices(db.uow(), ids),
                lookups.invoice_charges(db.uow(), ids[0]) if len(ids) == 1 else [],
                lookups.ledger_accounts(db.uow()),
            )
        )
        if read is None or not read[0]:
            return
        value = AlterInvoiceDialog.ask(self.page, *read)
        if value is not None:
            key, values = alteration(value)
            self.page.run_tool(key, ids, title=t.ALTER_TITLE, **values)

    # -- the other tools ---------------------------------------------------------------
    def remove(self) -> None:
        """Remover Fatura (one or many), optionally with its contas."""
        value = NotesDialog.ask(self.page, t.REMOVE_TITLE, extra=t.ALSO_REMOVE_CHARGES)
        if value is not None:
            self.page.run_tool("invoices.remove", title=t.REMOVE_TITLE, reason=value.notes,
                               also_remove_charges=value.extra)

    def suspend(self) -> None:
        """Suspender fatura with a configured reason."""
        reasons = self.page.read(lambda: lookups.suspension_reasons(self.ctx.db.uow()))
        if reasons is None:
            return
        value = SuspendDialog.ask(self.page, t.SUSPEND_INVOICE_TITLE, reasons)
        if value is not None:
            self.page.run_tool("invoices.suspend", title=t.SUSPEND_INVOICE_TITLE,
                               reason=value.reason, notes=value.notes)

    def unsuspend(self) -> None:
        """Cancelar suspensão de fatura."""
        value = NotesDialog.ask(self.page, t.UNSUSPEND_INVOICE_TITLE, required=False)
        if value is not None:
            self.page.run_tool("invoices.unsuspend", title=t.UNSUSPEND_INVOICE_TITLE,
                               notes=value.notes)

    def comment(self, key: str = "invoices.comment") -> None:
        """Inserir comentários na fatura (the dialog's check is the confirmation)."""
        text = TextDialog.ask(self.page, t.COMMENT_TITLE, t.COMMENT, confirm_text=t.SURE_COMMENT)
        if text is not None:
            self.page.run_tool(key, title=t.COMMENT_TITLE, text=text,
                               answered=frozenset({"invoice.comment"}))

    def settle(self, key: str = "invoices.settle") -> None:
        """Liquidação avulsa de faturas."""
        profiles = self.page.read(lambda: lookups.payment_profiles(self.ctx.db.uow()))
        if profiles is None:
            return
        v = SettleDialog.ask(self.page, profiles)
        if v is not None:
            self.page.run_tool(key, title=t.SETTLE_TITLE, method=v.method,
                               settled_on=v.settled_on, justification=v.justification,
                               value_cents=v.value_cents, payment_profile_id=v.payment_profile_id,
                               partial=v.partial)

    def reverse(self) -> None:
        """Estornar Liquidação into a cofre/caixa/banco account, dated today."""
        accounts = self.page.read(lambda: lookups.cash_accounts(self.ctx.db.uow()))
        if accounts is None:
            return
        v = ReverseDialog.ask(self.page, accounts)
        if v is not None:
            self.page.run_tool("invoices.reverse", title=t.REVERSE_TITLE,
                               cash_account_id=v.cash_account_id,
                               justification=v.justification)

    def spc(self, add: bool) -> None:
        """Adicionar ao SPC / remover do SPC (an internal marker, who and when)."""
        title = t.SPC_ADD_TITLE if add else t.SPC_REMOVE_TITLE
        if ConfirmDialog.ask(self.page, title, title):
            self.page.run_tool("invoices.spc_add" if add else "invoices.spc_remove", title=title)

    def baixa(self) -> None:
        """Baixar Fatura selecionada: a write-off command in the next remittance."""
        if ConfirmDialog.ask(self.page, t.BAIXA_TITLE, t.BAIXA_TITLE):
            self.page.run_tool("invoices.baixa", title=t.BAIXA_TITLE)

    def unmark(self) -> None:
        """Remover marcação de remessa transmitida (reminds of the new remittance)."""
        text = TextDialog.ask(self.page, t.UNMARK_TITLE, hint=t.UNMARK_HINT)
        if text is not None:
            self.page.run_tool("invoices.remittance_mark", title=t.UNMARK_TITLE,
                               justification=text)

    def additional_charge(self) -> None:
        """Incluir cobrança adicional as faturas selecionadas (reissues them)."""
        ledgers = self.page.read(lambda: lookups.ledger_accounts(self.ctx.db.uow()))
        if ledgers is None:
            return
        v = AdditionalChargeDialog.ask(self.page, ledgers)
        if v is not None:
            self.page.run_tool("invoices.additional_charge", title=t.ADDITIONAL_TITLE,
                               description=v.description, amount_cents=v.amount_cents,
                               ledger_account_id=v.ledger_account_id,
                               justification=v.justification)

    # -- printing (another module) -----------------------------------------------------
    def print_invoices(self) -> None:
        """Imprimir Fatura: one invoice, or a carnê of the selected ones."""
        from contoffice.ui import printing  # arrives with the printing delivery

        printing.print_invoices(self.page, self.ctx, self.page.selected_ids(),
                                person_id=self.page.person_id)

    def print_receipts(self) -> None:
        """Imprimir recibo de liquidação of the selected invoices."""
        from contoffice.ui import printing

        printing.print_receipts(self.page, self.ctx, self.page.selected_ids())

    # -- e-mail (the window's Mensagens) ----------------------------------------------
    def send_boleto(self) -> None:
        """Enviar Boleto Individual: the send dialog with that invoice's boleto ticked."""
        open_send_dialog(self.page, self.ctx, invoice_ids=self.page.selected_ids()[:1],
                         permission="invoices.send_boleto")

    def send_invoices(self) -> None:
        """Enviar fatura: the send dialog with the selected invoices' boletos ticked."""
        open_send_dialog(self.page, self.ctx, invoice_ids=self.page.selected_ids(),
                         permission="invoices.send")
