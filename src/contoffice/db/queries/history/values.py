"""How one value of the audit trail is shown the pt-BR way: dates, cents, statuses, references."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from contoffice.core.format import (
    format_competence,
    format_date,
    format_datetime,
    format_money,
    format_percent,
)
from contoffice.core.vocab import (
    CancellationStatus,
    ChargeStatus,
    ContractStatus,
    InvoiceStatus,
    PersonKind,
    role_label,
)

# --- How a value is shown.
EMPTY = "(em branco)"
DUE_RULES = {"fixed_day": "dia fixo do mês", "business_day": "dia útil do mês"}
DUE_OFFSETS = {0: "no mês da competência", 1: "no mês seguinte", 2: "dois meses depois"}
_STATUS_LABELS: dict[str, dict[str, str]] = {
    "invoice": {s.value: s.label for s in InvoiceStatus},
    "contract": {s.value: s.label for s in ContractStatus},
    "charge": {s.value: s.label for s in ChargeStatus},
    "cancellation_request": {s.value: s.label for s in CancellationStatus},
}


def as_date(value: Any) -> str:
    """dd/mm/aaaa from a date or its ISO text (the audit trail keeps dates as text)."""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    text = str(value)
    try:
        return format_datetime(datetime.fromisoformat(text)) if len(text) > 10 \
            else format_date(date.fromisoformat(text))
    except ValueError:
        return text


def as_competence(value: Any) -> str:
    if isinstance(value, date):
        return format_competence(value)
    try:
        return format_competence(date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value)


def as_money(value: Any) -> str:
    try:
        return format_money(int(value))
    except (TypeError, ValueError):
        return str(value)


def as_percent(value: Any) -> str:
    try:
        return format_percent(int(value))
    except (TypeError, ValueError):
        return str(value)


def yes_no(value: Any) -> str:
    if isinstance(value, str):
        value = value.strip().lower() in ("1", "true", "sim")
    return "Sim" if value else "Não"


def quoted(value: Any) -> str:
    return f"«{value}»"


def as_number(value: Any) -> str:
    return str(value)


def by_label(labels: Mapping[Any, str]) -> Callable[[Any], str]:
    return lambda value: labels.get(value, str(value))


def ref(noun: str, plural: str | None = None) -> Callable[[Any], str]:
    """ "fatura 12", or for a list "faturas 12, 13"; a count reads "3 contas"."""
    many = plural or noun + "s"

    def show(value: Any) -> str:
        if isinstance(value, list | tuple):
            ids = ", ".join(str(v) for v in value)
            return f"{noun} {ids}" if len(value) == 1 else f"{many} {ids}"
        if isinstance(value, int) and not isinstance(value, bool) and noun == "conta":
            return f"{value} {noun if value == 1 else many}"  # a count, not an id
        return f"{noun} {value}"

    return show


def status_of(entity: str) -> Callable[[Any], str]:
    return by_label(_STATUS_LABELS.get(entity, {}))


def as_roles(value: Any) -> str:
    try:
        return role_label(int(value))
    except (TypeError, ValueError):
        return str(value)


PERSON_KINDS = {k.value: k.label for k in PersonKind}
Show = Callable[[Any], str]


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}
