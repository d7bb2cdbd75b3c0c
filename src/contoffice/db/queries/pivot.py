"""Informações sintéticas: counts of registrations grouped by the fields the clerk drags in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import extract, func
from sqlalchemy.orm import Session

from contoffice.db.models import Person
from contoffice.db.queries.people import _email_tested, filtered

# Field key → the expression grouped by (labels are applied by the service).
FIELDS: dict[str, Any] = {
    "kind": Person.kind,
    "roles": Person.roles,
    "city": Person.city,
    "district": Person.district,
    "state": Person.state,
    "active": Person.active,
    "year": extract("year", Person.registered_on),
}
MAX_GROUPS = 5000  # a pivot by bairro over a whole state stays readable and bounded


def counts(
    session: Session, fields: Sequence[str], filters: Mapping[str, Any]
) -> list[tuple[tuple[Any, ...], int]]:
    """(values of `fields`, number of people) for every combination present."""
    exprs = [FIELDS[f].label(f) for f in fields]
    base = filtered(filters)
    tested = _email_tested(filters)
    if tested is not None:
        base = base.where(tested)
    stmt = base.with_only_columns(*exprs, func.count().label("n"), maintain_column_froms=True)
    if exprs:
        stmt = stmt.group_by(*exprs).order_by(*exprs)
    rows = session.execute(stmt.limit(MAX_GROUPS)).all()
    return [(tuple(row[:-1]), int(row[-1])) for row in rows]
