"""The client header's balances, for services and tests (the panel's own query, one source)."""

from __future__ import annotations

from datetime import date

from contoffice.db.queries.client_panel import AGING_BUCKETS, Balances, balances
from contoffice.db.uow import UnitOfWork

__all__ = ["AGING_BUCKETS", "Balances", "client_balances"]


def client_balances(uow: UnitOfWork, person_id: int, today: date) -> Balances:
    """Overdue, current, aging 1–30/31–60/61–90/>90 and paid in the last 12 months."""
    with uow:
        return balances(uow.session, person_id, today)
