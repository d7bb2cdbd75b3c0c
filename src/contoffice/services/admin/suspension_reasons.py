"""Configuração Motivos de Suspensão: the reasons invoice and charge suspension offer."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from contoffice.db.models import SuspensionReason
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.kernel import audit, messages
from contoffice.services.kernel.permissions import Actor, require

FIELD = "Motivo de suspensão"


@dataclass(frozen=True, slots=True)
class ReasonRow:
    id: int
    text: str
    active: bool


def list_reasons(uow: UnitOfWork) -> list[ReasonRow]:
    """Every reason, active ones first, alphabetical."""
    with uow:
        rows = uow.session.scalars(select(SuspensionReason).order_by(
            SuspensionReason.active.desc(), SuspensionReason.text))
        return [ReasonRow(r.id, r.text, r.active) for r in rows]


def save_reason(uow: UnitOfWork, actor: Actor, text: str, *, reason_id: int | None = None,
                active: bool = True) -> int:
    """Add a reason, or rename / (de)activate one; reasons are never deleted (history)."""
    require(actor, "settings.suspension_reasons")
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise InvalidInput(messages.REQUIRED_FIELD.format(field=FIELD), field=FIELD)
    if len(cleaned) > 120:
        raise InvalidInput(messages.SUSPENSION_REASON_TOO_LONG.format(length=120), field=FIELD)
    other = uow.session.scalar(select(SuspensionReason.id).where(
        SuspensionReason.text == cleaned))
    if other is not None and other != reason_id:
        raise InvalidInput(messages.SUSPENSION_REASON_EXISTS.format(reason=cleaned), field=FIELD)
    row = SuspensionReason() if reason_id is None else uow.get(
        SuspensionReason, reason_id, what="Motivo de suspensão")
    before = {} if reason_id is None else {"text": row.text, "active": row.active}
    row.text, row.active = cleaned, active
    uow.session.add(row)
    uow.flush()
    audit.record(uow, actor, "suspension_reason.saved", "suspension_reason", row.id,
                 before=before, after={"text": cleaned, "active": active})
    uow.commit()
    return row.id
