"""The DPS of one invoice: the client as tomador, the office's settings, the observations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from contoffice.core import municipalities
from contoffice.core.documents import normalize_document
from contoffice.core.format import format_competence
from contoffice.core.version import app_version
from contoffice.db.models import Contract, FiscalDocument, Invoice, Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.fiscal.values import (
    Address,
    DpsData,
    Party,
    Regime,
    ServiceLine,
    Substitution,
    Taxes,
)
from contoffice.services.admin import office
from contoffice.services.fiscal import messages as m
from contoffice.services.fiscal.settings import FiscalSettings

SIMPLES_ME_EPP = 3
INFO_LIMIT = 2000  # xInfComp


@dataclass(frozen=True, slots=True)
class Emitter:
    """The office as prestador: what every DPS of this run shares."""

    document: str
    name: str
    settings: FiscalSettings


def emitter(uow: UnitOfWork, values: FiscalSettings) -> Emitter:
    """The office's identity and fiscal settings, refused while incomplete."""
    identity = office.identity(uow)
    document = normalize_document(identity.document)
    if not identity.name.strip() or len(document) != 14:
        raise NotAllowed(m.OFFICE_NOT_CONFIGURED)
    if municipalities.by_code(values.city_code) is None:
        raise NotAllowed(m.FISCAL_NOT_CONFIGURED)
    return Emitter(document, identity.name.strip(), values)


def competence_of(invoice: Invoice) -> date:
    """The month of service: the invoice's competência, else its issue month."""
    return (invoice.competence or invoice.issue_date).replace(day=1)


def amount_of(invoice: Invoice, values: FiscalSettings) -> int:
    """The note's value: the invoice's, or what was received (INV-L-3 setting)."""
    return invoice.paid_cents if values.on_settled else invoice.amount_cents


def observations(uow: UnitOfWork, invoice: Invoice, person: Person) -> tuple[str, str, str, str]:
    """Observação 1 and 2 from the client's record, 3 from the competência, 4 the contract's."""
    contract = uow.session.get(Contract, invoice.contract_id) if invoice.contract_id else None
    return (person.notes1.strip(), person.notes2.strip(), "",
            contract.description.strip() if contract else "")


def taker(person: Person) -> Party:
    """The client as tomador; a client without CPF/CNPJ or city code is refused by name."""
    document = normalize_document(person.document)
    if not document:
        raise InvalidInput(m.TAKER_NO_DOCUMENT.format(name=person.name), field="document")
    address = None
    if person.street.strip():
        city = municipalities.by_code(person.city_ibge_code) or municipalities.by_name(
            person.city, person.state)
        if city is None:
            raise InvalidInput(m.TAKER_NO_CITY.format(name=person.name), field="city_ibge_code")
        address = Address(person.street.strip(), person.number.strip() or "S/N",
                          person.district.strip() or "-", city.code, person.postal_code,
                          person.complement.strip())
    phone = person.phone or person.mobile
    email = person.email.split(";")[0].strip()
    return Party(document, person.name.strip(), address=address, phone=phone, email=email)


def dps_data(uow: UnitOfWork, who: Emitter, document: FiscalDocument, invoice: Invoice,
             person: Person, issued_at: datetime,
             substitution: Substitution | None = None) -> DpsData:
    """Everything the DPS of `document` carries."""
    values = who.settings
    simples = values.simples_option == SIMPLES_ME_EPP
    withheld_or_outside = values.iss_withheld or values.simples_option == 1
    description = invoice.description.strip() or values.description
    notes = (document.observation1, document.observation2, document.observation3,
             document.observation4)
    return DpsData(
        environment=document.environment, issued_at=issued_at,
        app_version=f"contoffice {app_version()}"[:20], series=document.series,
        number=document.number, competence=document.competence, emitter_city=values.city_code,
        provider=Party(who.document, who.name, values.municipal_registration),
        regime=Regime(values.simples_option, values.simples_regime if simples else None,
                      values.special_regime),
        taker=taker(person),
        service=ServiceLine(values.service_code, m.SERVICE_DESCRIPTION.format(
            description=description, competence=format_competence(document.competence)),
            values.city_code, values.municipal_code, values.nbs),
        amount_cents=document.amount_cents,
        taxes=Taxes(values.iss_withheld, values.iss_rate_bp if withheld_or_outside else None,
                    values.simples_total_rate_bp if simples else None),
        complement="\n".join(n for n in notes if n.strip())[:INFO_LIMIT],
        substitution=substitution,
    )
