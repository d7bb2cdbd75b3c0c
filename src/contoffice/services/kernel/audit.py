"""One helper writes every audit event, so the trail is uniform."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import insert

from contoffice.db.models import AuditEvent
from contoffice.db.uow import UnitOfWork
from contoffice.services.kernel.permissions import Actor

# One encoder for every event: building one per call costs more than the encoding.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)


def _dump(values: Mapping[str, Any] | None) -> str:
    return _ENCODER.encode(values) if values else ""


def values(
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    *,
    person_id: int | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    justification: str = "",
) -> dict[str, Any]:
    """The columns of one audit event (for `record` or a bulk `record_many`)."""
    return {
        "operator_id": actor.id,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "person_id": person_id,
        "before": _dump(before),
        "after": _dump(after),
        "justification": justification,
    }


def record(
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    *,
    person_id: int | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    justification: str = "",
) -> None:
    """Add an audit event to the unit of work (committed with the change it records)."""
    uow.session.add(
        AuditEvent(
            **values(
                actor,
                action,
                entity,
                entity_id,
                person_id=person_id,
                before=before,
                after=after,
                justification=justification,
            )
        )
    )


def record_many(uow: UnitOfWork, rows: Sequence[Mapping[str, Any]]) -> None:
    """Write many audit events (built with `values`) in one executemany."""
    if rows:
        uow.session.execute(insert(AuditEvent.__table__), list(rows))


def changed_fields(obj: Any, values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The (before, after) of the attributes `values` would change on `obj`."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for key, value in values.items():
        old = getattr(obj, key)
        if old != value:
            before[key], after[key] = old, value
    return before, after
