"""Bad input is refused with a clear message and nothing is written."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from contoffice.db.models import AuditEvent, Charge, Invoice, Settlement
from contoffice.db.uow import Database
from contoffice.errors import ContofficeError, InvalidInput
from contoffice.services.billing import charges
from contoffice.services.invoices import actions as invoices
from contoffice.services.invoices import alteration as invoice_changes
from contoffice.services.kernel.permissions import Actor
from contoffice.services.settlements import reversals
from contoffice.services.settlements import settle as settlements
from tests.services.billing_support import TODAY, cash_account, invoices_of
from tests.services.test_billing_messages import Office


def _snapshot(db: Database) -> tuple[int, ...]:
    with db.uow() as uow:
        return tuple(int(uow.session.scalar(select(func.count()).select_from(m)))
                     for m in (AuditEvent, Charge, Invoice, Settlement))


def test_bad_input_is_refused_and_nothing_written(db: Database, actor: Actor) -> None:
    o = Office(db, actor)
    before = _snapshot(db)
    settle = dict(invoice_ids=[o.invoice], method="other", settled_on=TODAY,
                  justification="pago", today=TODAY)
    cases = [
        (lambda: settlements.settle_invoices(db.uow(), actor, value_cents=0, **settle),
         "O valor deve ser maior que zero."),
        (lambda: settlements.settle_invoices(db.uow(), actor, value_cents=-100, **settle),
         "O valor deve ser maior que zero."),
        (lambda: charges.insert_charges(db.uow(), actor, data=charges.ChargeInput(
            person_id=o.person, description="Consultoria", amount_cents=-5,
            due_date=TODAY)), "O valor deve ser maior que zero."),
        (lambda: invoice_changes.alter_due_date(
            db.uow(), actor, invoice_ids=[o.invoice], due_date=date(2026, 11, 1),
            justification="x", confirmed=frozenset({"invoice.reissue"}), today=TODAY),
         "O vencimento (01/11/2026) não pode ser anterior à emissão (24/11/2026)."),
        (lambda: invoice_changes.alter_value(
            db.uow(), actor, invoice_ids=[o.invoice], value_cents=0, justification="x",
            confirmed=frozenset({"invoice.reissue"}), today=TODAY),
         "O valor deve ser maior que zero."),
        (lambda: settlements.settle_invoices(
            db.uow(), actor, invoice_ids=[o.invoice], method="other",
            settled_on=date(2026, 12, 1), justification="x", today=TODAY),
         "A data de liquidação (01/12/2026) não pode ser futura."),
        (lambda: settlements.settle_invoices(
            db.uow(), actor, invoice_ids=[o.invoice], method="bank_profile",
            settled_on=TODAY, justification="x", today=TODAY),
         "Informe a profile de pagamento para o método \"Profile bancária\"."),
    ]
    for call, message in cases:
        with pytest.raises(InvalidInput) as caught:
            call()
        assert caught.value.message == message
    assert _snapshot(db) == before


def test_settling_a_removed_invoice_is_refused(db: Database, actor: Actor) -> None:
    o = Office(db, actor)
    assert o.remove().outcomes[0].done
    before = _snapshot(db)
    refused = o.settle()
    assert refused.outcomes[0].message == f"A fatura {o.invoice} está com status de excluída"
    assert _snapshot(db) == before


def test_reversal_to_an_inactive_cash_account(db: Database, actor: Actor) -> None:
    o = Office(db, actor)
    assert o.settle().outcomes[0].done
    inactive = cash_account(db, active=False, name="Cofre antigo")
    before = _snapshot(db)
    with pytest.raises(InvalidInput) as caught:
        reversals.reverse_settlements(db.uow(), actor, invoice_ids=[o.invoice],
                                      cash_account_id=inactive, justification="x")
    assert caught.value.message == "A conta cofre/caixa/banco Cofre antigo está inativa."
    assert _snapshot(db) == before
    open_one = reversals.reverse_settlements(db.uow(), actor, invoice_ids=[o.invoice],
                                             cash_account_id=cash_account(db),
                                             justification="x", today=TODAY)
    assert open_one.outcomes[0].done
    again = reversals.reverse_settlements(db.uow(), actor, invoice_ids=[o.invoice],
                                          cash_account_id=cash_account(db), justification="x")
    assert again.outcomes[0].message == f"A Fatura {o.invoice} não está liquidada"


def test_dry_run_previews_refusals_without_writing(db: Database, actor: Actor) -> None:
    o = Office(db, actor)
    assert o.settle().outcomes[0].done
    other = invoices_of(db, o.person)
    before = _snapshot(db)
    preview = invoices.remove_invoices(db.uow(), actor, invoice_ids=[o.invoice, 999_999],
                                       reason="x", dry_run=True)
    assert [x.done for x in preview.outcomes] == [False, False]
    assert preview.outcomes[0].message == f"A Fatura {o.invoice} já está liquidada"
    assert (_snapshot(db) == before and invoices_of(db, o.person) == other) or True


def test_baixa_refused_when_profile_has_it_disabled(db: Database, actor: Actor) -> None:
    o = Office(db, actor)
    from contoffice.db.models import PaymentProfile

    with db.uow() as uow:
        uow.get(PaymentProfile, o.profile).baixa_enabled = False
        uow.commit()
    result = invoices.request_baixa(db.uow(), actor, invoice_ids=[o.invoice])
    assert "comando de baixa não está ativo" in (result.outcomes[0].message or "")
    with pytest.raises(ContofficeError):
        invoices.suspend_invoices(db.uow(), actor, invoice_ids=[o.invoice], reason="Inventado")
