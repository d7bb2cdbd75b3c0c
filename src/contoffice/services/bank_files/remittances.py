"""Gerar remessa, desfazer remessa, marcar como transmitida, baixar o arquivo de novo."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import update

from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.model import Command
from contoffice.banking.cnab.remittance import write_remittance
from contoffice.core.vocab import RemittanceStatus
from contoffice.db import bulk
from contoffice.db.models import (
    BankRemittance,
    Invoice,
    PaymentProfile,
)
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.bank_files import messages as m
from contoffice.services.bank_files import titles as t
from contoffice.services.kernel import audit
from contoffice.services.kernel.batch import chunks, finish
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import Changes

_CHANGES = Changes(invoices=True)


@dataclass(frozen=True, slots=True)
class RemittanceResult:
    """A remittance written (or, on a dry run, what it would hold)."""

    remittance_id: int | None
    sequence_number: int
    filename: str
    content: bytes
    titles: int
    total_cents: int
    registered: int
    written_off: int


def generate_remittance(uow: UnitOfWork, actor: Actor, *, profile_id: int,
                        today: date | None = None, dry_run: bool = False) -> RemittanceResult:
    """Gerar remessa: every title the profile's bank must learn of, in one file kept here."""
    today = today or date.today()
    with uow:
        require(actor, "bank.remittance")
        # Locked first: two desks generating for one profile take turns (a row lock on
        # PostgreSQL, the write lock from the first read on SQLite).
        uow.write_from_here()
        uow.get(PaymentProfile, profile_id, what="Profile de pagamento")
        profile = uow.session.get(PaymentProfile, profile_id, with_for_update=True,
                                  populate_existing=True)
        assert profile is not None
        account = t.beneficiary(uow, profile)
        titles = t.pending_titles(uow, profile, today)
        if not titles:
            raise NotAllowed(m.NOTHING_TO_SEND.format(profile=profile.name))
        number = profile.next_remittance_number
        try:
            content = write_remittance(account, number, t.items(titles), generated_on=today)
        except CnabError as error:
            raise InvalidInput(error.message, field="Profile de pagamento") from None
        registered = sum(1 for x in titles if x.command is Command.REGISTER)
        total = sum(x.item.amount_cents for x in titles if x.command is Command.REGISTER)
        filename = f"CB{today:%d%m}{number % 100:02d}.REM"
        result = RemittanceResult(None, number, filename, content, len(titles), total,
                                  registered, len(titles) - registered)
        if dry_run:
            finish(uow, dry_run=True)
            return result
        remittance = BankRemittance(
            payment_profile_id=profile.id, sequence_number=number, file_format=account.file_format,
            filename=filename, content=content, sha256=hashlib.sha256(content).hexdigest(),
            title_count=len(titles), total_cents=total, created_by=actor.id)
        uow.session.add(remittance)
        profile.next_remittance_number = number + 1
        uow.session.flush()
        _mark_sent(uow, actor, remittance, titles)
        audit.record(uow, actor, "bank.remittance_generated", "bank_remittance", remittance.id,
                     after={"profile": profile.id, "sequence_number": number, "titles": len(titles),
                            "total_cents": total})
        uow.commit()
        return RemittanceResult(remittance.id, number, filename, content, len(titles), total,
                                registered, len(titles) - registered)


def _mark_sent(uow: UnitOfWork, actor: Actor, remittance: BankRemittance,
               titles: Sequence[t.Title]) -> None:
    """Items, invoice states and history in a few statements; a lost race is refused."""
    session = uow.session
    conn = session.connection()
    bulk.insert(conn, "bank_remittance_item", [
        {"remittance_id": remittance.id, "invoice_id": x.invoice_id, "command": x.command.value,
         "amount_cents": x.item.amount_cents, "due_date": x.item.due_date,
         "previous_status": x.previous_status} for x in titles])
    table = Invoice.__table__
    for command, before in ((Command.REGISTER, list(t.UNSENT)),
                            (Command.WRITE_OFF, list(t._SENT))):
        ids = [x.invoice_id for x in titles if x.command is command]
        for chunk in chunks(ids):
            matched = session.execute(
                update(table).where(table.c.id.in_(chunk), table.c.remittance_status.in_(before))
                .values(remittance_status=RemittanceStatus.GENERATED, baixa_requested=False,
                        version_id=table.c.version_id + 1)).rowcount
            if matched != len(chunk):  # another desk sent one of them meanwhile
                raise NotAllowed(m.NOTHING_TO_SEND.format(profile=remittance.payment_profile_id))
    texts = {c: m.EVENT_SENT.format(number=remittance.sequence_number,
                                    command=m.COMMANDS[c.value])
             for c in (Command.REGISTER, Command.WRITE_OFF)}
    bulk.insert(conn, "invoice_event", [
        {"invoice_id": x.invoice_id, "operator_id": actor.id, "kind": "remittance",
         "text": texts[x.command]} for x in titles])


def remittance_file(uow: UnitOfWork, actor: Actor, remittance_id: int) -> tuple[str, bytes]:
    """The file of a remittance as it was generated (to send or download again)."""
    with uow:
        require(actor, "bank.remittance")
        remittance = uow.get(BankRemittance, remittance_id, what="Remessa")
        return remittance.filename, remittance.content
