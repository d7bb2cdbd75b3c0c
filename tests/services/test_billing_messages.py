"""One test per seed message (features.md §1.E–§1.H): exact text, and the service says it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from contoffice.db.models import Charge, PaymentProfile
from contoffice.db.uow import Database
from contoffice.errors import NeedsConfirmation
from contoffice.services.billing import charges, fees
from contoffice.services.billing import run as billing_run
from contoffice.services.invoices import actions as invoices
from contoffice.services.invoices import alteration as invoice_changes
from contoffice.services.invoices import payables
from contoffice.services.kernel import messages
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.results import BatchResult
from contoffice.services.settlements import settle as settlements
from tests.services.billing_support import (
    TODAY,
    charges_of,
    invoices_of,
    make_contract,
    make_person,
    make_profile,
    set_invoice,
)

EXPECTED = {
    "CHARGE_NOT_YET_BILLED": "A Conta {code} ainda não foi faturada",
    "INVOICE_ALREADY_SETTLED": "A Fatura {code} já está liquidada",
    "INVOICE_REMOVED_STATUS": "A fatura {code} está com status de excluída",
    "INVOICE_REMOVED_STATUS_CAP": "A Fatura {code} está com status de excluída",
    "INVOICE_REMITTANCE_TRANSMITTED": "A fatura {code} está com remessa transmitida",
    "INVOICE_HAS_FISCAL_DOCUMENTS": "A fatura {code} já possui documentos fiscais gerados.",
    "INVOICE_AWAITS_RECONCILIATION": "Fatura aguarda conciliação na profile",
    "INVOICE_PROFILE_SCHEDULE_SUSPENDED": "Fatura com programação suspensa na profile",
    "INVOICE_ALREADY_RECONCILED": "Fatura já conciliada",
    "INVOICE_HAS_PARTIAL_SETTLEMENTS": "Esta fatura possui liquidações parciais",
    "INVOICE_AWAITS_FISCAL_DOCUMENTS":
        "Esta fatura aguarda efetivação de geração de documentos fiscais",
    "INVOICE_AWAITS_REMITTANCE": "Esta fatura aguarda efetivação de remessa",
    "SUSPEND_REMITTANCE_WARNING":
        "ATENÇÃO: Suspensão autorizada, porém essa fatura já tem remessa gerada.",
    "INVOICE_ALREADY_SUSPENDED": "A fatura {code} já está com o status de suspenso.",
    "INVOICE_AWAITS_PROFILE_CHANGE": "Esta fatura aguarda efetivação de alteração de profile.",
    "INVOICE_HAS_FISCAL_DOCUMENTS_ALTER": "A Fatura já possui documentos fiscais gerados",
    "INVOICE_REMITTANCE_TRANSMITTED_ALTER": "A Fatura está com remessa transmitida",
    "INVOICE_PARTIAL_ALTER": "A fatura está com liquidação parcial",
    "CHARGE_EDIT_SETTLED": "ERRO! Você não pode efetuar alterações em contas liquidadas.",
    "CHARGE_EDIT_FROZEN": "ERRO! Essa conta não pode mais sofrer nenhum tipo de alteração.",
    "CHARGE_EDIT_RECONCILED":
        "ERRO! Essa conta está associada a movimento bancário já conciliado.",
    "CHARGE_EDIT_IN_INVOICE_CONFIRM":
        "ERRO! Essa conta participa de uma fatura. Confirme seu interesse.",
    "CHARGE_EDIT_PENDING_BILLING": "ERRO! Esta conta está vinculada a um faturamento pendente "
                                   "cód. {code} e não pode ser alterada.",
    "CHARGE_EDIT_CONTRACT_COMPOSITION":
        "ERRO! Contas de contrato, não podem utilizar nenhuma plano de composição avulso.",
    "CHARGE_ALREADY_SETTLED": "A Conta {code} já está liquidada",
    "CHARGE_IN_INVOICE": "A Conta {code} faz parte de uma fatura",
    "CHARGE_AWAITS_BILLING": "A Conta {code} aguarda efetivação de faturamento.",
    "CHARGE_HAS_PARTIAL_PAYMENT": "Esta Conta possui pagamento parcial.",
    "CHARGE_SUSPEND_AWAITS_BILLING": "Esta conta aguarda efetivação de faturamento",
    "CHARGE_ALREADY_SUSPENDED": "A Conta {code} já está com o status de suspenso.",
    "CHARGE_SUSPEND_IN_INVOICE": "Esta conta já faz parte de uma fatura",
    "CHARGE_NOT_SUSPENDED": "A Conta {code} não está mais suspensa",
    "PAYABLE_BILLED_WARNING": "ATENÇÃO! Esta conta já está faturada e não pode sofrer "
                              "alteração de valor ou vencimento.",
    "PAYABLE_EDIT_IN_INVOICE":
        "ERRO! Essa conta participa de uma fatura. Impossível efetuar a alteração.",
}


class Office:
    """A client with 12 months of fees generated and November 2026 billed."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self.db, self.actor = db, actor
        self.person = make_person(db)
        self.profile = make_profile(db)
        self.contract = make_contract(db, actor, self.person, self.profile)
        fees.generate_fees(db.uow(), actor, person_ids=[self.person], start="2026-11", times=12)
        billing_run.run_billing(db, actor, competence="2026-11", today=TODAY)
        self.invoice = invoices_of(db, self.person)[0].id
        self.charge = next(c.id for c in charges_of(db, self.person) if c.invoice_id)
        self.unbilled = next(c.id for c in charges_of(db, self.person) if not c.invoice_id)

    def uow(self):
        return self.db.uow()

    def settle(self, *, value: int | None = None, partial: bool = False) -> BatchResult:
        return settlements.settle_invoices(
            self.uow(), self.actor, invoice_ids=[self.invoice], method="other",
            settled_on=TODAY, justification="pago", value_cents=value, partial=partial,
            today=TODAY)

    def remove(self) -> BatchResult:
        return invoices.remove_invoices(self.uow(), self.actor, invoice_ids=[self.invoice],
                                        reason="duplicada")

    def suspend(self) -> BatchResult:
        return invoices.suspend_invoices(self.uow(), self.actor, invoice_ids=[self.invoice],
                                         reason="Pedido do cliente")

    def alter(self) -> BatchResult:
        return invoice_changes.alter_description(
            self.uow(), self.actor, invoice_ids=[self.invoice], description="Nova",
            justification="pedido do cliente")

    def pending_run(self) -> int:
        """A run opened and killed before billing: December's fee awaits it."""
        with self.uow() as uow:
            competence = uow.get(Charge, self.unbilled).competence
        run_id, _ = billing_run._open_run(self.db, self.actor, competence)
        return run_id

    def edit(self, charge_id: int, **values: object) -> BatchResult:
        return charges.edit_charges(self.uow(), self.actor, charge_ids=[charge_id],
                                    today=TODAY, **values)  # type: ignore[arg-type]

    def remove_charge(self, charge_id: int) -> BatchResult:
        return charges.remove_charges(self.uow(), self.actor, charge_ids=[charge_id],
                                      notes="lançada por engano")

    def suspend_charge(self, charge_id: int) -> BatchResult:
        return charges.suspend_charges(self.uow(), self.actor, charge_ids=[charge_id],
                                       reason="Pedido do cliente")

    def payable_in_invoice(self) -> int:
        data = charges.ChargeInput(person_id=self.person, description="Aluguel da sala",
                                   amount_cents=150_000, due_date=date(2026, 12, 5))
        charge_id = payables.insert_payable(self.uow(), self.actor, data=data, today=TODAY)[0]
        from contoffice.services.billing import charge_billing

        charge_billing.bill_charges(self.uow(), self.actor, charge_ids=[charge_id],
                                    method="per_charge", today=TODAY)
        return charge_id


def _refusal(result: BatchResult) -> str:
    assert len(result.outcomes) == 1
    outcome = result.outcomes[0]
    assert not outcome.done, outcome
    return outcome.message or ""


def _remove_with(**state: object) -> Callable[[Office], str]:
    def scenario(o: Office) -> str:
        set_invoice(o.db, o.invoice, **state)
        return _refusal(o.remove())
    return scenario


def _alter_with(**state: object) -> Callable[[Office], str]:
    def scenario(o: Office) -> str:
        set_invoice(o.db, o.invoice, **state)
        return _refusal(o.alter())
    return scenario


def _pending_remove_invoice(o: Office) -> str:
    with o.uow() as uow:  # the invoice's conta belongs to a run that has not finished
        run_id = o.pending_run()
        uow.get(Charge, o.charge).billing_run_id = run_id
        uow.commit()
    return _refusal(o.remove())


def _inactive_profile(o: Office) -> str:
    with o.uow() as uow:
        uow.get(PaymentProfile, o.profile).active = False
        uow.commit()
    return _refusal(o.remove())


def _partial_then(action: Callable[[Office], BatchResult]) -> Callable[[Office], str]:
    def scenario(o: Office) -> str:
        assert o.settle(value=30_000, partial=True).outcomes[0].done
        return _refusal(action(o))
    return scenario


def _settled_then(action: Callable[[Office], BatchResult]) -> Callable[[Office], str]:
    def scenario(o: Office) -> str:
        assert o.settle().outcomes[0].done
        return _refusal(action(o))
    return scenario


def _twice(action: Callable[[Office], BatchResult]) -> Callable[[Office], str]:
    def scenario(o: Office) -> str:
        assert action(o).outcomes[0].done
        return _refusal(action(o))
    return scenario


def _suspend_warning(o: Office) -> str:
    set_invoice(o.db, o.invoice, remittance_status="generated")
    outcome = o.suspend().outcomes[0]
    assert outcome.done
    return outcome.warning or ""


def _needs_confirmation(o: Office) -> str:
    with pytest.raises(NeedsConfirmation) as caught:
        o.edit(o.charge, description="Honorários revistos")
    done = charges.edit_charges(o.uow(), o.actor, charge_ids=[o.charge], amount_cents=99_000,
                                confirmed=frozenset({charges.IN_INVOICE_KEY}), today=TODAY)
    assert done.outcomes[0].done and done.outcomes[0].new_id  # value changed: reissued
    return caught.value.message


def _edit_removed(o: Office) -> str:
    assert o.remove_charge(o.unbilled).outcomes[0].done
    return _refusal(o.edit(o.unbilled, description="x"))


def _pending(action: Callable[[Office], BatchResult]) -> Callable[[Office], str]:
    def scenario(o: Office) -> str:
        o.pending_run()
        return _refusal(action(o))
    return scenario


def _unsuspend_open(o: Office) -> str:
    return _refusal(charges.unsuspend_charges(o.uow(), o.actor, charge_ids=[o.unbilled]))


def _payable_warning(o: Office) -> str:
    return payables.payable_charge_warning(o.uow(), o.payable_in_invoice()) or ""


def _payable_edit(o: Office) -> str:
    charge_id = o.payable_in_invoice()
    return _refusal(payables.edit_payable_charges(o.uow(), o.actor, charge_ids=[charge_id],
                                                  due_date=date(2026, 12, 20)))


SCENARIOS: dict[str, Callable[[Office], str]] = {
    "CHARGE_NOT_YET_BILLED": _pending_remove_invoice,
    "INVOICE_ALREADY_SETTLED": _settled_then(Office.remove),
    "INVOICE_REMOVED_STATUS": _twice(Office.remove),
    "INVOICE_REMOVED_STATUS_CAP": lambda o: (o.remove(), _refusal(o.suspend()))[1],
    "INVOICE_REMITTANCE_TRANSMITTED": _remove_with(remittance_status="transmitted"),
    "INVOICE_HAS_FISCAL_DOCUMENTS": _remove_with(fiscal_status="issued"),
    "INVOICE_AWAITS_RECONCILIATION": _remove_with(reconciliation_status="awaiting"),
    "INVOICE_PROFILE_SCHEDULE_SUSPENDED": _inactive_profile,
    "INVOICE_ALREADY_RECONCILED": _remove_with(reconciliation_status="reconciled"),
    "INVOICE_HAS_PARTIAL_SETTLEMENTS": _partial_then(Office.remove),
    "INVOICE_AWAITS_FISCAL_DOCUMENTS": _remove_with(fiscal_status="pending"),
    "INVOICE_AWAITS_REMITTANCE": _remove_with(remittance_status="pending"),
    "SUSPEND_REMITTANCE_WARNING": _suspend_warning,
    "INVOICE_ALREADY_SUSPENDED": _twice(Office.suspend),
    "INVOICE_AWAITS_PROFILE_CHANGE": _alter_with(profile_change_pending=True),
    "INVOICE_HAS_FISCAL_DOCUMENTS_ALTER": _alter_with(fiscal_status="issued"),
    "INVOICE_REMITTANCE_TRANSMITTED_ALTER": _alter_with(remittance_status="transmitted"),
    "INVOICE_PARTIAL_ALTER": _partial_then(Office.alter),
    "CHARGE_EDIT_SETTLED": _settled_then(lambda o: o.edit(o.charge, description="x")),
    "CHARGE_EDIT_FROZEN": _edit_removed,
    "CHARGE_EDIT_RECONCILED": lambda o: (
        set_invoice(o.db, o.invoice, reconciliation_status="reconciled"),
        _refusal(o.edit(o.charge, description="x")))[1],
    "CHARGE_EDIT_IN_INVOICE_CONFIRM": _needs_confirmation,
    "CHARGE_EDIT_PENDING_BILLING": _pending(lambda o: o.edit(o.unbilled, description="x")),
    "CHARGE_EDIT_CONTRACT_COMPOSITION": lambda o: _refusal(o.edit(o.unbilled,
                                                                  composition="Serviços")),
    "CHARGE_ALREADY_SETTLED": _settled_then(lambda o: o.remove_charge(o.charge)),
    "CHARGE_IN_INVOICE": lambda o: _refusal(o.remove_charge(o.charge)),
    "CHARGE_AWAITS_BILLING": _pending(lambda o: o.remove_charge(o.unbilled)),
    "CHARGE_HAS_PARTIAL_PAYMENT": _partial_then(lambda o: o.remove_charge(o.charge)),
    "CHARGE_SUSPEND_AWAITS_BILLING": _pending(lambda o: o.suspend_charge(o.unbilled)),
    "CHARGE_ALREADY_SUSPENDED": _twice(lambda o: o.suspend_charge(o.unbilled)),
    "CHARGE_SUSPEND_IN_INVOICE": lambda o: _refusal(o.suspend_charge(o.charge)),
    "CHARGE_NOT_SUSPENDED": _unsuspend_open,
    "PAYABLE_BILLED_WARNING": _payable_warning,
    "PAYABLE_EDIT_IN_INVOICE": _payable_edit,
}


def test_catalogue_lists_every_seed_message() -> None:
    assert set(messages.SEED_MESSAGE_IDS) == set(EXPECTED) == set(SCENARIOS)


@pytest.mark.parametrize("message_id", sorted(EXPECTED))
def test_seed_message(message_id: str, db: Database, actor: Actor) -> None:
    template = getattr(messages, message_id)
    assert template == EXPECTED[message_id]
    office = Office(db, actor)
    produced = SCENARIOS[message_id](office)
    codes = {"invoice": office.invoice, "charge": office.charge, "unbilled": office.unbilled}
    if "{code}" not in template:
        assert produced == template
    else:
        assert produced in {template.format(code=c) for c in (*codes.values(), *range(1, 5))}
