"""The tools of Contratos (INV-D), including the contract's contas tab.

Each slot reads the selection, asks its dialog, and hands a service call to
the page's tool flow; no rule and no message lives here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from contoffice.services.billing import fees
from contoffice.services.contracts import records as contracts
from contoffice.services.invoicing.rules import add_months
from contoffice.services.kernel.results import Changes
from contoffice.services.panels import lookups
from contoffice.ui.client.tool_host import ToolHost
from contoffice.ui.client.tools_charges import ChargeTools
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.contract_dialogs import (
    CancelContractDialog,
    GroupingDialog,
    MonthsDialog,
    NewContractDialog,
)
from contoffice.ui.dialogs.contract_edit_dialog import (
    ChargeToolRequest,
    ContractEdit,
    EditContractDialog,
)
from contoffice.ui.dialogs.fees_dialog import FeeClient, FeesDialog
from contoffice.ui.dialogs.simple_dialogs import ConfirmDialog, NotesDialog, TextDialog

Handlers = dict[str, Callable[[], None]]
CREATED = Changes(contracts=True, header=True)


class ContractTools:
    """Slots of the Contratos page, bound to one page."""

    def __init__(self, page: ToolHost) -> None:
        self.page, self.ctx = page, page.ctx

    def handlers(self, grid: str) -> Handlers:
        """The slots the page `grid` offers."""
        if grid != "client.contracts":
            return {}
        return {
            "create": self.create,
            "edit": self.edit,
            "cancel": self.cancel,
            "suspend": self.suspend,
            "unsuspend": self.unsuspend,
            "activate": self.activate,
            "remove_awaiting": self.remove_awaiting,
            "request_cancel": self.request_cancel,
            "grouping": self.grouping,
        }

    def _run(self, title: str, key: str, **values: object) -> None:
        self.page.run_tool(key, title=title, **values)

    def create(self) -> None:
        """Cadastrar novo contrato for this client."""
        db = self.ctx.db
        read = self.page.read(
            lambda: (lookups.payment_profiles(db.uow()), lookups.ledger_accounts(db.uow()))
        )
        if read is None:
            return
        data = NewContractDialog.ask(self.page, self.page.person_id, *read)
        if data is not None:
            self.page.run_simple(
                t.NEW_CONTRACT_TITLE,
                lambda confirmed: contracts.create_contract(
                    self.ctx.db.uow(), self.ctx.actor, data=data, confirmed=confirmed
                ),
                CREATED,
                confirmable=True,
            )

    def edit(self) -> None:
        """Editar contrato: an alteration tool, or a tool of its contas tab."""
        contract_id = self.page.selected_ids()[0]
        db = self.ctx.db
        read = self.page.read(
            lambda: (
                lookups.contract(db.uow(), contract_id),
                lookups.contract_charges(db.uow(), contract_id),
                lookups.payment_profiles(db.uow()),
                lookups.ledger_accounts(db.uow()),
            )
        )
        if read is None:
            return
        value = EditContractDialog.ask(self.page, *read)
        if isinstance(value, ChargeToolRequest):
            self._charge_tool(value, read[0].person_id)
        elif isinstance(value, ContractEdit):
            self._alter(value)

    def _alter(self, v: ContractEdit) -> None:
        title = dict(t.ALTERATION_TOOLS)[v.tool]
        if v.tool == "due_rule":
            self._run(
                title,
                "contracts.change_due_rule",
                due_rule=v.due_rule,
                due_day=v.due_day,
                move_to_business_day=v.move_to_business_day,
                due_month_offset=v.due_month_offset,
                justification=v.justification,
            )
        elif v.tool == "profile":
            self._run(
                title,
                "contracts.change_profile",
                payment_profile_id=v.payment_profile_id,
                justification=v.justification,
            )
        elif v.tool == "plan":
            self._run(
                title,
                "contracts.change_plan",
                plan=v.plan,
                fee_cents=v.fee_cents,
                justification=v.justification,
            )
        else:
            self._run(
                title,
                "contracts.general_changes",
                justification=v.justification,
                description=v.description,
                grouping=v.grouping,
                ledger_account_id=v.ledger_account_id,
            )

    def _charge_tool(self, request: ChargeToolRequest, person_id: int) -> None:
        tools = ChargeTools(self.page)
        ids = request.charge_ids
        if request.tool == "print":
            from contoffice.ui import printing

            printing.print_invoices(self.page, self.ctx, request.invoice_ids, person_id=person_id)
        elif request.tool == "suspend":
            tools.suspend(ids)
        elif request.tool == "edit":
            tools.edit(ids)
        elif request.tool == "remove":
            tools.remove(ids)
        elif request.tool == "insert":
            tools.insert()
        else:
            self.renew(person_id)

    def renew(self, person_id: int) -> None:
        """Renovar parcelas manualmente: Gerar honorários for this client."""
        db = self.ctx.db
        read = self.page.read(
            lambda: (
                lookups.people_names(db.uow(), [person_id]),
                fees.last_scheduled_fees(db.uow(), [person_id]),
            )
        )
        if read is None:
            return
        names, last = read
        after = last[person_id].competence
        start = add_months(after, 1) if after else date.today().replace(day=1)
        value = FeesDialog.ask(
            self.page, [FeeClient(person_id, names.get(person_id, ""), last[person_id])], start
        )
        if value is not None:
            self.page.run_tool("fees.generate", [person_id], title=t.RENEW_TITLE,
                               start=value.start, times=value.times)

    def cancel(self) -> None:
        """Cancelar contrato with a reason and an end date."""
        value = CancelContractDialog.ask(self.page)
        if value is not None:
            self._run(
                t.CANCEL_CONTRACT_TITLE,
                "contracts.cancel",
                reason=value.reason,
                ends_on=value.ends_on,
                remove_open_invoices=value.remove_open_invoices,
            )

    def suspend(self) -> None:
        """Suspender Contrato (the billing run skips it)."""
        reason = TextDialog.ask(self.page, t.SUSPEND_CONTRACT_TITLE, t.REASON)
        if reason is not None:
            self._run(t.SUSPEND_CONTRACT_TITLE, "contracts.suspend", reason=reason)

    def unsuspend(self) -> None:
        """Cancelar Suspensão de Contrato."""
        value = NotesDialog.ask(self.page, t.UNSUSPEND_CONTRACT_TITLE, required=False)
        if value is not None:
            self._run(
                t.UNSUSPEND_CONTRACT_TITLE, "contracts.unsuspend", reason=value.notes
            )

    def activate(self) -> None:
        """Ativar contrato aguardando ativação, generating its parcelas."""
        months = MonthsDialog.ask(self.page)
        if months is not None:
            self._run(t.ACTIVATE_TITLE, "contracts.activate", generate_months=months)

    def remove_awaiting(self) -> None:
        """Remover instrução de aguardando ativação (active, no parcelas generated)."""
        if ConfirmDialog.ask(self.page, t.REMOVE_AWAITING_TITLE, t.REMOVE_AWAITING_TITLE):
            self._run(t.REMOVE_AWAITING_TITLE, "contracts.remove_awaiting")

    def request_cancel(self) -> None:
        """Solicitar cancelamento: to the Gerenciador de cancelamentos."""
        reason = TextDialog.ask(self.page, t.REQUEST_CANCEL_TITLE, t.REASON)
        if reason is not None:
            self._run(t.REQUEST_CANCEL_TITLE, "contracts.request_cancel", reason=reason)

    def grouping(self) -> None:
        """Gerenciar agrupamentos of the selected contracts."""
        ids = self.page.selected_ids()
        current = self.page.read(lambda: lookups.contract(self.ctx.db.uow(), ids[0]).grouping)
        if current is None:
            return
        name = GroupingDialog.ask(self.page, current)
        if name is not None:
            self._run(t.GROUPING_TITLE, "contracts.grouping", grouping=name)
