"""Desfazer remessa and Marcar remessa como transmitida: a remittance's file state."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select, update

from contoffice.banking.cnab.model import Command
from contoffice.core.vocab import RemittanceFileStatus, RemittanceStatus
from contoffice.db import bulk
from contoffice.db.models import BankRemittance, BankRemittanceItem, Invoice
from contoffice.db.uow import UnitOfWork
from contoffice.services.bank_files import messages as m
from contoffice.services.kernel import audit
from contoffice.services.kernel.batch import Refused, finish, run_rows, unique_ids
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import BatchResult, Changes, RowOutcome

_CHANGES = Changes(invoices=True)


def _remittance(uow: UnitOfWork, remittance_id: int) -> BankRemittance:
    return uow.get(BankRemittance, remittance_id, what="Remessa")


def undo_remittances(uow: UnitOfWork, actor: Actor, *, remittance_ids: Sequence[int],
                     dry_run: bool = False) -> BatchResult:
    """Desfazer remessa: while not transmitted, its invoices go back to awaiting a remittance."""
    with uow:
        require(actor, "bank.remittance")

        def one(remittance_id: int) -> RowOutcome:
            remittance = _remittance(uow, remittance_id)
            if remittance.status == RemittanceFileStatus.TRANSMITTED:
                raise Refused(m.REMITTANCE_TRANSMITTED.format(number=remittance.sequence_number))
            if remittance.status == RemittanceFileStatus.UNDONE:
                raise Refused(m.REMITTANCE_UNDONE.format(number=remittance.sequence_number))
            _restore(uow, actor, remittance)
            remittance.status = RemittanceFileStatus.UNDONE
            remittance.undone_at = datetime.now(UTC)
            remittance.undone_by = actor.id
            audit.record(uow, actor, "bank.remittance_undone", "bank_remittance", remittance.id,
                         before={"status": "generated"}, after={"status": "undone"})
            return RowOutcome(remittance.id, True)

        outcomes = run_rows(uow, unique_ids(remittance_ids), one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)


def _restore(uow: UnitOfWork, actor: Actor, remittance: BankRemittance) -> None:
    session, table = uow.session, Invoice.__table__
    items = session.execute(select(BankRemittanceItem.invoice_id, BankRemittanceItem.command,
                                   BankRemittanceItem.previous_status)
                            .where(BankRemittanceItem.remittance_id == remittance.id)).all()
    for invoice_id, command, previous in items:
        back = ({"remittance_status": previous} if command == Command.REGISTER.value
                else {"remittance_status": previous, "baixa_requested": True})
        # Only what this file set: an invoice the bank has since answered for stays as it is.
        session.execute(update(table).where(
            table.c.id == invoice_id, table.c.remittance_status == RemittanceStatus.GENERATED)
            .values(**back, version_id=table.c.version_id + 1))
    bulk.insert(session.connection(), "invoice_event", [
        {"invoice_id": invoice_id, "operator_id": actor.id, "kind": "remittance",
         "text": m.EVENT_UNDONE.format(number=remittance.sequence_number)}
        for invoice_id, _c, _p in items])


def mark_transmitted(uow: UnitOfWork, actor: Actor, *, remittance_ids: Sequence[int],
                     dry_run: bool = False) -> BatchResult:
    """Marcar remessa como transmitida: the bank has the file; it can no longer be undone."""
    with uow:
        require(actor, "bank.remittance")
        table = Invoice.__table__

        def one(remittance_id: int) -> RowOutcome:
            remittance = _remittance(uow, remittance_id)
            if remittance.status != RemittanceFileStatus.GENERATED:
                raise Refused(m.REMITTANCE_NOT_GENERATED.format(
                    number=remittance.sequence_number,
                    status=RemittanceFileStatus(remittance.status).label))
            sent = select(BankRemittanceItem.invoice_id).where(
                BankRemittanceItem.remittance_id == remittance.id).scalar_subquery()
            uow.session.execute(update(table).where(
                table.c.id.in_(sent), table.c.remittance_status == RemittanceStatus.GENERATED)
                .values(remittance_status=RemittanceStatus.TRANSMITTED,
                        version_id=table.c.version_id + 1))
            remittance.status = RemittanceFileStatus.TRANSMITTED
            remittance.transmitted_at = datetime.now(UTC)
            audit.record(uow, actor, "bank.remittance_transmitted", "bank_remittance",
                         remittance.id, before={"status": "generated"},
                         after={"status": "transmitted"})
            return RowOutcome(remittance.id, True)

        outcomes = run_rows(uow, unique_ids(remittance_ids), one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)


