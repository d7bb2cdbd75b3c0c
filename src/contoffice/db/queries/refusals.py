"""The facts the services' refusal tables read from the database (services.kernel.guards).

Each answers one question with a plain value, so the guards decide without SQL.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from contoffice.db.models import Charge, LedgerAccount, OfficeSetting, PaymentProfile


def profile_inactive(session: Session, profile_id: int | None) -> bool:
    """The payment profile exists and its collection is switched off (None: no profile)."""
    if profile_id is None:
        return False
    profile = session.get(PaymentProfile, profile_id)
    return profile is not None and not profile.active


def charge_awaiting_run(session: Session, invoice_id: int, running: Collection[int]) -> int | None:
    """A conta of the invoice that belongs to one of the `running` billing runs, if any."""
    if not running:
        return None
    return session.scalar(select(Charge.id).where(
        Charge.invoice_id == invoice_id, Charge.billing_run_id.in_(running)).limit(1))


def ledger_id(session: Session, setting_key: str) -> int | None:
    """The id of the ledger account whose code the office setting `setting_key` holds."""
    code = session.get(OfficeSetting, setting_key)
    if code is None:
        return None
    return session.scalar(select(LedgerAccount.id).where(LedgerAccount.code == code.value))
