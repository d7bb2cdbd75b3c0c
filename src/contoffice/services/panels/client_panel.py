"""Read services of the client panel's header and of its read-only tools."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contoffice.db.queries import client_panel as queries
from contoffice.db.queries.client_panel import AGING_BUCKETS, Balances, HeaderData
from contoffice.db.uow import UnitOfWork
from contoffice.errors import NotFound
from contoffice.services.kernel import messages

__all__ = [
    "AGING_BUCKETS",
    "Balances",
    "ClientHeader",
    "HeaderData",
    "client_header",
]


@dataclass(frozen=True, slots=True)
class ClientHeader:
    person: HeaderData
    balances: Balances


def client_header(uow: UnitOfWork, person_id: int, *, today: date | None = None) -> ClientHeader:
    """Who the client is and its balances; NotFound when another desk removed it."""
    with uow:
        person = queries.header(uow.session, person_id)
        if person is None:
            raise NotFound(messages.PERSON_NOT_FOUND.format(code=person_id))
        return ClientHeader(person, queries.balances(uow.session, person_id, today or date.today()))
