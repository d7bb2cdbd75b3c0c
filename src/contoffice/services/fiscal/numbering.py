"""Série + nDPS belong to the office (fiscal.md §4): no gap, no reuse once sent and authorised.

The counter row is locked before it is read (a row lock on PostgreSQL, the write lock on
SQLite: `UnitOfWork.write_from_here`), so two desks never take one number; the number is
committed together with the document that holds it. A rejected number stays with its invoice
(the corrected DPS goes out with it); annulling the last number gives it back to the counter.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from contoffice.core.vocab import FiscalDocumentStatus
from contoffice.db.models import FiscalDocument, FiscalSeries
from contoffice.db.uow import UnitOfWork


def _series_row(uow: UnitOfWork, environment: int, cnpj: str, city: str,
                series: int) -> FiscalSeries:
    """The counter of (environment, CNPJ, city, série), locked, created on first use."""
    uow.write_from_here()
    where = (FiscalSeries.environment == environment, FiscalSeries.cnpj == cnpj,
             FiscalSeries.city == city, FiscalSeries.series == series)
    row = uow.session.scalar(select(FiscalSeries).where(*where).with_for_update())
    if row is not None:
        return row
    # A counter begins after any number already held in this environment and série.
    highest = uow.session.scalar(select(func.max(FiscalDocument.number)).where(
        FiscalDocument.environment == environment, FiscalDocument.series == series)) or 0
    try:
        with uow.session.begin_nested():
            uow.session.add(FiscalSeries(environment=environment, cnpj=cnpj, city=city,
                                         series=series, next_number=highest + 1))
    except IntegrityError:  # another desk created it first: take its row, locked
        pass
    return uow.session.scalars(select(FiscalSeries).where(*where).with_for_update()).one()


def allocate(uow: UnitOfWork, environment: int, cnpj: str, city: str, series: int) -> int:
    """The next nDPS of the série, taken inside the caller's transaction."""
    row = _series_row(uow, environment, cnpj, city, series)
    number = row.next_number
    row.next_number = number + 1
    uow.flush()
    return number


def next_number(uow: UnitOfWork, environment: int, cnpj: str, city: str, series: int) -> int:
    """The number the next new DPS would take (read only, for previews)."""
    row = uow.session.scalar(select(FiscalSeries).where(
        FiscalSeries.environment == environment, FiscalSeries.cnpj == cnpj,
        FiscalSeries.city == city, FiscalSeries.series == series))
    if row is not None:
        return row.next_number
    highest = uow.session.scalar(select(func.max(FiscalDocument.number)).where(
        FiscalDocument.environment == environment, FiscalDocument.series == series))
    return (highest or 0) + 1


def give_back(uow: UnitOfWork, document: FiscalDocument) -> bool:
    """Return an annulled document's number to the counter when it is the last one taken.

    Only a draft or rejected DPS is annulled, so the Sefin never used the number.
    """
    if document.status not in (FiscalDocumentStatus.DRAFT, FiscalDocumentStatus.REJECTED,
                               FiscalDocumentStatus.ANNULLED):
        return False
    # The Id carries the counter's city and CNPJ: "DPS" + cLocEmi(7) + tpInsc(1) + CNPJ(14) …
    city, cnpj = document.dps_id[3:10], document.dps_id[11:25]
    row = _series_row(uow, document.environment, cnpj, city, document.series)
    if row.next_number != document.number + 1:
        return False
    row.next_number = document.number
    uow.flush()
    return True
