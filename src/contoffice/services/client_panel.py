"""Read services of the client panel's header and of its read-only tools."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from contoffice.db.queries import client_activity, client_invoices
from contoffice.db.queries import client_panel as queries
from contoffice.db.queries.client_panel import AGING_BUCKETS, Balances, HeaderData
from contoffice.db.uow import UnitOfWork
from contoffice.errors import NotFound
from contoffice.services import messages

__all__ = ["AGING_BUCKETS", "Balances", "ClientHeader", "HeaderData", "client_header",
           "invoice_history"]


@dataclass(frozen=True, slots=True)
class ClientHeader:
    person: HeaderData
    balances: Balances


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: datetime
    kind: str
    text: str
    operator: str | None


def client_header(uow: UnitOfWork, person_id: int, *, today: date | None = None) -> ClientHeader:
    """Who the client is and its balances; NotFound when another desk removed it."""
    with uow:
        person = queries.header(uow.session, person_id)
        if person is None:
            raise NotFound(messages.PERSON_NOT_FOUND.format(code=person_id))
        return ClientHeader(person, queries.balances(uow.session, person_id,
                                                     today or date.today()))


def invoice_history(uow: UnitOfWork, invoice_id: int) -> list[HistoryEntry]:
    """The history of an invoice (comments, changes, removal), oldest first."""
    with uow:
        rows: list[dict[str, Any]] = client_invoices.history(uow.session, invoice_id)
    return [HistoryEntry(r["at"], client_activity.ACTION_LABELS.get(r["kind"], r["kind"]),
                         r["text"], r["operator"]) for r in rows]
