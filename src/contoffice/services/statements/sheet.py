"""Ficha cadastral (seed 001 "imprimir ficha"): a person's registration on one page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from contoffice.db.models import Contract, Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import NotFound
from contoffice.services.kernel import messages
from contoffice.services.kernel.permissions import Actor, require

PERMISSION = "people.view"
# Informações de acesso are shown only to whoever may see them on the person form.
ACCESS_PERMISSION = "people.access_data"


@dataclass(frozen=True, slots=True)
class ContractSummary:
    contract_id: int
    plan: str
    fee_cents: int
    status: str  # ContractStatus code
    due_day: int
    starts_on: date
    ends_on: date | None


@dataclass(frozen=True, slots=True)
class AccessSummary:
    """The client's access login; the password never leaves the database."""

    login: str
    active: bool
    expires_on: date | None


@dataclass(frozen=True, slots=True)
class ClientSheet:
    person_id: int
    kind: str  # PersonKind code
    roles: int
    name: str
    trade_name: str
    document: str
    state_registration: str
    municipal_registration: str
    street: str
    number: str
    complement: str
    district: str
    city: str
    state: str
    postal_code: str
    phone: str
    mobile: str
    email: str
    email_cc: str
    registered_on: date
    active: bool
    default_due_day: int | None
    contracts: tuple[ContractSummary, ...]
    access: AccessSummary | None  # None: no login, or not the operator's to see


def client_sheet(uow: UnitOfWork, actor: Actor, person_id: int) -> ClientSheet:
    """Everything the ficha cadastral prints about the person."""
    require(actor, PERMISSION)
    with uow:
        p = uow.session.get(Person, person_id)
        if p is None:
            raise NotFound(messages.PERSON_NOT_FOUND.format(code=person_id))
        contracts = tuple(
            ContractSummary(c.id, c.plan, c.fee_cents, str(c.status), c.due_day, c.starts_on,
                            c.ends_on)
            for c in uow.session.scalars(
                select(Contract).where(Contract.person_id == person_id).order_by(Contract.id)))
        access = None
        if p.access_login and actor.can(ACCESS_PERMISSION):
            access = AccessSummary(p.access_login, bool(p.access_active), p.access_expires_on)
        return ClientSheet(
            p.id, str(p.kind), p.roles, p.name, p.trade_name, p.document, p.state_registration,
            p.municipal_registration, p.street, p.number, p.complement, p.district, p.city,
            p.state, p.postal_code, p.phone, p.mobile, p.email, p.email_cc, p.registered_on,
            p.active, p.default_due_day, contracts, access)
