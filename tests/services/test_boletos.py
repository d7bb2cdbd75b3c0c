"""Printing demo invoices: the PDF's barcodes decode to the computed codes; refusals."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from contoffice.db.models import Invoice, PaymentProfile, Person
from contoffice.db.uow import Database
from contoffice.demo.office import FEATURED_CNPJ, build_demo
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.boletos import printing as boletos
from contoffice.services.kernel.permissions import Actor
from tests.support.pdftools import PdfTools, require_pdf_tools


@pytest.fixture
def open_invoices(db: Database) -> list[int]:
    build_demo(db, people=60, seed=11)
    with db.uow() as uow:
        padaria = uow.session.scalar(select(Person.id).where(Person.document == FEATURED_CNPJ))
        return list(
            uow.session.scalars(
                select(Invoice.id)
                .where(Invoice.person_id == padaria, Invoice.status == "open")
                .order_by(Invoice.due_date)
            )
        )


def test_boleto_and_carne_scan(
    db: Database, actor: Actor, open_invoices: list[int], tmp_path: Path
) -> None:
    require_pdf_tools()
    tools = PdfTools(tmp_path)
    with db.uow() as uow:
        slips = boletos.slips_for_invoices(uow, open_invoices)
    single = tmp_path / "boleto.pdf"
    assert boletos.print_invoices(db, actor, open_invoices[:1], single) == 1
    assert tools.decode(tools.pages(single)[0], "i25") == [slips[0].barcode]
    assert slips[0].digitable_line_formatted in tools.text(single)
    qr = tools.decode(tools.pages(single)[0], "qrcode")
    assert qr == [slips[0].pix_payload]
    carne = tmp_path / "carne.pdf"
    boletos.print_invoices(db, actor, open_invoices, carne)
    decoded = [code for page in tools.pages(carne) for code in tools.decode(page, "i25")]
    assert sorted(decoded) == sorted(s.barcode for s in slips)
    text = tools.text(carne)
    # Monthly fees are no installment plan: each stub says its competência, not "Parcela".
    assert "Parcela" not in text and "Competência" in text


def test_an_installment_plan_prints_its_parcelas(
    db: Database, actor: Actor, open_invoices: list[int], tmp_path: Path
) -> None:
    from datetime import date

    from contoffice.services.billing import charge_billing, charges

    with db.uow() as uow:
        person = uow.session.scalar(select(Invoice.person_id).where(
            Invoice.id == open_invoices[0]))
        profile = uow.session.scalar(select(PaymentProfile.id).where(
            PaymentProfile.active.is_(True)).limit(1))
    ids = charges.insert_charges(db.uow(), actor, data=charges.ChargeInput(
        person_id=person, description="Parcelamento de IRPJ", amount_cents=50_000,
        due_date=date.today().replace(day=1), installment=1, replications=2,
        interval_months=1, payment_profile_id=profile))
    billed = charge_billing.bill_charges(db.uow(), actor, charge_ids=ids, method="per_charge",
                                         payment_profile_id=profile)
    invoices = [o.new_id for o in billed.outcomes]
    carne = tmp_path / "parcelas.pdf"
    boletos.print_invoices(db, actor, invoices, carne)
    text = PdfTools(tmp_path).text(carne)
    assert all(f"Parcela {n:02d}/03" in text for n in (1, 2, 3)), text


def test_settled_and_removed_invoices_are_refused(
    db: Database, actor: Actor, open_invoices: list[int], tmp_path: Path
) -> None:
    with db.uow() as uow:
        settled = uow.session.scalar(select(Invoice.id).where(Invoice.status == "settled"))
        removed = uow.session.scalar(select(Invoice.id).where(Invoice.status == "removed"))
    out = tmp_path / "x.pdf"
    with pytest.raises(NotAllowed, match=f"A Fatura {settled} já está liquidada"):
        boletos.print_invoices(db, actor, [settled], out)
    with pytest.raises(NotAllowed, match=f"A fatura {removed} está com status de excluída"):
        boletos.print_invoices(db, actor, [removed], out)
    assert not out.exists()


def test_profile_with_missing_data_names_the_field(
    db: Database, actor: Actor, open_invoices: list[int], tmp_path: Path
) -> None:
    with db.uow() as uow:
        invoice = uow.get(Invoice, open_invoices[0])
        profile = uow.get(PaymentProfile, invoice.payment_profile_id)
        profile.agreement = ""
        profile.agency = ""
        uow.commit()
    out = tmp_path / "x.pdf"
    with pytest.raises(InvalidInput) as raised:
        boletos.print_invoices(db, actor, open_invoices[:1], out)
    assert raised.value.field and raised.value.field in str(raised.value)
    assert not out.exists()


def test_printing_needs_the_permission(
    db: Database, open_invoices: list[int], tmp_path: Path
) -> None:
    clerk = Actor(id=1, login="x", name="X")
    with pytest.raises(NotAllowed, match="Imprimir Fatura"):
        boletos.print_invoices(db, replace(clerk), open_invoices[:1], tmp_path / "x.pdf")


def test_a_hybrid_boleto_prints_the_banks_pix_payload(db: Database, actor: Actor,
                                                      open_invoices: list[int],
                                                      tmp_path: Path) -> None:
    from tests.reports.samples import PIX as BB_HYBRID_PIX

    require_pdf_tools()
    with db.uow() as uow:
        boletos.record_bank_pix(uow, actor, open_invoices[0], BB_HYBRID_PIX)
    out = tmp_path / "hybrid.pdf"
    boletos.print_invoices(db, actor, open_invoices[:1], out)
    tools = PdfTools(tmp_path)
    assert tools.decode(tools.pages(out)[0], "qrcode") == [BB_HYBRID_PIX]
    with db.uow() as uow, pytest.raises(InvalidInput, match="CRC"):
        boletos.record_bank_pix(uow, actor, open_invoices[0], BB_HYBRID_PIX[:-4] + "0000")
