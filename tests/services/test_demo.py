"""The demo office is realistic and consistent: every state, valid documents, balanced sums."""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contoffice.banking.boleto import compute_codes
from contoffice.core.documents import is_valid_cnpj, is_valid_cpf
from contoffice.db.models import Charge, Contract, Invoice, Operator, PaymentProfile, Person
from contoffice.db.uow import Database
from contoffice.demo.office import (
    DEMO_PASSWORD,
    MAX_PEOPLE,
    MIN_PEOPLE,
    build_demo,
    contracts_for,
)
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.admin import operators
from contoffice.services.admin.setup import open_database
from contoffice.services.boletos.printing import profile_boleto_input

TODAY = date(2026, 11, 24)


@pytest.fixture
def demo(db: Database) -> Database:
    summary = build_demo(db, people=300, seed=3, today=TODAY)
    assert summary.people == 300 and summary.invoices > 1000
    return db


def test_people_are_valid_and_varied(demo: Database) -> None:
    with demo.uow() as uow:
        everyone = list(uow.session.scalars(select(Person)))
    kinds = Counter(p.kind for p in everyone)
    assert set(kinds) == {"PF", "PJ", "PRE"}
    assert all(is_valid_cpf(p.document) for p in everyone if p.kind == "PF")
    assert all(is_valid_cnpj(p.document) for p in everyone if p.kind == "PJ")
    assert any(not p.document.isdigit() for p in everyone if p.kind == "PJ")  # alphanumeric
    assert {p.active for p in everyone} == {True, False}
    assert all(len(p.city_ibge_code) == 7 and len(p.postal_code) == 8 for p in everyone)
    assert len({p.document for p in everyone if p.document}) == sum(
        1 for p in everyone if p.document
    )


def test_invoices_in_every_state_and_balanced(demo: Database) -> None:
    with demo.uow() as uow:
        states = set(uow.session.scalars(select(Invoice.status).distinct()))
        assert states == {"open", "partial", "settled", "suspended", "removed"}
        overdue = uow.session.scalar(
            select(func.count())
            .select_from(Invoice)
            .where(Invoice.status == "open", Invoice.due_date < TODAY)
        )
        assert overdue > 0
        sums = dict(
            uow.session.execute(
                select(Charge.invoice_id, func.sum(Charge.amount_cents))
                .where(Charge.invoice_id.is_not(None))
                .group_by(Charge.invoice_id)
            ).all()
        )
        amounts = dict(uow.session.execute(select(Invoice.id, Invoice.amount_cents)).all())
        assert sums == amounts
        dupes = uow.session.execute(
            select(Invoice.payment_profile_id, Invoice.our_number, func.count())
            .where(Invoice.our_number.is_not(None))
            .group_by(Invoice.payment_profile_id, Invoice.our_number)
            .having(func.count() > 1)
        ).all()
        assert dupes == []
        unbilled = uow.session.scalar(
            select(func.count()).select_from(Charge).where(Charge.invoice_id.is_(None))
        )
        assert unbilled > 0
        assert set(uow.session.scalars(select(Contract.status).distinct())) >= {
            "active",
            "suspended",
            "cancelled",
        }


def test_featured_client_of_the_scenarios(demo: Database) -> None:
    with demo.uow() as uow:
        padaria = uow.session.scalar(select(Person).where(Person.document == "12ABC34501DE35"))
        overdue = uow.session.scalars(
            select(Invoice).where(
                Invoice.person_id == padaria.id, Invoice.status == "open", Invoice.due_date < TODAY
            )
        ).all()
    assert padaria.name == "Padaria Pão Quente Ltda"
    assert sum(i.amount_cents for i in overdue) == 187_000
    assert all(31 <= (TODAY - i.due_date).days <= 60 for i in overdue)


def test_payment_profiles_produce_valid_boletos(demo: Database) -> None:
    with demo.uow() as uow:
        profiles = list(uow.session.scalars(select(PaymentProfile)))
    assert {p.bank_code for p in profiles} == {
        "001",
        "237",
        "341",
        "104",
        "033",
        "756",
        "748",
        "041",
    }
    for p in profiles:
        codes = compute_codes(
            profile_boleto_input(
                p,
                our_number="123",
                amount_cents=93_500,
                due_date=date(2026, 12, 10),
                document_number="1",
                processing_date=TODAY,
            )
        )
        assert len(codes.barcode) == 44 and codes.barcode.startswith(p.bank_code)


def test_demo_operators_log_in(demo: Database) -> None:
    with demo.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Operator)) == 4
        assert operators.login(uow, "ana", DEMO_PASSWORD).name == "Ana Paula Ribeiro"


def test_demo_refuses_a_database_with_people(demo: Database) -> None:
    with pytest.raises(NotAllowed, match="já tem cadastros"):
        build_demo(demo, people=10)


def test_the_featured_client_gets_a_new_due_date_as_scenario_4_tells(
    demo: Database, actor: object
) -> None:
    """SCENARIOS 4 on the demo: "Alterar Fatura" of Padaria's overdue invoice goes through."""
    from contoffice.demo.office import FEATURED_CNPJ
    from contoffice.services.invoices import alteration as invoice_changes
    from contoffice.services.invoices.alteration import REISSUE_KEY

    with demo.uow() as uow:
        overdue = list(uow.session.scalars(
            select(Invoice.id).join(Person, Person.id == Invoice.person_id)
            .where(Person.document == FEATURED_CNPJ, Invoice.status == "open",
                   Invoice.due_date < TODAY).order_by(Invoice.due_date)))
    assert len(overdue) == 2
    result = invoice_changes.alter_due_date(
        demo.uow(), actor, invoice_ids=overdue[:1], due_date=date(2026, 12, 10),  # type: ignore[arg-type]
        surcharge_cents=1_870, justification="pedido do cliente",
        confirmed=frozenset({REISSUE_KEY}), today=TODAY)
    assert [o.done for o in result.outcomes] == [True], result.outcomes


def test_contracts_grow_with_the_office() -> None:
    """A larger office never has fewer contracts (5,000 people used to get 500, 2,000 got 1,200)."""
    sizes = range(MIN_PEOPLE, MAX_PEOPLE + 1)
    counts = [contracts_for(n) for n in sizes]
    assert all(a <= b for a, b in pairwise(counts))
    assert contracts_for(5000) > contracts_for(2000) == 1200
    # The seeded offices the tests and README rely on keep their contracts: 60% up to 2,000.
    assert [contracts_for(n) for n in (10, 25, 40, 120, 300, 500)] == [6, 15, 24, 72, 180, 300]
    assert contracts_for(MAX_PEOPLE) == 1200 + (MAX_PEOPLE - 2000) // 10


@pytest.mark.parametrize("people", [-5, 0, MIN_PEOPLE - 1, MAX_PEOPLE + 1, 10_000_000])
def test_a_size_out_of_bounds_is_refused_before_anything_is_written(
    db: Database, people: int
) -> None:
    with pytest.raises(InvalidInput, match=r"de 10 a 200\.000 cadastros"):
        build_demo(db, people=people, today=TODAY)
    with db.uow() as uow:
        for table in (Person, PaymentProfile):
            assert uow.session.scalar(select(func.count()).select_from(table)) == 0


def test_invoices_grow_with_the_office(tmp_path: Path) -> None:
    """3,000 people give more contracts and invoices than 2,000 (used to be 300 against 1,200)."""
    built = {}
    for people in (2000, 3000):
        db = open_database(f"sqlite:///{tmp_path / f'{people}.sqlite3'}", create=True,
                           empty_is_new=True)
        try:
            built[people] = build_demo(db, people=people, seed=3, today=TODAY)
        finally:
            db.dispose()
    assert built[3000].contracts == contracts_for(3000) > built[2000].contracts
    assert built[3000].invoices > built[2000].invoices
    assert built[3000].charges > built[2000].charges
