"""Gerar documento fiscal: one invoice or many, previewed (dry run) or sent, cancellable.

A run holds the série's lock (`run_lock.exclusive`): two desks never interleave numbering.
Each invoice is its own transactions (flow.py), so a cancelled or killed run keeps what it
did, and the next run first asks the Sefin about any DPS left without an answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import select

from contoffice.core.format import format_money
from contoffice.core.progress import NullProgress, Progress
from contoffice.db.models import FiscalDocument, Invoice, Person
from contoffice.db.uow import Database, UnitOfWork
from contoffice.errors import ContofficeError, NotAllowed
from contoffice.fiscal.dps import build_dps
from contoffice.fiscal.errors import FiscalError
from contoffice.services.fiscal import certificates, flow, numbering, prepare
from contoffice.services.fiscal import messages as m
from contoffice.services.fiscal import settings as fiscal_settings
from contoffice.services.fiscal.build import Emitter, emitter
from contoffice.services.fiscal.transport import open_sefin
from contoffice.services.kernel import run_lock
from contoffice.services.kernel.permissions import Actor, require

S = flow.S
LOCK_CLASS = 4_0011  # pg_advisory_lock(class, environment·série): "fiscal numbering" locks


class Outcome(StrEnum):
    """What became of one invoice of a run."""

    WOULD_ISSUE = "would_issue"  # dry run: it would be sent
    ISSUED = "issued"
    REJECTED = "rejected"
    UNKNOWN = "unknown"  # sent, no answer: resolved before anything else is sent
    NOT_SENT = "not_sent"  # the Sefin could not be reached; the number stays with the invoice
    REFUSED = "refused"  # refused before any number was taken


@dataclass(frozen=True, slots=True)
class InvoiceOutcome:
    """One invoice of a run: what happened (or would), why, and its document."""

    invoice_id: int
    person_id: int | None
    name: str
    amount_cents: int
    outcome: Outcome
    message: str
    document_id: int | None = None
    number: int | None = None
    nfse_number: int | None = None
    key: str | None = None


@dataclass(frozen=True, slots=True)
class GenerateReport:
    """A whole run: one row per invoice asked, in order; `cancelled` if stopped early."""

    dry_run: bool
    rows: tuple[InvoiceOutcome, ...]
    cancelled: bool = False

    def count(self, outcome: Outcome) -> int:
        """How many invoices ended so."""
        return sum(1 for r in self.rows if r.outcome == outcome)


def session(uow: UnitOfWork, actor: Actor,
            now: Callable[[], datetime] | None = None) -> flow.Session:
    """The run's certificate and Sefin; opened under the série's lock, so the local simulator
    reads its file after the desk before it wrote it."""
    who = emitter(uow, fiscal_settings.read(uow))
    cert = certificates.load(uow)
    try:
        sefin = open_sefin(who.settings, cert, who.name)
    except FiscalError as error:
        raise NotAllowed(error.message) from None
    return flow.Session(actor, who, cert, sefin, now or (lambda: datetime.now(UTC)))


def lock_key(environment: int, series: int) -> tuple[int, str]:
    """The advisory key and SQLite lock name of a série in an environment."""
    return environment * 100_000 + series, f"fiscal:{environment}:{series}"


def database_of(uow: UnitOfWork) -> Database:
    """The Database behind a unit of work (the run lock works on its engine)."""
    engine = uow.session.get_bind()
    return Database(engine.url.render_as_string(hide_password=False), engine=engine)


def row_of(uow: UnitOfWork, invoice_id: int, outcome: Outcome, message: str,
         doc: FiscalDocument | None = None) -> InvoiceOutcome:
    found = uow.session.execute(select(Invoice.person_id, Person.name, Invoice.amount_cents)
                                .join(Person, Person.id == Invoice.person_id)
                                .where(Invoice.id == invoice_id)).first()
    person_id, name, amount = found if found else (None, "", 0)
    return InvoiceOutcome(invoice_id, person_id, name, amount, outcome, message,
                          doc.id if doc else None, doc.number if doc else None,
                          doc.nfse_number if doc else None, doc.key if doc else None)


def _in_flight(uow: UnitOfWork, invoice_id: int) -> list[FiscalDocument]:
    return list(uow.session.scalars(select(FiscalDocument).where(
        FiscalDocument.invoice_id == invoice_id, FiscalDocument.status.in_(flow.IN_FLIGHT))
        .order_by(FiscalDocument.id)))


def outcome_of(doc: FiscalDocument) -> Outcome:
    return {S.AUTHORISED: Outcome.ISSUED, S.REJECTED: Outcome.REJECTED,
            S.UNKNOWN: Outcome.UNKNOWN, S.SENT: Outcome.UNKNOWN}.get(doc.status, Outcome.NOT_SENT)


def one(uow: UnitOfWork, run: flow.Session, invoice_id: int) -> InvoiceOutcome:
    """Generate the note of one invoice (the série's lock held by the caller)."""
    for doc in _in_flight(uow, invoice_id):
        message = flow.resolve(uow, run, doc)
        if doc.status != S.DRAFT:  # found authorised, or still unknown: nothing is sent
            return row_of(uow, invoice_id, outcome_of(doc), message, doc)
    try:
        doc, attempt, signed = prepare.prepare(uow, run, invoice_id)
    except (ContofficeError, FiscalError) as error:
        uow.rollback()
        return row_of(uow, invoice_id, Outcome.REFUSED, str(error))
    message = flow.send(uow, run, doc, attempt, signed)
    return row_of(uow, invoice_id, outcome_of(doc), message, doc)


def _preview(uow: UnitOfWork, who: Emitter, invoice_id: int, number: int,
             now: datetime) -> tuple[InvoiceOutcome, bool]:
    """What `one` would do, and whether it would take a new number; nothing is written."""
    if _in_flight(uow, invoice_id):
        return row_of(uow, invoice_id, Outcome.WOULD_ISSUE, m.WOULD_RESOLVE), False
    invoice = uow.session.get(Invoice, invoice_id)
    why = prepare.refusal(uow, who, invoice, invoice_id)
    if why is not None:
        return row_of(uow, invoice_id, Outcome.REFUSED, why), False
    assert invoice is not None
    doc = prepare.reusable(uow, invoice_id)
    new = doc is None
    if doc is None:
        doc = prepare.new_document(uow, who, invoice, 0, now, number=number)
    try:  # the client's data and the layout are checked as for real
        build_dps(prepare.data_for(uow, who, doc, invoice, now))
    except (ContofficeError, FiscalError) as error:
        return row_of(uow, invoice_id, Outcome.REFUSED, str(error)), False
    message = m.WOULD_ISSUE.format(number=doc.number, series=doc.series,
                                   amount=format_money(doc.amount_cents))
    return row_of(uow, invoice_id, Outcome.WOULD_ISSUE, message), new


def generate(uow: UnitOfWork, actor: Actor, invoice_ids: Sequence[int], *,
             dry_run: bool = False, progress: Progress | None = None,
             now: Callable[[], datetime] | None = None) -> GenerateReport:
    """Generate (or preview) the NFS-e of the invoices, one at a time, under the série's lock."""
    require(actor, "fiscal.generate")
    progress, clock = progress or NullProgress(), now or (lambda: datetime.now(UTC))
    who = emitter(uow, fiscal_settings.read(uow))
    ids = list(dict.fromkeys(invoice_ids))
    if dry_run:
        if certificates.info(uow) is None:
            raise NotAllowed(m.NO_CERTIFICATE)
        values = who.settings
        first = numbering.next_number(uow, values.environment, who.document, values.city_code,
                                      values.series)
        rows, taken = [], 0
        for n, invoice_id in enumerate(ids):
            row, new = _preview(uow, who, invoice_id, first + taken, clock())
            rows.append(row)
            taken += new
            progress.step(n + 1, len(ids), row.name)
        uow.rollback()
        return GenerateReport(True, tuple(rows))
    certificates.load(uow)  # refused now (no certificate, no password) rather than after waiting
    uow.rollback()  # no transaction stays open while this desk waits for the lock
    key, name = lock_key(who.settings.environment, who.settings.series)
    done: list[InvoiceOutcome] = []
    with run_lock.exclusive(database_of(uow), LOCK_CLASS, key, name):
        run = session(uow, actor, clock)
        for invoice_id in ids:
            if progress.cancelled():
                return GenerateReport(False, tuple(done), cancelled=True)
            done.append(one(uow, run, invoice_id))
            progress.step(len(done), len(ids), done[-1].name)
    return GenerateReport(False, tuple(done))
