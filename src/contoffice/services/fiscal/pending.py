"""The invoices of a competência that still need their note (Fiscal area, `nfse batch`)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from contoffice.core.vocab import Direction, FiscalStatus, InvoiceStatus
from contoffice.db.models import Invoice
from contoffice.db.uow import UnitOfWork
from contoffice.services.fiscal import settings as fiscal_settings


def pending_invoices(uow: UnitOfWork, competence: date) -> list[int]:
    """Ids of the competência's receivable invoices with no note yet (and settled, when the
    office issues on the settled value), in id order."""
    values = fiscal_settings.read(uow)
    month = competence.replace(day=1)
    if values.first_competence is not None and month < values.first_competence:
        return []
    query = select(Invoice.id).where(
        Invoice.competence == month, Invoice.direction == Direction.RECEIVABLE,
        Invoice.status != InvoiceStatus.REMOVED, Invoice.fiscal_status == FiscalStatus.NONE)
    if values.on_settled:
        query = query.where(Invoice.paid_cents > 0)
    return list(uow.session.scalars(query.order_by(Invoice.id)))
