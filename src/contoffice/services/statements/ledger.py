"""Extrato / estado de conta (INV-C-3..5, INV-T-2): a client's receivables over a period.

What the statement counts, precisely:

* the client's receivable invoices (faturas a receber) that are open, partially
  settled or settled; suspended and removed ones are left out, as the client
  panel's header leaves them out of its balances;
* each invoice enters on its issue date for its value as it stands today minus
  the discount/surcharge contas a settlement added to it (those enter on the
  settlement's date, so a discount shows as a discount, not as a smaller invoice);
* every settlement (liquidação) of those invoices on its date, and every reversal
  (estorno) on the day it was made, giving the amount back; a discount/surcharge
  a reversal removed enters on the settlement's date and leaves on the reversal's.

The opening balance is the sum of every such entry dated before `start`; the
lines are the entries from `start` to `end` in date order (invoice, adjustment,
settlement, reversal within a day); the closing balance is the opening plus the
lines. With `end` today it equals the header's overdue + current balance, since
for each invoice the entries add up to its value minus what was paid on it.
The aging splits what each invoice still owes at `end` by its days overdue then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from contoffice.core.format import format_date
from contoffice.core.vocab import ChargeStatus, InvoiceStatus
from contoffice.db.models import Charge, Invoice, Person, Settlement
from contoffice.db.queries.client_panel import AGING_BUCKETS
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, NotFound
from contoffice.services.kernel import messages
from contoffice.services.kernel.permissions import Actor, require

PERMISSION = "invoices.print"
COUNTED = (InvoiceStatus.OPEN, InvoiceStatus.PARTIAL, InvoiceStatus.SETTLED)
NOT_DUE = "A vencer"
FIELD_END = "Data final"
INVERTED = "Período inválido: a data final ({end}) é anterior à data inicial ({start})."
# Order of the entries of one day: the invoice before what is paid on it.
INVOICE, DISCOUNT, SURCHARGE, ADJUSTMENT_UNDONE, SETTLEMENT, REVERSAL = range(6)
KIND_NAMES = ("fatura", "desconto", "acrescimo", "ajuste_estornado", "liquidacao", "estorno")


@dataclass(frozen=True, slots=True)
class StatementLine:
    """One entry: `amount_cents` > 0 raises what the client owes, < 0 lowers it."""

    day: date
    kind: str  # one of KIND_NAMES
    description: str
    invoice_id: int
    due_date: date
    amount_cents: int
    balance_cents: int  # the running balance after this entry

    @property
    def debit_cents(self) -> int:
        """What this entry adds to the balance (0 when it lowers it)."""
        return max(self.amount_cents, 0)

    @property
    def credit_cents(self) -> int:
        """What this entry takes off the balance, as a positive amount."""
        return max(-self.amount_cents, 0)


@dataclass(frozen=True, slots=True)
class AgingBucket:
    label: str  # "A vencer", "1–30", …, "> 90"
    cents: int
    count: int  # invoices with something open in the bucket


@dataclass(frozen=True, slots=True)
class Statement:
    person_id: int
    name: str
    trade_name: str
    document: str
    start: date
    end: date
    opening_cents: int
    lines: tuple[StatementLine, ...]
    closing_cents: int
    aging: tuple[AgingBucket, ...]  # NOT_DUE first, then one per AGING_BUCKETS

    @property
    def invoiced_cents(self) -> int:
        """Invoices issued in the period."""
        return sum(line.amount_cents for line in self.lines if line.kind == "fatura")

    @property
    def received_cents(self) -> int:
        """Settlements in the period net of the reversals in it."""
        kinds = ("liquidacao", "estorno")
        return -sum(line.amount_cents for line in self.lines if line.kind in kinds)


@dataclass(frozen=True, slots=True)
class _Entry:
    day: date
    order: int
    ref: int  # settlement or charge id: a stable order within a day
    invoice: Invoice
    amount_cents: int
    description: str


def check_period(start: date, end: date) -> None:
    """Refuse an inverted period, naming the end date."""
    if end < start:
        raise InvalidInput(INVERTED.format(start=format_date(start), end=format_date(end)),
                           field=FIELD_END)


def statement(uow: UnitOfWork, actor: Actor, person_id: int, start: date, end: date) -> Statement:
    """The client's statement of account from `start` to `end` (both included)."""
    require(actor, PERMISSION)
    check_period(start, end)
    with uow:
        person = uow.session.get(Person, person_id)
        if person is None:
            raise NotFound(messages.PERSON_NOT_FOUND.format(code=person_id))
        entries = _entries(uow, person_id, end)
    opening = sum(e.amount_cents for e in entries if e.day < start)
    running, lines = opening, []
    for e in sorted((e for e in entries if e.day >= start),
                    key=lambda e: (e.day, e.invoice.id, e.order, e.ref)):
        running += e.amount_cents
        lines.append(StatementLine(e.day, KIND_NAMES[e.order], e.description, e.invoice.id,
                                   e.invoice.due_date, e.amount_cents, running))
    return Statement(person.id, person.name, person.trade_name, person.document, start, end,
                     opening, tuple(lines), running, _aging(entries, end))


def _entries(uow: UnitOfWork, person_id: int, end: date) -> list[_Entry]:
    """Every dated entry up to `end` of the client's counted invoices."""
    invoices = {i.id: i for i in uow.session.scalars(select(Invoice).where(
        Invoice.person_id == person_id, Invoice.direction == "R",
        Invoice.status.in_(COUNTED), Invoice.issue_date <= end))}
    if not invoices:
        return []
    ids = list(invoices)
    settlements = list(uow.session.scalars(select(Settlement).where(
        Settlement.invoice_id.in_(ids), Settlement.person_id == person_id)))
    reversal_day = {s.reverses_id: s.settled_on for s in settlements if s.reverses_id}
    adjustments = uow.session.execute(
        select(Charge.id, Charge.amount_cents, Charge.status, Settlement.id.label("sid"),
               Settlement.invoice_id, Settlement.settled_on)
        .join(Settlement, Settlement.id == Charge.settlement_id)
        .where(Settlement.invoice_id.in_(ids))).all()
    entries: list[_Entry] = []
    standing = dict.fromkeys(ids, 0)  # active adjustments inside each invoice's value
    for a in adjustments:
        invoice = invoices[a.invoice_id]
        order = DISCOUNT if a.amount_cents < 0 else SURCHARGE
        text = "Desconto na liquidação" if order == DISCOUNT else "Acréscimo na liquidação"
        if a.status != ChargeStatus.REMOVED:
            standing[invoice.id] += a.amount_cents
        elif a.sid in reversal_day:
            entries.append(_Entry(reversal_day[a.sid], ADJUSTMENT_UNDONE, a.id, invoice,
                                  -a.amount_cents, f"{text} desfeito no estorno"))
        else:
            continue  # removed without a reversal: never part of the invoice
        entries.append(_Entry(a.settled_on, order, a.id, invoice, a.amount_cents, text))
    for invoice in invoices.values():
        entries.append(_Entry(invoice.issue_date, INVOICE, 0, invoice,
                              invoice.amount_cents - standing[invoice.id], _describe(invoice)))
    for s in settlements:
        reversal = s.amount_cents < 0
        entries.append(_Entry(s.settled_on, REVERSAL if reversal else SETTLEMENT, s.id,
                              invoices[s.invoice_id], -s.amount_cents,
                              "Estorno de liquidação" if reversal else "Liquidação"))
    return [e for e in entries if e.day <= end]


def _describe(invoice: Invoice) -> str:
    return invoice.description or f"Fatura nº {invoice.id}"


def _aging(entries: list[_Entry], end: date) -> tuple[AgingBucket, ...]:
    """What each invoice owes at `end`, by days overdue (due on `end` is not yet overdue)."""
    owed: dict[int, tuple[date, int]] = {}
    for e in entries:
        due, cents = owed.get(e.invoice.id, (e.invoice.due_date, 0))
        owed[e.invoice.id] = (due, cents + e.amount_cents)
    labels = [NOT_DUE, *(label for label, _first, _last in AGING_BUCKETS)]
    cents, counts = [0] * len(labels), [0] * len(labels)
    for due, open_cents in owed.values():
        if open_cents == 0:
            continue
        late = (end - due).days
        index = 0
        for n, (_label, first, last) in enumerate(AGING_BUCKETS, start=1):
            if late >= first and (last is None or late <= last):
                index = n
        cents[index] += open_cents
        counts[index] += 1
    return tuple(AgingBucket(*row) for row in zip(labels, cents, counts, strict=True))
