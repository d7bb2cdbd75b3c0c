"""The client finder: every filter of the five panels (INV-A-1..8), server-side."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, exists, false, func, select
from sqlalchemy.orm import Session

from contoffice.core.documents import normalize_document
from contoffice.core.filters import date_range
from contoffice.core.paging import Page, PageRequest
from contoffice.core.text import ascii_digits, database_text, fold, is_ascii_digits
from contoffice.core.vocab import CLASSIFICATIONS, PersonKind
from contoffice.db.models import EmailTest, Person
from contoffice.db.queries import people_search
from contoffice.db.queries.common import apply_sort, count, page, prefix


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One row of the finder grids: the eight columns of INV-A-2 and a few more."""

    id: int
    registered_on: date
    name: str
    document: str
    email: str
    phone: str
    city: str
    district: str
    kind: str
    roles: int
    active: bool
    trade_name: str
    state: str


_COLUMNS = (
    Person.id,
    Person.registered_on,
    Person.name,
    Person.document,
    Person.email,
    Person.phone,
    Person.city,
    Person.district,
    Person.kind,
    Person.roles,
    Person.active,
    Person.trade_name,
    Person.state,
)
SORT_COLUMNS: dict[str, Any] = {
    "id": Person.id,
    "registered_on": Person.registered_on,
    "name": Person.name_key,
    "document": Person.document,
    "email": Person.email,
    "phone": Person.phone,
    "city": Person.city_key,
    "district": Person.district_key,
    "trade_name": Person.trade_name_key,
}
LATEST_LIMIT = 1000


# Codes are at most 18 digits (any longer is no code and would overflow a BIGINT).
_MAX_CODE_DIGITS = 18


def _prefix_or_nothing(column: Any, text: str) -> Any:
    """`column` starts with text; text typed but left empty by cleaning ("%", "-") matches none."""
    return prefix(column, text) if text else false()


def filtered(filters: Mapping[str, Any]) -> Select[Any]:
    """The finder statement with every filter given (unknown keys are an error)."""
    stmt = select(*_COLUMNS)
    for key, value in filters.items():
        if value is None or value == "":
            continue
        condition = _condition(key, database_text(value) if isinstance(value, str) else value)
        if condition is not None:
            stmt = stmt.where(condition)
    return stmt


def _condition(key: str, value: Any) -> Any:
    if key == "active":
        return Person.active.is_(bool(value))
    if key == "code":
        code = str(value).strip()
        if not is_ascii_digits(code) or len(code) > _MAX_CODE_DIGITS:
            return false()  # letters, "٣" or 5,000 digits: no such code
        return Person.id == int(code)
    if key == "name":
        return prefix(Person.name_key, fold(value))
    if key == "text":  # the finder's search box: any part of name, document, e-mail, phone
        return people_search.text_condition(str(value))
    if key == "name_contains":  # "Cliente" of the advanced search: any part of the name
        return Person.name_key.contains(fold(value), autoescape=True)
    if key == "trade_name":
        return Person.trade_name_key.contains(fold(value), autoescape=True)
    if key == "document":
        return _prefix_or_nothing(Person.document, normalize_document(value))
    if key == "email":
        return prefix(Person.email, str(value).strip().lower())
    if key == "phone":
        digits = ascii_digits(str(value))
        if not digits:
            return false()  # "%" or "()" would otherwise be a prefix of every phone
        return prefix(Person.phone, digits) | prefix(Person.mobile, digits)
    if key == "city":
        return prefix(Person.city_key, fold(value))
    if key == "district":
        return prefix(Person.district_key, fold(value))
    if key == "street":
        return prefix(Person.street_key, fold(value))
    if key == "postal_code":
        return _prefix_or_nothing(Person.postal_code, ascii_digits(str(value)))
    if key == "state":
        return Person.state == str(value).upper()
    if key == "kind":
        return Person.kind == PersonKind(value).value
    if key == "classification":
        _label, roles = CLASSIFICATIONS[value]
        return Person.kind == PersonKind.PRE.value if roles is None else Person.roles == int(roles)
    if key == "registered_on":  # the grid's column filter: a day, month, year or range
        found = date_range(str(value))
        return None if found is None else _date_between(found)
    if key == "registered_from":
        return Person.registered_on >= value
    if key == "registered_to":
        return Person.registered_on <= value
    if key == "with_email_and_phone":
        return (
            (
                Person.active.is_(True)
                & (Person.email != "")
                & ((Person.phone != "") | (Person.mobile != ""))
            )
            if value
            else None
        )
    if key in ("email_tested_from", "email_tested_to"):
        return None  # applied together below
    raise KeyError(f"unknown finder filter {key!r}")


def _date_between(found: tuple[date | None, date | None]) -> Any:
    low, high = found
    if low is not None and high is not None:
        return Person.registered_on.between(low, high)
    return Person.registered_on >= low if low is not None else Person.registered_on <= high


def _email_tested(filters: Mapping[str, Any]) -> Any:
    start, end = filters.get("email_tested_from"), filters.get("email_tested_to")
    if not start and not end:
        return None
    sub = select(EmailTest.id).where(EmailTest.person_id == Person.id)
    if start:
        sub = sub.where(func.date(EmailTest.tested_at) >= start)
    if end:
        sub = sub.where(func.date(EmailTest.tested_at) <= end)
    return exists(sub)


def search(session: Session, request: PageRequest, *, cap: int | None = None) -> Page[PersonRow]:
    """One page of the finder for the request's filters and sort."""
    stmt = filtered(request.filters)
    tested = _email_tested(request.filters)
    if tested is not None:
        stmt = stmt.where(tested)
    stmt = apply_sort(stmt, request, SORT_COLUMNS, Person.id)
    return page(session, stmt, request, PersonRow, cap=cap)


def latest_active(session: Session, request: PageRequest) -> Page[PersonRow]:
    """ "Últimos 1000 novos cadastros ativos": newest registrations first, at most 1,000."""
    filters = {**request.filters, "active": True}
    sort = request.sort or ()
    ordered = PageRequest(filters, sort, request.offset, request.limit)
    if not sort:
        stmt = filtered(filters).order_by(Person.registered_on.desc(), Person.id.desc())
        return page(session, stmt, ordered, PersonRow, cap=LATEST_LIMIT)
    # The clerk re-sorted: sort the latest 1,000, not the whole table.
    latest = (
        filtered(filters)
        .with_only_columns(Person.id)
        .order_by(Person.registered_on.desc(), Person.id.desc())
        .limit(LATEST_LIMIT)
    )
    stmt = select(*_COLUMNS).where(Person.id.in_(latest.scalar_subquery()))
    return page(session, apply_sort(stmt, ordered, SORT_COLUMNS, Person.id), ordered, PersonRow)


def total(session: Session, filters: Mapping[str, Any]) -> int:
    """How many people match, without loading them."""
    return count(session, filtered(filters))
