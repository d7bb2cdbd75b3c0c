"""Date and money column filters of the grids, against a Python oracle."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from contoffice.core.paging import PageRequest
from contoffice.db.models import Invoice, Person
from contoffice.db.uow import Database
from contoffice.demo.office import FEATURED_CNPJ, build_demo
from contoffice.services.panels import grids

TODAY = date(2026, 11, 24)


def _ids(db: Database, key: str, filters: dict, person_id: int | None = None) -> list[int]:
    page = grids.fetch_page(db.uow(), key, PageRequest(filters, limit=10_000), person_id=person_id)
    return sorted(r.id for r in page.rows)


def test_invoice_grid_filters_by_due_month_and_amount(db: Database) -> None:
    build_demo(db, people=60, seed=8, today=TODAY)
    with db.uow() as uow:
        pid = uow.session.scalar(select(Person.id).where(Person.document == FEATURED_CNPJ))
        invoices = list(
            uow.session.scalars(
                select(Invoice).where(
                    Invoice.person_id == pid, Invoice.direction == "R", Invoice.status != "removed"
                )
            )
        )
    october = sorted(i.id for i in invoices if (i.due_date.year, i.due_date.month) == (2026, 10))
    assert october and _ids(db, "client.receivable", {"due_date": "10/2026"}, pid) == october
    since = sorted(i.id for i in invoices if i.due_date >= date(2026, 9, 1))
    assert _ids(db, "client.receivable", {"due_date": ">=09/2026"}, pid) == since
    assert _ids(db, "client.receivable", {"amount_cents": "935,00"}, pid) == sorted(
        i.id for i in invoices if i.amount_cents == 93_500
    )
    assert _ids(db, "client.receivable", {"amount_cents": ">1.000"}, pid) == []
    everyone = _ids(db, "client.receivable", {}, pid)
    assert _ids(db, "client.receivable", {"due_date": "10/20"}, pid) == everyone  # still typing


def test_finder_filters_by_registration_year(db: Database) -> None:
    build_demo(db, people=80, seed=8, today=TODAY)
    with db.uow() as uow:
        expected = sorted(
            uow.session.scalars(
                select(Person.id).where(
                    Person.registered_on.between(date(2024, 1, 1), date(2024, 12, 31))
                )
            )
        )
    assert expected and _ids(db, "finder.advanced", {"registered_on": "2024"}) == expected
