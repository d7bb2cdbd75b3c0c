"""A clerk's month (issue 4 "Done when"), with the header balances after every step."""

from __future__ import annotations

from datetime import date

from contoffice.db.queries.balances import client_balances
from contoffice.db.uow import Database
from contoffice.services.billing import fees
from contoffice.services.billing import run as billing_run
from contoffice.services.contracts import records as contracts
from contoffice.services.invoices import actions as invoices
from contoffice.services.invoices import alteration as invoice_changes
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people import records as people
from contoffice.services.settlements import reversals
from contoffice.services.settlements import settle as settlements
from tests.services.billing_support import TODAY, cash_account, invoices_of, make_profile

REISSUE = frozenset({"invoice.reissue"})


def _header(db: Database, person: int) -> tuple[int, int, int, int, tuple[int, ...], int]:
    b = client_balances(db.uow(), person, TODAY)
    return (b.overdue_cents, b.overdue_count, b.current_cents, b.current_count, b.aging_cents,
            b.paid_12_months_cents)


def test_clerk_month(db: Database, actor: Actor) -> None:
    profile = make_profile(db)
    with db.uow() as uow:
        person = people.create_person(uow, actor, people.PersonInput(
            kind="PJ", name="Padaria Pão Quente Ltda", document="12ABC34501DE35"),
            today=date(2026, 7, 1))
    contract = contracts.create_contract(db.uow(), actor, data=contracts.ContractInput(
        person_id=person, plan="Simples Nacional — Completo", fee_cents=93_500,
        starts_on=date(2026, 8, 1), due_day=10, payment_profile_id=profile))
    assert _header(db, person) == (0, 0, 0, 0, (0, 0, 0, 0), 0)

    generated = fees.generate_fees(db.uow(), actor, person_ids=[person], start="2026-08",
                                   times=12)
    assert generated.outcomes[0].done
    last = fees.last_scheduled_fees(db.uow(), [person])[person]
    assert (last.competence, last.due_date) == (date(2027, 7, 1), date(2027, 8, 10))
    assert _header(db, person) == (0, 0, 0, 0, (0, 0, 0, 0), 0)  # contas, not invoices yet

    for month in ("2026-08", "2026-09", "2026-10", "2026-11"):
        run = billing_run.run_billing(db, actor, competence=month, today=TODAY)
        assert (run.invoices_created, run.charges_created, run.refused) == (1, 0, [])
    aug, sep, oct_, nov = invoices_of(db, person)
    assert [i.due_date for i in (aug, sep, oct_, nov)] == [
        date(2026, 9, 10), date(2026, 10, 13), date(2026, 11, 10), date(2026, 12, 10)]
    assert all(i.contract_id == contract for i in (aug, sep, oct_, nov))
    assert _header(db, person) == (280_500, 3, 93_500, 1, (93_500, 93_500, 93_500, 0), 0)

    def settle(invoice_id: int, value: int | None = None, partial: bool = False) -> None:
        result = settlements.settle_invoices(
            db.uow(), actor, invoice_ids=[invoice_id], method="other", settled_on=TODAY,
            justification="pago no balcão", value_cents=value, partial=partial, today=TODAY)
        assert result.outcomes[0].done, result.outcomes[0]

    settle(aug.id)
    assert _header(db, person) == (187_000, 2, 93_500, 1, (93_500, 93_500, 0, 0), 93_500)
    settle(sep.id, 30_000, partial=True)
    assert _header(db, person) == (157_000, 2, 93_500, 1, (93_500, 63_500, 0, 0), 123_500)
    settle(oct_.id, 100_000)  # over-payment: a conta de acréscimo of 65,00
    assert _header(db, person) == (63_500, 1, 93_500, 1, (0, 63_500, 0, 0), 223_500)
    assert invoices_of(db, person)[2].amount_cents == 100_000

    reversed_ = reversals.reverse_settlements(
        db.uow(), actor, invoice_ids=[oct_.id], cash_account_id=cash_account(db),
        justification="cheque devolvido", today=TODAY)
    assert reversed_.outcomes[0].done
    assert invoices_of(db, person)[2].amount_cents == 93_500  # the acréscimo went with it
    assert _header(db, person) == (157_000, 2, 93_500, 1, (93_500, 63_500, 0, 0), 123_500)

    altered = invoice_changes.alter_due_date(
        db.uow(), actor, invoice_ids=[oct_.id], due_date=date(2026, 12, 15),
        surcharge_cents=1_870, justification="pedido do cliente", confirmed=REISSUE,
        today=TODAY)
    new_id = altered.outcomes[0].new_id
    assert new_id is not None
    old, new = (i for i in invoices_of(db, person) if i.id in (oct_.id, new_id))
    assert old.status == "removed" and old.replaced_by_id == new.id == new_id
    assert new.replaces_id == old.id and new.our_number != old.our_number
    assert new.amount_cents == 95_370 and new.due_date == date(2026, 12, 15)
    assert _header(db, person) == (63_500, 1, 188_870, 2, (0, 63_500, 0, 0), 123_500)

    removed = invoices.remove_invoices(db.uow(), actor, invoice_ids=[nov.id],
                                       reason="cobrança em duplicidade")
    assert removed.outcomes[0].done
    assert _header(db, person) == (63_500, 1, 95_370, 1, (0, 63_500, 0, 0), 123_500)

    commented = invoices.comment_invoices(
        db.uow(), actor, invoice_ids=[nov.id], text="Cliente avisado por telefone",
        confirmed=frozenset({"invoice.comment"}))
    assert commented.outcomes[0].done
    history = invoices.invoice_history(db.uow(), nov.id)
    assert [h.kind for h in history][-2:] == ["removed", "comment"]
    assert history[-1].text == f"Comentário de {actor.name}: Cliente avisado por telefone"
    assert _header(db, person) == (63_500, 1, 95_370, 1, (0, 63_500, 0, 0), 123_500)
