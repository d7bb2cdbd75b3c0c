"""Negativa de débitos (Lei 12.007/2009): refused while a debt of the year is open, then issued."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from contoffice.core.paging import PageRequest
from contoffice.db.models import AuditEvent, ClearanceDeclaration, ClearanceItem, Invoice
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.clearances import batch, document, issue
from contoffice.services.kernel.permissions import Actor
from contoffice.services.panels.grids import fetch_page
from tests.services.billing_support import make_person, make_profile
from tests.services.clearance_support import YEAR, configure_office, pay, year_of_invoices


@pytest.fixture
def client(db: Database, actor: Actor) -> tuple[int, list[int]]:
    configure_office(db, actor)
    person = make_person(db)
    return person, year_of_invoices(db, actor, person, make_profile(db))


def test_refused_naming_the_open_invoice_then_issued_once_paid(
        db: Database, actor: Actor, client: tuple[int, list[int]]) -> None:
    person, invoices = client
    pay(db, actor, invoices[:2], date(YEAR, 7, 1))
    with pytest.raises(NotAllowed) as refused:
        issue.generate(db.uow(), actor, person_id=person, year=YEAR)
    assert f"Fatura {invoices[2]}, vencida em 10/09/{YEAR}, em aberto" in str(refused.value)
    assert f"Fatura {invoices[0]}," not in str(refused.value)  # paid: not named
    with db.uow() as uow:
        assert uow.session.scalar(select(ClearanceDeclaration.id)) is None

    pay(db, actor, invoices[2:], date(YEAR, 9, 20))
    new_id = issue.generate(db.uow(), actor, person_id=person, year=YEAR)
    with db.uow() as uow:
        made = uow.session.get(ClearanceDeclaration, new_id)
        assert (made.person_id, made.year, made.invoice_count, made.total_cents) == (
            person, YEAR, 3, 3 * 93_500)
        items = uow.session.scalars(select(ClearanceItem).where(
            ClearanceItem.declaration_id == new_id).order_by(ClearanceItem.due_date)).all()
        assert [i.invoice_id for i in items] == invoices
        assert items[2].settled_on == date(YEAR, 9, 20)
        assert made.pdf and made.pdf.startswith(b"%PDF")
        event = uow.session.scalar(select(AuditEvent).where(
            AuditEvent.action == "clearance.generated"))
        assert event.person_id == person and event.entity_id == new_id


def test_the_snapshot_stays_as_issued_and_a_second_one_is_refused(
        db: Database, actor: Actor, client: tuple[int, list[int]]) -> None:
    person, invoices = client
    pay(db, actor, invoices, date(YEAR, 10, 1))
    new_id = issue.generate(db.uow(), actor, person_id=person, year=YEAR)
    with db.uow() as uow:  # the invoice changes afterwards (a later correction of its value)
        uow.session.get(Invoice, invoices[0]).amount_cents = 1
        uow.commit()
    with db.uow() as uow:
        kept = uow.session.scalar(select(ClearanceItem.amount_cents).where(
            ClearanceItem.invoice_id == invoices[0]))
    assert kept == 93_500
    with pytest.raises(NotAllowed, match=f"já foi gerada .*nº {new_id}"):
        issue.generate(db.uow(), actor, person_id=person, year=YEAR)
    page = fetch_page(db.uow(), "client.clearances", PageRequest({}, (), 0, 50), person_id=person)
    assert [(r.year, r.invoices, r.amount_cents) for r in page.rows] == [(YEAR, 3, 280_500)]
    name, pdf = document.stored_pdf(db.uow(), actor, new_id)
    assert name == f"negativa-{YEAR}-{person}.pdf" and pdf.startswith(b"%PDF")


def test_no_invoice_in_the_year_and_an_open_year_are_refused(
        db: Database, actor: Actor) -> None:
    configure_office(db, actor)
    person = make_person(db, "Sem Faturas Ltda")
    with pytest.raises(NotAllowed, match=f"não tem faturas com vencimento em {YEAR}"):
        issue.generate(db.uow(), actor, person_id=person, year=YEAR)
    with pytest.raises(InvalidInput, match="ano encerrado"):
        issue.generate(db.uow(), actor, person_id=person, year=YEAR + 1)


def test_removed_invoices_do_not_count_and_other_years_do_not_block(
        db: Database, actor: Actor, client: tuple[int, list[int]]) -> None:
    person, invoices = client
    pay(db, actor, invoices[:2], date(YEAR, 10, 1))
    year_of_invoices(db, actor, person, make_profile(db), months=(2,), year=YEAR - 1)  # open
    with db.uow() as uow:
        uow.session.get(Invoice, invoices[2]).status = "removed"
        uow.commit()
    new_id = issue.generate(db.uow(), actor, person_id=person, year=YEAR)
    with db.uow() as uow:
        assert uow.session.get(ClearanceDeclaration, new_id).invoice_count == 2


def test_batch_dry_run_plans_every_client_then_issues_the_eligible(
        db: Database, actor: Actor, client: tuple[int, list[int]]) -> None:
    paid_person, paid = client
    pay(db, actor, paid, date(YEAR, 10, 1))
    owing = make_person(db, "Mercado Devedor Ltda")
    owed = year_of_invoices(db, actor, owing, make_profile(db), months=(5,))
    rows = batch.generate_batch(db, actor, year=YEAR, dry_run=True)
    by_person = {r.person_id: r for r in rows}
    assert set(by_person) == {paid_person, owing}
    assert by_person[paid_person].eligible and by_person[paid_person].invoices == 3
    assert not by_person[owing].eligible
    assert f"Fatura {owed[0]}, vencida em 10/05/{YEAR}, em aberto" in by_person[owing].reason
    with db.uow() as uow:
        assert uow.session.scalar(select(ClearanceDeclaration.id)) is None  # a dry run

    done = {r.person_id: r for r in batch.generate_batch(db, actor, year=YEAR)}
    assert done[paid_person].declaration_id is not None
    assert done[owing].declaration_id is None
    again = {r.person_id: r for r in batch.generate_batch(db, actor, year=YEAR, dry_run=True)}
    assert "já foi gerada" in again[paid_person].reason
