"""The plan of an open-invoices import: for every row, the invoice it creates or why not.

An office moving in brings what its clients still owe: one row per open invoice, the
client by CPF/CNPJ (imported first), the value (pt-BR), the due date and a description.
Each becomes an open invoice over one conta avulsa, without nosso número (the old
system's boleto is not ours: a new one is issued from here when the office wants).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import cast

from sqlalchemy import select

from contoffice.core.documents import format_document, normalize_document
from contoffice.core.format import format_date, format_money, parse_date
from contoffice.core.money import Money
from contoffice.core.progress import Progress, check_cancelled
from contoffice.core.validation import ValidationError
from contoffice.core.vocab import InvoiceStatus
from contoffice.db.models import Invoice
from contoffice.db.uow import UnitOfWork
from contoffice.exports.columns import ColumnMap, FieldSpec
from contoffice.exports.reader import SheetData
from contoffice.services.invoices import import_messages as m
from contoffice.services.kernel import messages as km
from contoffice.services.kernel.money_limits import MoneyLimits, limits
from contoffice.services.kernel.sheet_imports import people_by_document
from contoffice.services.kernel.sheet_plans import PlannedRow, RowRefused, SheetPlan

STEP = 1_000
_CHUNK = 900
FIELDS = (
    FieldSpec("document", "CPF/CNPJ do cliente",
              ("cpf", "cnpj", "cpf cnpj", "cnpj/cpf", "documento", "cpf/cnpj", "cliente")),
    FieldSpec("amount", "Valor", ("valor", "valor da fatura", "valor em aberto", "saldo",
                                  "total")),
    FieldSpec("due_date", "Vencimento", ("vencimento", "data de vencimento", "venc")),
    FieldSpec("description", "Descrição", ("descricao", "historico", "referencia")),
    FieldSpec("issue_date", "Emissão", ("emissao", "data de emissao")),
)
MAP = ColumnMap(FIELDS, ("document", "amount", "due_date"),
                ("document", "amount", "due_date", "description"))


PlannedInvoice = PlannedRow  # the names the window and the command line use
InvoicePlan = SheetPlan


def _bounded(day: date, label: str, bounds: MoneyLimits, today: date) -> date:
    latest = bounds.latest_date(today)
    if day < bounds.founded_on:
        raise RowRefused(km.DATE_BEFORE_OFFICE.format(
            field=label, date=format_date(day), founded=format_date(bounds.founded_on)))
    if day > latest:
        raise RowRefused(km.DATE_TOO_FAR.format(field=label, date=format_date(day),
                                              latest=format_date(latest)))
    return day


def _row_values(cells: dict[str, str], bounds: MoneyLimits, today: date) -> dict[str, object]:
    cents = Money.parse(cells.get("amount", ""), "Valor").cents
    if cents <= 0:
        raise RowRefused(km.AMOUNT_NOT_POSITIVE)
    if cents > bounds.ceiling_cents:
        raise RowRefused(km.AMOUNT_ABOVE_CEILING.format(
            field="Valor", ceiling=format_money(bounds.ceiling_cents)))
    due = _bounded(parse_date(cells.get("due_date", ""), "Vencimento"), "Vencimento", bounds,
                   today)
    issue_text = cells.get("issue_date", "").strip()
    issue = _bounded(parse_date(issue_text, "Emissão"), "Emissão", bounds, today) \
        if issue_text else min(today, due)
    description = " ".join(cells.get("description", "").split())[:200]
    return {"amount_cents": cents, "due_date": due, "issue_date": min(issue, due),
            "description": description or m.DEFAULT_DESCRIPTION}


def make_plan(uow: UnitOfWork, sheet: SheetData, columns: Sequence[str], today: date,
              progress: Progress) -> InvoicePlan:
    """Check every row: its values, its client, and the open invoices already there."""
    bounds = limits(uow)
    rows = [(r.number, {k: c for k, c in zip(columns, r.cells, strict=True) if k})
            for r in sheet.rows]
    documents = {normalize_document(v.get("document", "")) for _n, v in rows} - {""}
    people = people_by_document(uow, sorted(documents))
    open_ = _open(uow, [pid for pid, _name in people.values()])
    seen: dict[tuple[int, date, int], int] = {}
    planned: list[PlannedInvoice] = []
    values: dict[int, dict[str, object]] = {}
    for done, (number, cells) in enumerate(rows, start=1):
        if done % STEP == 0:
            check_cancelled(progress)
            progress.step(done, len(rows) * 2, m.CHECKING)
        document = normalize_document(cells.get("document", ""))
        found = people.get(document)
        try:
            if not document:
                raise RowRefused(m.CLIENT_DOCUMENT_EMPTY)
            if found is None:
                raise RowRefused(m.CLIENT_UNKNOWN.format(document=format_document(document)))
            row = _row_values(cells, bounds, today)
            key = (found[0], cast(date, row["due_date"]), cast(int, row["amount_cents"]))
            if key in open_:
                raise RowRefused(m.ALREADY_OPEN.format(code=open_[key]))
            if key in seen:
                raise RowRefused(m.REPEATED.format(first=seen[key]))
            seen[key] = number
        except (RowRefused, ValidationError) as error:
            planned.append(PlannedInvoice(number, found[1] if found else "",
                                          format_document(document), str(error.message)))
            continue
        planned.append(PlannedInvoice(number, found[1], format_document(document)))
        values[number] = {**row, "person_id": found[0]}
    return InvoicePlan(sheet.name, sheet.headers, tuple(columns), tuple(planned), values)


def _open(uow: UnitOfWork, person_ids: Sequence[int]) -> dict[tuple[int, date, int], int]:
    found: dict[tuple[int, date, int], int] = {}
    unique = sorted(set(person_ids))
    for start in range(0, len(unique), _CHUNK):
        query = select(Invoice.person_id, Invoice.due_date, Invoice.amount_cents,
                       Invoice.id).where(Invoice.person_id.in_(unique[start:start + _CHUNK]),
                                         Invoice.status == InvoiceStatus.OPEN)
        for person_id, due, cents, invoice_id in uow.session.execute(query):
            found.setdefault((person_id, due, cents), invoice_id)
    return found
