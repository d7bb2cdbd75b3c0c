"""The tools of Contas não faturadas and Contas a pagar (INV-G, INV-H).

The contract's charges tab (Editar contrato) reuses these slots with its own
selection, so each slot takes the ids explicitly when given.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from contoffice.services.billing import charges
from contoffice.services.invoices import payables
from contoffice.services.kernel.results import Changes
from contoffice.services.panels import lookups
from contoffice.ui.client.tool_host import ToolHost
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.charge_dialogs import (
    BillChargesDialog,
    ChargeEdit,
    EditChargeDialog,
    InsertChargeDialog,
)
from contoffice.ui.dialogs.simple_dialogs import NotesDialog, SuspendDialog

Handlers = dict[str, Callable[[], None]]
INSERTED = Changes(charges=True, invoices=True, settlements=True, header=True)


def _given(edit: ChargeEdit) -> dict[str, object]:
    return {k: v for k, v in asdict(edit).items() if v is not None}


class ChargeTools:
    """Slots of the contas pages, bound to one page."""

    def __init__(self, page: ToolHost) -> None:
        self.page, self.ctx = page, page.ctx

    def handlers(self, grid: str) -> Handlers:
        """The slots the page `grid` offers."""
        if grid == "client.unbilled":
            # Lambdas: QAction.triggered would pass its `checked` flag as the ids.
            return {
                "insert": self.insert,
                "edit": lambda: self.edit(),
                "remove": lambda: self.remove(),
                "suspend": lambda: self.suspend(),
                "unsuspend": lambda: self.unsuspend(),
                "bill": self.bill,
            }
        if grid == "client.payable_charges":
            return {"edit": self.edit_payable, "remove": self.remove_payable}
        return {}

    def _ids(self, ids: list[int] | None) -> list[int]:
        return list(ids) if ids is not None else self.page.selected_ids()

    def insert(self) -> None:
        """Inserir conta: two steps, then the new contas (settled now when asked)."""
        db = self.ctx.db
        read = self.page.read(
            lambda: (lookups.ledger_accounts(db.uow()), lookups.payment_profiles(db.uow()))
        )
        if read is None:
            return
        data = InsertChargeDialog.ask(self.page, self.page.person_id, *read)
        if data is not None:
            self.page.run_simple(
                t.INSERT_CHARGE_TITLE,
                lambda confirmed: charges.insert_charges(
                    self.ctx.db.uow(), self.ctx.actor, data=data, confirmed=confirmed
                ),
                INSERTED,
                confirmable=True,
            )

    def edit(self, ids: list[int] | None = None) -> None:
        """Editar conta (asks to confirm when the conta belongs to an invoice)."""
        ids = self._ids(ids)
        db = self.ctx.db
        read = self.page.read(
            lambda: (lookups.charges(db.uow(), ids[:1]), lookups.ledger_accounts(db.uow()))
        )
        if read is None or not read[0]:
            return
        edit = EditChargeDialog.ask(self.page, t.EDIT_CHARGE_TITLE, read[0][0], read[1])
        if edit is not None:
            self.page.run_tool("charges.edit", ids, title=t.EDIT_CHARGE_TITLE, **_given(edit))

    def remove(self, ids: list[int] | None = None) -> None:
        """Remover conta with Observações adicionais."""
        ids = self._ids(ids)
        value = NotesDialog.ask(self.page, t.REMOVE_CHARGE_TITLE)
        if value is not None:
            self.page.run_tool("charges.remove", ids, title=t.REMOVE_CHARGE_TITLE,
                               notes=value.notes)

    def suspend(self, ids: list[int] | None = None) -> None:
        """Suspender conta with a configured reason."""
        ids = self._ids(ids)
        reasons = self.page.read(lambda: lookups.suspension_reasons(self.ctx.db.uow()))
        if reasons is None:
            return
        value = SuspendDialog.ask(self.page, t.SUSPEND_CHARGE_TITLE, reasons)
        if value is not None:
            self.page.run_tool("charges.suspend", ids, title=t.SUSPEND_CHARGE_TITLE,
                               reason=value.reason, notes=value.notes)

    def unsuspend(self, ids: list[int] | None = None) -> None:
        """Cancelar suspensão de conta."""
        ids = self._ids(ids)
        value = NotesDialog.ask(self.page, t.UNSUSPEND_CHARGE_TITLE)
        if value is not None:
            self.page.run_tool("charges.unsuspend", ids, title=t.UNSUSPEND_CHARGE_TITLE,
                               notes=value.notes)

    def bill(self) -> None:
        """Faturar contas: one invoice per conta, or all in one."""
        ids = self.page.selected_ids()
        db = self.ctx.db
        read = self.page.read(
            lambda: (lookups.charges(db.uow(), ids), lookups.payment_profiles(db.uow()))
        )
        if read is None or not read[0]:
            return
        v = BillChargesDialog.ask(self.page, *read)
        if v is not None:
            self.page.run_tool("charges.bill", ids, title=t.BILL_TITLE, method=v.method,
                               payment_profile_id=v.payment_profile_id, due_date=v.due_date,
                               description=v.description)

    def edit_payable(self) -> None:
        """Editar conta a pagar, warning on opening when it is already billed."""
        ids = self.page.selected_ids()
        db = self.ctx.db
        read = self.page.read(
            lambda: (
                lookups.charges(db.uow(), ids[:1]),
                lookups.ledger_accounts(db.uow()),
                payables.payable_charge_warning(db.uow(), ids[0]),
            )
        )
        if read is None or not read[0]:
            return
        edit = EditChargeDialog.ask(
            self.page, t.EDIT_CHARGE_TITLE, read[0][0], read[1], warning=read[2]
        )
        if edit is not None:
            self.page.run_tool("payable_charges.edit", ids, title=t.EDIT_CHARGE_TITLE,
                               **_given(edit))

    def remove_payable(self) -> None:
        """Remover (Excluir) conta a pagar."""
        ids = self.page.selected_ids()
        value = NotesDialog.ask(self.page, t.REMOVE_CHARGE_TITLE, required=False)
        if value is not None:
            self.page.run_tool("payable_charges.remove", ids, title=t.REMOVE_CHARGE_TITLE,
                               notes=value.notes)
