"""Imprimir recibo de liquidação over the demo office, on both backends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from contoffice.core.extenso import valor_por_extenso
from contoffice.core.format import format_money
from contoffice.db.models import Invoice, InvoiceEvent, Person, Settlement
from contoffice.db.uow import Database
from contoffice.demo.office import FEATURED_CNPJ, build_demo
from contoffice.errors import NotAllowed
from contoffice.services.kernel import messages
from contoffice.services.kernel.permissions import Actor
from contoffice.services.settlements import receipts, reversals
from contoffice.services.settlements import settle as settlements
from tests.services.billing_support import cash_account
from tests.support.pdftools import PdfTools, require_pdf_tools


@pytest.fixture
def featured(db: Database) -> int:
    build_demo(db, people=40, seed=7)
    with db.uow() as uow:
        return int(uow.session.scalar(select(Person.id).where(Person.document == FEATURED_CNPJ)))


def _invoice(db: Database, status: str, person_id: int | None = None) -> Invoice:
    with db.uow() as uow:
        query = select(Invoice).where(Invoice.status == status, Invoice.direction == "R")
        if person_id is not None:
            query = query.where(Invoice.person_id == person_id)
        row = uow.session.scalars(query.order_by(Invoice.id).limit(1)).one()
        uow.session.expunge(row)
        return row


def _receipt_events(db: Database, invoice_id: int) -> list[str]:
    with db.uow() as uow:
        return list(
            uow.session.scalars(
                select(InvoiceEvent.text)
                .where(InvoiceEvent.invoice_id == invoice_id, InvoiceEvent.kind == "receipt")
                .order_by(InvoiceEvent.id)
            )
        )


def _settle(db: Database, actor: Actor, invoice_id: int, **extra: object) -> None:
    result = settlements.settle_invoices(
        db.uow(),
        actor,
        invoice_ids=[invoice_id],
        method="other",
        settled_on=date.today(),
        justification="pago no balcão",
        **extra,  # type: ignore[arg-type]
    )
    assert result.outcomes[0].done, result.outcomes[0].message


def test_settled_invoice_then_a_second_copy(
    db: Database, actor: Actor, featured: int, tmp_path: Path
) -> None:
    invoice = _invoice(db, "settled", featured)
    out = tmp_path / "recibo.pdf"
    assert receipts.print_receipts(db, actor, [invoice.id], out) == 1
    with db.uow() as uow:
        paid = uow.session.scalars(
            select(Settlement).where(Settlement.invoice_id == invoice.id)
        ).one()
        data = receipts.receipts_for_invoices(uow, actor, [invoice.id])[0]
    assert data.number == f"{invoice.id}-{paid.id}"
    assert data.amount == format_money(paid.amount_cents)
    assert data.amount_words == valor_por_extenso(paid.amount_cents)
    assert data.payer_document == "CNPJ 12.ABC.345/01DE-35"
    assert data.place_date.startswith("São Paulo, ") and data.place_date.endswith(".")
    assert data.issuer_document == "CNPJ 02.558.157/0001-62"
    assert data.copy_label == "2ª via"  # the first print above is in the history
    assert _receipt_events(db, invoice.id) == [f"Recibo nº {data.number} impresso"]
    receipts.print_receipts(db, actor, [invoice.id], tmp_path / "again.pdf")
    assert _receipt_events(db, invoice.id)[-1] == f"Recibo nº {data.number} impresso (2ª via)"
    receipts.print_receipts(db, actor, [invoice.id], tmp_path / "forced.pdf", reprint=False)
    require_pdf_tools()
    tools = PdfTools(tmp_path)
    first, again = tools.text(out), tools.text(tmp_path / "again.pdf")
    assert "2ª via" not in first and "2ª via" in again
    assert "2ª via" not in tools.text(tmp_path / "forced.pdf")
    flat = " ".join(first.split())
    assert valor_por_extenso(paid.amount_cents) in flat
    assert "12.ABC.345/01DE-35" in flat and f"Nº {data.number}" in flat


def test_partial_invoice_receipt_is_of_what_was_paid(
    db: Database, actor: Actor, featured: int
) -> None:
    invoice = _invoice(db, "partial")
    with db.uow() as uow:
        data = receipts.receipts_for_invoices(uow, actor, [invoice.id])[0]
    assert data.amount == format_money(invoice.paid_cents)
    assert invoice.paid_cents < invoice.amount_cents
    balance = format_money(invoice.amount_cents - invoice.paid_cents)
    assert data.note.endswith(f"saldo em aberto: {balance}.")
    assert data.copy_label == ""


def test_two_partial_payments_are_listed_and_summed(
    db: Database, actor: Actor, featured: int
) -> None:
    invoice = _invoice(db, "open", featured)
    _settle(db, actor, invoice.id, value_cents=10_000, partial=True)
    _settle(db, actor, invoice.id, value_cents=2_550, partial=True)
    with db.uow() as uow:
        data = receipts.receipts_for_invoices(uow, actor, [invoice.id])[0]
    assert [p.amount for p in data.payments] == ["R$ 100,00", "R$ 25,50"]
    assert data.amount == "R$ 125,50"
    assert data.amount_words == "cento e vinte e cinco reais e cinquenta centavos"
    assert [p.method for p in data.payments] == ["Outros", "Outros"]


def test_reversed_payment_is_left_out_and_the_number_changes(
    db: Database, actor: Actor, featured: int, tmp_path: Path
) -> None:
    invoice = _invoice(db, "open", featured)
    _settle(db, actor, invoice.id)
    receipts.print_receipts(db, actor, [invoice.id], tmp_path / "a.pdf")
    first = _receipt_events(db, invoice.id)[0]
    back = reversals.reverse_settlements(
        db.uow(),
        actor,
        invoice_ids=[invoice.id],
        cash_account_id=cash_account(db),
        justification="cheque devolvido",
    )
    assert back.outcomes[0].done, back.outcomes[0].message
    with pytest.raises(NotAllowed) as refused:
        receipts.print_receipts(db, actor, [invoice.id], tmp_path / "b.pdf")
    assert str(refused.value) == f"A Fatura {invoice.id} não possui liquidação"
    assert not (tmp_path / "b.pdf").exists()
    _settle(db, actor, invoice.id)
    with db.uow() as uow:
        data = receipts.receipts_for_invoices(uow, actor, [invoice.id])[0]
    assert len(data.payments) == 1 and data.amount == format_money(invoice.amount_cents)
    assert data.copy_label == "" and data.number not in first  # a new payment, a new receipt


def test_open_invoice_is_refused_with_the_exact_message(
    db: Database, actor: Actor, featured: int, tmp_path: Path
) -> None:
    settled, open_ = _invoice(db, "settled"), _invoice(db, "open")
    out = tmp_path / "x.pdf"
    with pytest.raises(NotAllowed) as refused:
        receipts.print_receipts(db, actor, [settled.id, open_.id], out)
    assert str(refused.value) == messages.RECEIPT_NO_SETTLEMENT.format(code=open_.id)
    assert str(refused.value) == f"A Fatura {open_.id} não possui liquidação"
    assert not out.exists()
    assert _receipt_events(db, settled.id) == []  # nothing printed, nothing recorded


def test_permission_is_required(db: Database, actor: Actor, featured: int, tmp_path: Path) -> None:
    settled = _invoice(db, "settled")
    clerk = Actor(actor.id, "x", "X", permissions=frozenset({"invoices.print"}))
    with pytest.raises(NotAllowed) as refused:
        receipts.print_receipts(db, clerk, [settled.id], tmp_path / "x.pdf")
    assert str(refused.value) == (
        'Você não tem permissão para usar a ferramenta "Imprimir recibo de liquidação".'
    )
    allowed = Actor(actor.id, "y", "Y", permissions=frozenset({"invoices.receipt"}))
    assert receipts.print_receipts(db, allowed, [settled.id], tmp_path / "ok.pdf") == 1
