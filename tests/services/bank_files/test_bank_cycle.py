"""A month billed, sent to the bank, answered and imported: every invoice, conta and balance."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from contoffice.core.vocab import (
    ChargeKind,
    InvoiceStatus,
    ReconciliationStatus,
    RemittanceStatus,
    ReturnOutcome,
    SettlementMethod,
)
from contoffice.db.models import (
    BankReturn,
    Charge,
    Invoice,
    InvoiceEvent,
    PaymentProfile,
    Person,
    Settlement,
)
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.bank_files import remittance_states, remittances, returns
from contoffice.services.kernel import messages as km
from contoffice.services.kernel.permissions import Actor
from contoffice.services.panels.client_panel import client_header
from contoffice.services.settlements.reversals import reverse_settlements
from tests.services.bank_files import support as s
from tests.services.billing_support import set_invoice


def _snapshot(db: Database) -> tuple:
    with db.uow() as uow:
        session = uow.session
        return (
            session.scalar(select(func.count()).select_from(Settlement)),
            session.scalar(select(func.count()).select_from(Charge)),
            session.scalar(select(func.count()).select_from(InvoiceEvent)),
            tuple(session.execute(select(Invoice.id, Invoice.status, Invoice.paid_cents,
                                         Invoice.reconciliation_status,
                                         Invoice.remittance_status).order_by(Invoice.id))),
        )


def test_a_month_goes_to_the_bank_and_comes_back(db: Database, actor: Actor) -> None:
    profile_id = s.office(db, 7)
    invoices = s.bill(db, actor)
    assert len(invoices) == 7
    preview = remittances.generate_remittance(db.uow(), actor, profile_id=profile_id,
                                              today=s.TODAY, dry_run=True)
    assert preview.remittance_id is None and preview.titles == 7
    assert all(i.remittance_status == RemittanceStatus.NONE for i in s.bill(db, actor))
    made = remittances.generate_remittance(db.uow(), actor, profile_id=profile_id,
                                           today=s.TODAY)
    assert (made.titles, made.registered, made.written_off) == (7, 7, 0)
    assert made.total_cents == sum(i.amount_cents for i in invoices)
    titles = s.sent(made.content)
    assert [int(t.our_number) for t in titles] == [i.our_number for i in invoices]
    with db.uow() as uow:
        assert uow.get(PaymentProfile, profile_id).next_remittance_number == 2
        states = set(uow.session.scalars(select(Invoice.remittance_status)))
    assert states == {RemittanceStatus.GENERATED}
    # Nothing left to send: the next remittance is refused in the seed's words.
    with pytest.raises(NotAllowed, match="Nenhuma fatura aguarda remessa"):
        remittances.generate_remittance(db.uow(), actor, profile_id=profile_id, today=s.TODAY)
    done = remittance_states.mark_transmitted(db.uow(), actor, remittance_ids=[made.remittance_id])
    assert [o.done for o in done.outcomes] == [True]
    undo = remittance_states.undo_remittances(db.uow(), actor, remittance_ids=[made.remittance_id])
    assert "já foi transmitida" in (undo.outcomes[0].message or "")

    exact, late, short, rejected, written_off, fee_only, unknown = titles
    entries = [
        s.paid(exact, fee=180),
        s.paid(late, interest=1_234, fee=180),
        s.paid(short, value=exact.amount - 10_000, fee=180),
        s.paid(rejected, code="03", value=0),
        s.paid(written_off, code="09", value=0),
        s.paid(fee_only, code="28", value=0, fee=250),
        s.paid(s.Sent("99999", 5_000, unknown.due)),
    ]
    data = s.bank_return(entries)
    before = _snapshot(db)
    dry = returns.import_return(db.uow(), actor, data=data, filename="CN11120A.RET",
                                today=s.TODAY, dry_run=True)
    assert dry.dry_run and dry.counts[ReturnOutcome.SETTLED] == 3
    assert _snapshot(db) == before

    report = returns.import_return(db.uow(), actor, data=data, filename="CN11120A.RET",
                                   today=s.TODAY)
    assert report.counts == {
        ReturnOutcome.SETTLED: 3, ReturnOutcome.REJECTED: 1, ReturnOutcome.WRITTEN_OFF: 1,
        ReturnOutcome.FEE: 1, ReturnOutcome.NOT_FOUND: 1}
    assert report.fee_cents == 3 * 180 + 250
    assert report.settled_cents == exact.amount + late.amount + 1_234 + exact.amount - 10_000
    by_id = {i.id: i for i in invoices}
    with db.uow() as uow:
        now = {i.id: i for i in uow.session.scalars(select(Invoice))}
        paid_exact = now[invoices[0].id]
        assert paid_exact.status == InvoiceStatus.SETTLED
        assert paid_exact.reconciliation_status == ReconciliationStatus.RECONCILED
        assert paid_exact.settled_on == s.paid(exact).credit_date
        settlement = uow.session.scalar(select(Settlement).where(
            Settlement.invoice_id == paid_exact.id))
        assert settlement.method == SettlementMethod.RETURN_FILE
        assert settlement.amount_cents == exact.amount
        # Paid late: the interest is an acréscimo conta, settled with the invoice.
        paid_late = now[invoices[1].id]
        assert paid_late.status == InvoiceStatus.SETTLED
        assert paid_late.amount_cents == by_id[paid_late.id].amount_cents + 1_234
        surcharge = uow.session.scalar(select(Charge).where(
            Charge.invoice_id == paid_late.id, Charge.kind == ChargeKind.SURCHARGE))
        assert surcharge.amount_cents == 1_234 and surcharge.status == "settled"
        # Paid short with no discount from the bank: a partial payment, the rest stays open.
        paid_short = now[invoices[2].id]
        assert paid_short.status == InvoiceStatus.PARTIAL
        assert paid_short.amount_cents - paid_short.paid_cents == (
            by_id[paid_short.id].amount_cents - (exact.amount - 10_000))
        # Rejected: back to awaiting a remittance, the reason in its history.
        refused = now[invoices[3].id]
        assert refused.status == InvoiceStatus.OPEN
        assert refused.remittance_status == RemittanceStatus.NONE
        history = list(uow.session.scalars(select(InvoiceEvent.text).where(
            InvoiceEvent.invoice_id == refused.id)))
        assert any("Rejeitada pelo banco" in h for h in history)
        assert now[invoices[4].id].status == InvoiceStatus.OPEN
        assert any("Baixa confirmada" in h for h in uow.session.scalars(
            select(InvoiceEvent.text).where(InvoiceEvent.invoice_id == invoices[4].id)))
        # The fees: one conta a pagar to the bank, registered as a supplier.
        fee = uow.session.get(Charge, report.fee_charge_id)
        assert fee.direction == "P" and fee.amount_cents == 790
        assert "Itaú" in uow.get(Person, fee.person_id).name
        assert uow.session.scalar(select(func.count()).select_from(BankReturn)) == 1
    # The seed's refusal now fires from real data: the estorno goes through the bank.
    undo_paid = reverse_settlements(db.uow(), actor, invoice_ids=[invoices[0].id],
                                    cash_account_id=1, justification="teste")
    assert undo_paid.outcomes[0].message == km.INVOICE_ALREADY_RECONCILED
    header = client_header(db.uow(), invoices[0].person_id, today=s.TODAY)
    assert header.balances.overdue_count == 0 and header.balances.current_count == 0

    # The same file again changes nothing and says so.
    after = _snapshot(db)
    with pytest.raises(NotAllowed, match="já foi importado"):
        returns.import_return(db.uow(), actor, data=data, filename="copia.ret", today=s.TODAY)
    # The same events in another file (written a day later) are not applied twice.
    other = s.bank_return(entries, on=date(2026, 12, 12))
    assert other != data
    again = returns.import_return(db.uow(), actor, data=other, filename="outro.ret",
                                  today=s.TODAY)
    assert set(again.counts) == {ReturnOutcome.REPEATED} and again.fee_charge_id is None
    snapshot = _snapshot(db)
    assert snapshot[0] == after[0] and snapshot[3] == after[3]


def test_an_invoice_settled_by_hand_is_reconciled_by_the_return(db: Database,
                                                                actor: Actor) -> None:
    profile_id = s.office(db, 1)
    (invoice,) = s.bill(db, actor)
    made = remittances.generate_remittance(db.uow(), actor, profile_id=profile_id, today=s.TODAY)
    set_invoice(db, invoice.id, status=InvoiceStatus.SETTLED, paid_cents=invoice.amount_cents,
                reconciliation_status=ReconciliationStatus.AWAITING, in_spc=False)
    report = returns.import_return(db.uow(), actor, data=s.bank_return(
        [s.paid(s.sent(made.content)[0])]), filename="r.ret", today=s.TODAY)
    assert report.counts == {ReturnOutcome.ALREADY_SETTLED: 1}
    with db.uow() as uow:
        again = uow.get(Invoice, invoice.id)
        assert again.reconciliation_status == ReconciliationStatus.RECONCILED
        assert uow.session.scalar(select(func.count()).select_from(Settlement)) == 0


def test_a_paid_invoice_in_the_spc_is_flagged(db: Database, actor: Actor) -> None:
    profile_id = s.office(db, 1)
    (invoice,) = s.bill(db, actor)
    made = remittances.generate_remittance(db.uow(), actor, profile_id=profile_id, today=s.TODAY)
    set_invoice(db, invoice.id, in_spc=True)
    report = returns.import_return(db.uow(), actor, data=s.bank_return(
        [s.paid(s.sent(made.content)[0])]), filename="r.ret", today=s.TODAY)
    assert report.spc_invoices == (invoice.id,)
    assert "SPC" in report.lines[0].message


def test_undoing_a_remittance_frees_its_invoices_and_keeps_the_number(db: Database,
                                                                      actor: Actor) -> None:
    profile_id = s.office(db, 2)
    invoices = s.bill(db, actor)
    first = remittances.generate_remittance(db.uow(), actor, profile_id=profile_id,
                                            today=s.TODAY)
    result = remittance_states.undo_remittances(db.uow(), actor,
                                                remittance_ids=[first.remittance_id])
    assert [o.done for o in result.outcomes] == [True]
    assert {i.remittance_status for i in s.bill(db, actor)} == {RemittanceStatus.NONE}
    second = remittances.generate_remittance(db.uow(), actor, profile_id=profile_id,
                                             today=s.TODAY)
    assert second.sequence_number == first.sequence_number + 1 and second.titles == 2
    name, content = remittances.remittance_file(db.uow(), actor, first.remittance_id)
    assert content == first.content and name == first.filename
    # A baixa asked for a sent invoice goes in the next file, and only there.
    set_invoice(db, invoices[0].id, baixa_requested=True)
    third = remittances.generate_remittance(db.uow(), actor, profile_id=profile_id,
                                            today=s.TODAY)
    assert (third.titles, third.written_off) == (1, 1)


def test_bad_files_are_refused_with_their_line_and_apply_nothing(db: Database,
                                                                 actor: Actor) -> None:
    profile_id = s.office(db, 2)
    s.bill(db, actor)
    made = remittances.generate_remittance(db.uow(), actor, profile_id=profile_id, today=s.TODAY)
    good = s.bank_return([s.paid(t) for t in s.sent(made.content)])
    lines = good.split(b"\r\n")
    before = _snapshot(db)
    cases = {
        "truncated": b"\r\n".join(lines[:-2]),
        "wide": good.replace(lines[1], lines[1] + b"X"),
        "letters in an amount": good.replace(lines[1], lines[1][:260] + b"ABCDEF" + lines[1][266:]),
        "a remittance": made.content,
        "empty": b"",
    }
    for name, data in cases.items():
        with pytest.raises(InvalidInput, match="Nada foi importado") as refused:
            returns.import_return(db.uow(), actor, data=data, filename=f"{name}.ret",
                                  today=s.TODAY)
        assert "linha" in str(refused.value) or name in ("a remittance", "empty"), name
    assert _snapshot(db) == before
    with db.uow() as uow:
        uow.get(PaymentProfile, profile_id).account = "99999"
        uow.commit()
    with pytest.raises(NotAllowed, match="Nada foi importado"):
        returns.import_return(db.uow(), actor, data=good, filename="outro.ret", today=s.TODAY)
    assert _snapshot(db) == before


def test_the_seeds_bank_refusals_fire_from_real_files(db: Database, actor: Actor) -> None:
    from contoffice.services.billing.charges import edit_charges
    from contoffice.services.invoices.actions import request_baixa
    from contoffice.services.invoices.alteration import alter_description

    profile_id = s.office(db, 2)
    paid, asked = s.bill(db, actor)
    made = remittances.generate_remittance(db.uow(), actor, profile_id=profile_id, today=s.TODAY)
    first = s.sent(made.content)[0]
    returns.import_return(db.uow(), actor, data=s.bank_return(
        [s.paid(first, value=first.amount - 1_000)]), filename="r.ret", today=s.TODAY)
    # A conta (still open) of an invoice the bank's return paid in part and reconciled.
    with db.uow() as uow:
        charge_id = uow.session.scalar(select(Charge.id).where(Charge.invoice_id == paid.id))
    edited = edit_charges(db.uow(), actor, charge_ids=[charge_id], description="outra")
    assert edited.outcomes[0].message == km.CHARGE_EDIT_RECONCILED
    # A baixa asked for a boleto the bank has: it awaits the remittance that sends it.
    request_baixa(db.uow(), actor, invoice_ids=[asked.id])
    altered = alter_description(db.uow(), actor, invoice_ids=[asked.id], description="nova",
                                justification="teste")
    assert altered.outcomes[0].message == km.INVOICE_AWAITS_REMITTANCE
