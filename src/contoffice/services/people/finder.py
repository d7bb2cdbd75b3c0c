"""Read services of the client finder and the invoice lists (the window's and CLI's door)."""

from __future__ import annotations

from contoffice.core.paging import Page, PageRequest
from contoffice.db.queries import client_charges, client_contracts
from contoffice.db.queries import invoices as invoice_queries
from contoffice.db.queries import people as people_queries
from contoffice.db.queries.client_charges import ChargeRow
from contoffice.db.queries.client_contracts import ContractRow
from contoffice.db.queries.invoices import InvoiceRow
from contoffice.db.queries.people import PersonRow
from contoffice.db.uow import UnitOfWork

__all__ = [
    "FREE_TEXT", "ChargeRow", "ContractRow", "InvoiceRow", "PersonRow", "latest_active",
    "list_charges", "list_contracts", "list_invoices", "search_people",
]

# The filter key of the finder's search box: any part of a name, trade name, CPF/CNPJ (with
# or without mask), e-mail or phone; three characters or more use the trigram index.
FREE_TEXT = "text"


def search_people(uow: UnitOfWork, request: PageRequest) -> Page[PersonRow]:
    """The finder's rows for the filters of any panel."""
    with uow:
        return people_queries.search(uow.session, request)


def latest_active(uow: UnitOfWork, request: PageRequest) -> Page[PersonRow]:
    """"Últimos 1000 novos cadastros ativos"."""
    with uow:
        return people_queries.latest_active(uow.session, request)


def list_invoices(uow: UnitOfWork, request: PageRequest) -> Page[InvoiceRow]:
    """Invoices for the request's filters (person, status, direction, dates)."""
    with uow:
        return invoice_queries.search(uow.session, request)


def list_charges(uow: UnitOfWork, request: PageRequest) -> Page[ChargeRow]:
    """Contas for the request's filters (person, direction, unbilled, status)."""
    with uow:
        return client_charges.search(uow.session, request)


def list_contracts(uow: UnitOfWork, request: PageRequest) -> Page[ContractRow]:
    """Contracts for the request's filters (person, status)."""
    with uow:
        return client_contracts.search(uow.session, request)
