"""The declaration's PDF read back: both parties, the year, the law's statement, the amounts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import update

from contoffice.db.models import Person
from contoffice.db.uow import Database
from contoffice.services.clearances import document, issue
from contoffice.services.kernel.permissions import Actor
from tests.services.billing_support import make_person, make_profile
from tests.services.clearance_support import YEAR, configure_office, pay, year_of_invoices
from tests.support.pdftools import PdfTools, require_pdf_tools


def test_the_pdf_says_who_which_year_what_and_how_much(
        db: Database, actor: Actor, tmp_path: Path) -> None:
    require_pdf_tools()
    configure_office(db, actor)
    person = make_person(db, "Maria Aparecida dos Santos")
    with db.uow() as uow:
        uow.session.execute(update(Person).where(Person.id == person).values(
            kind="PF", document="52998224725"))
        uow.commit()
    invoices = year_of_invoices(db, actor, person, make_profile(db), months=(1, 12),
                                cents=123_456)
    pay(db, actor, invoices, date(YEAR, 12, 15))
    new_id = issue.generate(db.uow(), actor, person_id=person, year=YEAR)
    out = tmp_path / "negativa.pdf"
    assert document.write_pdf(db, actor, new_id, out) == f"negativa-{YEAR}-{person}.pdf"
    text = " ".join(PdfTools(tmp_path).text(out).split())
    assert "DECLARAÇÃO ANUAL DE QUITAÇÃO DE DÉBITOS" in text
    assert "Lima Contábil" in text and "CNPJ 02.558.157/0001-62" in text
    assert "Maria Aparecida dos Santos (CPF 529.982.247-25)" in text
    assert f"Ano de referência: {YEAR}" in text
    assert f"31 de dezembro de {YEAR}" in text and "Lei nº 12.007" in text
    assert "substitui" in text and "recibos de quitação mensais" in text
    assert f"10/01/{YEAR}" in text and f"10/12/{YEAR}" in text and f"15/12/{YEAR}" in text
    assert "R$ 1.234,56" in text and "Total: R$ 2.469,12" in text
    assert "(dois mil quatrocentos e sessenta e nove reais e doze centavos)" in text
    assert "São Paulo," in text
