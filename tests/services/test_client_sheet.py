"""Ficha cadastral: the registration on one page, the access login but never a password."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from contoffice.db.models import Person
from contoffice.db.uow import Database
from contoffice.errors import NotAllowed, NotFound
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people import access
from contoffice.services.statements import client_sheet, print_sheet
from tests.services.billing_support import make_contract, make_profile
from tests.support.pdftools import PdfTools, require_pdf_tools

SECRET = "Segredo-da-Padaria-42"


@pytest.fixture
def person(db: Database, actor: Actor) -> int:
    with db.uow() as uow:
        p = Person(kind="PJ", name="Padaria Pão Quente Ltda", trade_name="Pão Quente",
                   document="12ABC34501DE35", state_registration="110.042.490.114",
                   municipal_registration="4.567.890-1", email="contato@paoquente.example",
                   email_cc="fiscal@paoquente.example", phone="1131042200",
                   mobile="11933287747", street="Rua das Flores", number="120",
                   complement="Loja 2", district="Centro", city="São Paulo", state="SP",
                   postal_code="01013000", registered_on=date(2024, 1, 2), default_due_day=10)
        uow.session.add(p)
        uow.commit()
        person_id = p.id
    make_contract(db, actor, person_id, make_profile(db), fee_cents=93_500)
    with db.uow() as uow:
        access.save_access(uow, actor, person_id, access.AccessInput(
            login="paoquente", new_password=SECRET, expires_on=date(2027, 12, 31),
            max_attempts=5, active=True))
    return person_id


def test_the_sheet_prints_the_registration_on_one_page(
    db: Database, actor: Actor, person: int, tmp_path: Path
) -> None:
    out = tmp_path / "ficha.pdf"
    assert print_sheet(db, actor, person, out, today=date(2026, 11, 29)) == 1
    require_pdf_tools()
    flat = " ".join(PdfTools(tmp_path).text(out).split())
    for expected in ("FICHA CADASTRAL", f"Código: {person}", "Tipo: Pessoa Jurídica",
                     "Nome / Razão social: Padaria Pão Quente Ltda", "Nome fantasia: Pão Quente",
                     "CNPJ: 12.ABC.345/01DE-35", "Inscrição estadual: 110.042.490.114",
                     "Inscrição municipal: 4.567.890-1",
                     "Logradouro: Rua das Flores, 120 — Loja 2", "Bairro: Centro",
                     "Cidade/UF: São Paulo/SP", "CEP: 01013-000", "Telefone: (11) 3104-2200",
                     "Celular: (11) 93328-7747", "E-mail: contato@paoquente.example",
                     "Simples Nacional — Completo R$ 935,00 dia 10 01/01/2026", "Ativo",
                     "Login de acesso: paoquente", "Validade: 31/12/2027",
                     "Emitido em 29/11/2026"):
        assert expected in flat, expected
    assert SECRET not in flat and "argon" not in flat.lower() and "Senha" not in flat


def test_the_login_is_left_out_for_whoever_may_not_see_access_data(
    db: Database, person: int, tmp_path: Path
) -> None:
    clerk = Actor(1, "bia", "Bia", permissions=frozenset({"people.view"}))
    assert client_sheet(db.uow(), clerk, person).access is None
    out = tmp_path / "ficha.pdf"
    print_sheet(db, clerk, person, out)
    require_pdf_tools()
    text = PdfTools(tmp_path).text(out)
    assert "paoquente" not in text.replace("paoquente.example", "") and "Padaria" in text


def test_refusals(db: Database, actor: Actor, person: int) -> None:
    with pytest.raises(NotAllowed):
        client_sheet(db.uow(), Actor(1, "zé", "Zé", permissions=frozenset()), person)
    with pytest.raises(NotFound):
        client_sheet(db.uow(), actor, 987_654)
