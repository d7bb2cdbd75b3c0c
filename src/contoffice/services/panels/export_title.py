"""The title row of an exported sheet: office, table, the clerk's filter and sort, the date."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contoffice.core.format import SAO_PAULO, format_date
from contoffice.core.grids import NO, YES
from contoffice.core.paging import PageRequest
from contoffice.db.models import OfficeSetting
from contoffice.services.panels.grids import GridSpec

OFFICE_NAME_KEY = "office.name"  # the setting services.admin.office reads as the name
# Filters that are no column of the grid: the search box and the advanced search fields.
_OTHER_FILTERS = {
    "text": "Pesquisa", "code": "Código de cadastro", "name_contains": "Cliente",
    "trade_name": "Nome Fantasia", "street": "Logradouro", "postal_code": "CEP",
    "state": "UF", "kind": "Tipo", "classification": "Classificação",
    "registered_from": "Cadastro desde", "registered_to": "Cadastro até",
    "email_tested_from": "E-mail testado desde", "email_tested_to": "E-mail testado até",
    "with_email_and_phone": "Com e-mail e fone",
}


def office_name(session: Session) -> str:
    """The office's name from its settings ("" when not configured)."""
    stmt = select(OfficeSetting.value).where(OfficeSetting.key == OFFICE_NAME_KEY)
    return (session.scalar(stmt) or "").strip()


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, date | datetime):
        return format_date(value)
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(v) for v in value)
    return str(value).strip()


def describe_request(spec: GridSpec, request: PageRequest) -> str:
    """The clerk's filters and sort in pt-BR ("Cidade: São; ordem: Código decrescente")."""
    headers = {c.filter_key: c.header for c in spec.columns if c.filter_key}
    parts = []
    for key, value in request.filters.items():
        if value is None or value == "" or key in spec.fixed:
            continue
        label = headers.get(key) or _OTHER_FILTERS.get(key)
        if label is not None:  # fixed by the page (the person, the direction): not the clerk's
            parts.append(f"{label}: {_value(value)}")
    text = "Filtro: " + ("; ".join(parts) if parts else "nenhum")
    sorts = {c.sort_key or c.key: c.header for c in spec.columns}
    order = [f"{sorts[s.key]}{' decrescente' if s.descending else ''}"
             for s in request.sort if s.key in sorts]
    return text + (f"; ordem: {', '.join(order)}" if order else "")


def title_line(session: Session, spec: GridSpec, title: str, request: PageRequest,
               now: datetime | None = None) -> str:
    """Office · table · filter and sort · date and time of the export."""
    moment = (now or datetime.now(SAO_PAULO)).astimezone(SAO_PAULO)
    parts = [office_name(session), title, describe_request(spec, request),
             f"Exportado em {moment:%d/%m/%Y %H:%M}"]
    return " · ".join(p for p in parts if p)
