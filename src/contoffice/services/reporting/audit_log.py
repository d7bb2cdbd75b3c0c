"""Log de auditoria: the office's audit trail with filters (who, what, when, which client)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from contoffice.core.format import SAO_PAULO, format_date
from contoffice.core.grids import ColumnKind, ColumnSpec
from contoffice.core.text import ascii_digits
from contoffice.db.models import AuditEvent, Operator, Person
from contoffice.db.queries import history
from contoffice.db.queries import panel_common as pc
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.reporting import messages
from contoffice.services.reporting.model import AUDIT, Chart, Report, Series, Unit

MAX_ROWS = 1000  # newest first; the filters narrow the rest


@dataclass(frozen=True, slots=True)
class AuditFilter:
    operator_id: int | None = None
    action: str | None = None  # an audit action key (history.ACTION_LABELS)
    first: date | None = None  # local dates, both included
    last: date | None = None
    client: str = ""  # the client's code, or part of its name


@dataclass(frozen=True, slots=True)
class AuditChoices:
    operators: tuple[tuple[int, str], ...]
    actions: tuple[tuple[str, str], ...]  # (key, pt-BR label), by label


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime
    operator: str
    action: str
    entity: str
    entity_id: int | None
    person_id: int | None
    client: str
    detail: str


def choices(uow: UnitOfWork, actor: Actor) -> AuditChoices:
    """The operators and actions the filters offer."""
    with uow:
        require(actor, AUDIT)
        operators = tuple((int(i), n) for i, n in uow.session.execute(
            select(Operator.id, Operator.name).order_by(Operator.name, Operator.id)))
    actions = tuple(sorted(((k, v) for k, v in history.ACTION_LABELS.items() if "." in k),
                           key=lambda kv: (kv[1], kv[0])))
    return AuditChoices(operators, actions)


def _local_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=SAO_PAULO).astimezone(UTC)


def _conditions(wanted: AuditFilter) -> list[Any]:
    if wanted.first and wanted.last and wanted.last < wanted.first:
        raise InvalidInput(messages.DAYS_INVERTED)
    found: list[Any] = []
    if wanted.operator_id is not None:
        found.append(AuditEvent.operator_id == wanted.operator_id)
    if wanted.action:
        found.append(AuditEvent.action == wanted.action)
    if wanted.first:
        found.append(AuditEvent.at >= _local_start(wanted.first))
    if wanted.last:
        found.append(AuditEvent.at < _local_start(wanted.last + timedelta(days=1)))
    client = wanted.client.strip()
    if client:
        digits = ascii_digits(client)
        if digits == client and len(digits) <= 18:  # a code
            found.append(AuditEvent.person_id == int(digits))
        else:
            names = select(Person.id).where(pc.contains(Person.name)(client))
            found.append(AuditEvent.person_id.in_(names))
    return found


def audit_log(uow: UnitOfWork, actor: Actor, wanted: AuditFilter,
              limit: int = MAX_ROWS) -> Report:
    """The newest `limit` events the filter matches, told as sentences; chart: per operator."""
    where = _conditions(wanted)
    stmt = (
        select(AuditEvent, Operator.name, Person.name)
        .outerjoin(Operator, Operator.id == AuditEvent.operator_id)
        .outerjoin(Person, Person.id == AuditEvent.person_id)
        .where(*where).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(max(1, min(limit, MAX_ROWS))))
    who = func.coalesce(Operator.name, "")
    per_operator = (
        select(who, func.count(AuditEvent.id))
        .outerjoin(Operator, Operator.id == AuditEvent.operator_id)
        .where(*where).group_by(who).order_by(func.count(AuditEvent.id).desc(), who))
    with uow:
        require(actor, AUDIT)
        rows = tuple(
            AuditRow(e.id, e.at, name or "", history.label(e.action),
                     history.ENTITY_LABELS.get(e.entity, e.entity), e.entity_id, e.person_id,
                     client or "",
                     history.sentence(e.action, e.before, e.after, name, e.justification))
            for e, name, client in uow.session.execute(stmt))
        counts = [(name or "Sem operador", int(n))
                  for name, n in uow.session.execute(per_operator)]
    total = sum(n for _name, n in counts)
    return Report(
        "Log de auditoria", Chart.BARS, tuple(name for name, _n in counts),
        (Series("Eventos", tuple(n for _name, n in counts), Unit.COUNT),),
        (ColumnSpec("at", "Data e hora", ColumnKind.DATETIME, width=120),
         ColumnSpec("operator", "Operador", width=120),
         ColumnSpec("action", "Ação", width=170),
         ColumnSpec("entity", "Registro", width=100),
         ColumnSpec("entity_id", "Número", ColumnKind.INT, width=70),
         ColumnSpec("person_id", "Código", ColumnKind.INT, width=70),
         ColumnSpec("client", "Cliente", width=200),
         ColumnSpec("detail", "O que aconteceu", width=420)),
        rows,
        note="Eventos mais recentes primeiro; o gráfico conta os eventos por operador.",
        total=total if total > len(rows) else None,
        filters=_described(wanted), permission=AUDIT)


def _described(wanted: AuditFilter) -> tuple[str, ...]:
    """The filter in words, for the sheet's title rows."""
    parts = []
    if wanted.first or wanted.last:
        parts.append(f"Período: {format_date(wanted.first) or '…'} a "
                     f"{format_date(wanted.last) or '…'}")
    if wanted.action:
        parts.append(f"Ação: {history.label(wanted.action)}")
    if wanted.client.strip():
        parts.append(f"Cliente: {wanted.client.strip()}")
    return tuple(parts)
