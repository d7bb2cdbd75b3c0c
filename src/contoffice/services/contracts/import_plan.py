"""The plan of a contracts import: for every row, the contract it creates or why it is refused.

A row names its client by CPF/CNPJ (the clients are imported first) and carries the
plan, its monthly value (pt-BR), the start and the due day, checked as the Novo
contrato form checks them, once for the whole sheet's bounds (ceiling, founding date).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from contoffice.core.documents import format_document, normalize_document
from contoffice.core.format import format_date, format_money, parse_date
from contoffice.core.money import Money
from contoffice.core.progress import Progress, check_cancelled
from contoffice.core.text import fold, is_ascii_digits
from contoffice.core.validation import ValidationError
from contoffice.core.vocab import ContractStatus
from contoffice.db.models import Contract
from contoffice.db.uow import UnitOfWork
from contoffice.exports.columns import ColumnMap, FieldSpec
from contoffice.exports.reader import SheetData
from contoffice.services.contracts import import_messages as m
from contoffice.services.kernel import messages as km
from contoffice.services.kernel.money_limits import MoneyLimits, limits
from contoffice.services.kernel.sheet_imports import people_by_document
from contoffice.services.kernel.sheet_plans import PlannedRow, RowRefused, SheetPlan

STEP = 1_000
_CHUNK = 900
FIELDS = (
    FieldSpec("document", "CPF/CNPJ do cliente",
              ("cpf", "cnpj", "cpf cnpj", "cnpj/cpf", "documento", "cpf/cnpj", "cliente")),
    FieldSpec("plan", "Plano", ("plano", "servico", "nome do plano", "contrato")),
    FieldSpec("fee", "Valor do plano",
              ("valor", "mensalidade", "honorario", "honorarios", "valor mensal", "preco")),
    FieldSpec("starts_on", "Início", ("inicio", "data de inicio", "inicio do contrato",
                                      "data inicio", "vigencia")),
    FieldSpec("due_day", "Dia de vencimento", ("vencimento", "dia", "dia vencimento")),
    FieldSpec("description", "Descrição", ("descricao", "observacao", "obs")),
    FieldSpec("grouping", "Agrupamento", ("grupo",)),
)
MAP = ColumnMap(FIELDS, ("document", "plan", "fee"),
                ("document", "plan", "fee", "starts_on", "due_day"))


PlannedContract = PlannedRow  # the names the window and the command line use
ContractPlan = SheetPlan


def _fee(text: str, bounds: MoneyLimits) -> int:
    label = "Valor do plano"
    cents = Money.parse(text, label).cents
    if cents <= 0:
        raise RowRefused(km.AMOUNT_NOT_POSITIVE)
    if cents > bounds.ceiling_cents:
        raise RowRefused(km.AMOUNT_ABOVE_CEILING.format(
            field=label, ceiling=format_money(bounds.ceiling_cents)))
    return cents


def _start(text: str, bounds: MoneyLimits, today: date) -> date:
    day = parse_date(text, "Início") if text.strip() else today
    latest = bounds.latest_date(today)
    if day < bounds.founded_on:
        raise RowRefused(km.DATE_BEFORE_OFFICE.format(
            field="Início", date=format_date(day), founded=format_date(bounds.founded_on)))
    if day > latest:
        raise RowRefused(km.DATE_TOO_FAR.format(field="Início", date=format_date(day),
                                              latest=format_date(latest)))
    return day


def _due_day(text: str) -> int:
    cleaned = text.strip() or "10"
    if not is_ascii_digits(cleaned) or not 1 <= int(cleaned) <= 31:
        raise RowRefused(m.DUE_DAY_INVALID.format(day=text.strip()))
    return int(cleaned)


def _row_values(values: dict[str, str], bounds: MoneyLimits, today: date) -> dict[str, object]:
    plan = " ".join(values.get("plan", "").split())
    if not plan:
        raise RowRefused(m.PLAN_EMPTY)
    limit = int(Contract.__table__.columns["plan"].type.length)
    if len(plan) > limit:
        raise RowRefused(m.PLAN_TOO_LONG.format(limit=limit, length=len(plan)))
    return {"plan": plan, "fee_cents": _fee(values.get("fee", ""), bounds),
            "starts_on": _start(values.get("starts_on", ""), bounds, today),
            "due_day": _due_day(values.get("due_day", "")),
            "description": values.get("description", "").strip(),
            "grouping": values.get("grouping", "").strip()[:80]}


def make_plan(uow: UnitOfWork, sheet: SheetData, columns: Sequence[str], today: date,
              progress: Progress) -> ContractPlan:
    """Check every row: its values, its client, and the contracts already there."""
    bounds = limits(uow)
    rows = [(r.number, {k: c for k, c in zip(columns, r.cells, strict=True) if k})
            for r in sheet.rows]
    documents = {normalize_document(v.get("document", "")) for _n, v in rows}
    people = people_by_document(uow, sorted(d for d in documents if d))
    active = _active(uow, [pid for pid, _name in people.values()])
    seen: dict[tuple[int, str], int] = {}
    planned: list[PlannedContract] = []
    values: dict[int, dict[str, object]] = {}
    for done, (number, cells) in enumerate(rows, start=1):
        if done % STEP == 0:
            check_cancelled(progress)
            progress.step(done, len(rows) * 2, m.CHECKING)
        document = normalize_document(cells.get("document", ""))
        shown = format_document(document)
        found = people.get(document)
        try:
            if not document:
                raise RowRefused(m.CLIENT_DOCUMENT_EMPTY)
            if found is None:
                raise RowRefused(m.CLIENT_UNKNOWN.format(document=shown))
            row = _row_values(cells, bounds, today)
            key = (found[0], fold(str(row["plan"])))
            if key in active:
                raise RowRefused(m.ALREADY_ACTIVE.format(code=active[key], plan=row["plan"]))
            if key in seen:
                raise RowRefused(m.REPEATED.format(first=seen[key]))
            seen[key] = number
        except (RowRefused, ValidationError) as error:
            planned.append(PlannedContract(number, found[1] if found else "", shown,
                                           str(error.message)))
            continue
        planned.append(PlannedContract(number, found[1], shown))
        values[number] = {**row, "person_id": found[0]}
    return ContractPlan(sheet.name, sheet.headers, tuple(columns), tuple(planned), values)


def _active(uow: UnitOfWork, person_ids: Sequence[int]) -> dict[tuple[int, str], int]:
    found: dict[tuple[int, str], int] = {}
    unique = sorted(set(person_ids))
    for start in range(0, len(unique), _CHUNK):
        query = select(Contract.person_id, Contract.plan, Contract.id).where(
            Contract.person_id.in_(unique[start:start + _CHUNK]),
            Contract.status == ContractStatus.ACTIVE)
        for person_id, plan, contract_id in uow.session.execute(query):
            found.setdefault((person_id, fold(plan)), contract_id)
    return found
