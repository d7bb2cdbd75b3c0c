"""Registering people: validation of every field, create, edit, (in)activate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import date

from sqlalchemy import select

from contoffice.core.documents import normalize_document, validate_cnpj, validate_cpf
from contoffice.core.email import split_emails, validate_email
from contoffice.core.municipalities import resolve
from contoffice.core.phone import validate_phone
from contoffice.core.postal import validate_cep
from contoffice.core.text import fold
from contoffice.core.validation import ValidationError
from contoffice.core.vocab import PersonKind, Role
from contoffice.db.models import Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, Stale
from contoffice.services.kernel import audit, messages
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import BatchResult, Changes, RowOutcome

UFS = frozenset(
    [
        "AC",
        "AL",
        "AP",
        "AM",
        "BA",
        "CE",
        "DF",
        "ES",
        "GO",
        "MA",
        "MT",
        "MS",
        "MG",
        "PA",
        "PB",
        "PR",
        "PE",
        "PI",
        "RJ",
        "RN",
        "RS",
        "RO",
        "RR",
        "SC",
        "SP",
        "SE",
        "TO",
    ]
)


@dataclass(frozen=True, slots=True)
class PersonInput:
    """Every field of the person form, as typed (masks allowed)."""

    kind: str
    name: str
    roles: int = int(Role.CLIENT)
    trade_name: str = ""
    document: str = ""
    state_registration: str = ""
    municipal_registration: str = ""
    email: str = ""
    email_cc: str = ""
    phone: str = ""
    mobile: str = ""
    street: str = ""
    number: str = ""
    complement: str = ""
    district: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""
    city_ibge_code: str = ""
    active: bool = True
    notes1: str = ""
    notes2: str = ""
    internal_notes: str = ""
    assigned_operator_id: int | None = None
    default_due_day: int | None = None


def clean_person(data: PersonInput) -> PersonInput:
    """Validate and normalise every field; raise InvalidInput naming the first wrong one."""
    try:
        return _clean(data)
    except ValidationError as error:
        if isinstance(error, InvalidInput):
            raise
        raise InvalidInput(error.message, field=error.field) from None


def _clean(data: PersonInput) -> PersonInput:
    if data.kind not in {k.value for k in PersonKind}:
        raise InvalidInput(messages.PERSON_KIND_INVALID, field="Tipo de pessoa")
    name = " ".join(data.name.split())
    if not name:
        raise InvalidInput(messages.REQUIRED_FIELD.format(field="Nome"), field="Nome")
    document = normalize_document(data.document)
    if data.kind == PersonKind.PF:
        if not document:
            raise InvalidInput(messages.REQUIRED_FIELD.format(field="CPF"), field="CPF")
        document = validate_cpf(document)
    elif data.kind == PersonKind.PJ:
        if not document:
            raise InvalidInput(messages.REQUIRED_FIELD.format(field="CNPJ"), field="CNPJ")
        document = validate_cnpj(document)
    elif document:  # pré-cadastro: optional, but checked when given
        document = validate_cpf(document) if len(document) == 11 else validate_cnpj(document)
    email = validate_email(data.email) if data.email.strip() else ""
    email_cc = "; ".join(split_emails(data.email_cc)) if data.email_cc.strip() else ""
    phone = validate_phone(data.phone) if data.phone.strip() else ""
    mobile = validate_phone(data.mobile, field="Celular") if data.mobile.strip() else ""
    postal_code = validate_cep(data.postal_code) if data.postal_code.strip() else ""
    state = data.state.strip().upper()
    if state and state not in UFS:
        raise InvalidInput(messages.STATE_INVALID.format(state=data.state), field="UF")
    city = data.city.strip()
    municipality = resolve(data.city_ibge_code, city, state)
    ibge = municipality.code if municipality else ""
    if municipality is not None:  # the IBGE list's spelling, and its UF, win
        city, state = municipality.name, municipality.state
    if data.default_due_day is not None and not 1 <= data.default_due_day <= 31:
        raise InvalidInput(messages.DUE_DAY_OUT_OF_RANGE.format(limit=31),
                           field="Dia de vencimento")
    if not 0 <= data.roles < 16:
        raise InvalidInput(messages.ROLES_INVALID, field="Classificação")
    return replace(
        data,
        name=name,
        trade_name=" ".join(data.trade_name.split()),
        document=document,
        email=email,
        email_cc=email_cc,
        phone=phone,
        mobile=mobile,
        postal_code=postal_code,
        state=state,
        city_ibge_code=ibge,
        street=data.street.strip(),
        district=data.district.strip(),
        city=city,
    )


def _values(data: PersonInput) -> dict[str, object]:
    values = asdict(data)
    values.update(
        name_key=fold(data.name),
        trade_name_key=fold(data.trade_name),
        city_key=fold(data.city),
        district_key=fold(data.district),
        street_key=fold(data.street),
    )
    return values


def _check_unique_document(uow: UnitOfWork, document: str, person_id: int | None) -> None:
    if not document:
        return
    other = uow.session.scalar(select(Person.id).where(Person.document == document).limit(1))
    if other is not None and other != person_id:
        from contoffice.core.documents import format_document

        raise InvalidInput(
            messages.DUPLICATE_DOCUMENT.format(document=format_document(document), code=other),
            field="CPF/CNPJ",
        )


def create_person(
    uow: UnitOfWork, actor: Actor, data: PersonInput, *, today: date | None = None
) -> int:
    """Register a new person; returns its code."""
    require(actor, "people.create")
    clean = clean_person(data)
    _check_unique_document(uow, clean.document, None)
    person = Person(**_values(clean), registered_on=today or date.today())
    uow.session.add(person)
    uow.flush()
    audit.record(
        uow,
        actor,
        "person.created",
        "person",
        person.id,
        person_id=person.id,
        after={k: v for k, v in asdict(clean).items() if v not in ("", None)},
    )
    uow.commit()
    return person.id


def update_person(
    uow: UnitOfWork, actor: Actor, person_id: int, data: PersonInput, *, expected_version: int
) -> int:
    """Save an edit made on `expected_version`; another desk's newer save raises Stale."""
    require(actor, "people.edit")
    clean = clean_person(data)
    person = uow.get(Person, person_id, what="Cadastro")
    if person.version_id != expected_version:
        from contoffice.db.uow import RECORD_CHANGED

        raise Stale(RECORD_CHANGED)
    _check_unique_document(uow, clean.document, person_id)
    values = _values(clean)
    before, after = audit.changed_fields(person, {f.name: values[f.name] for f in fields(clean)})
    for key, value in values.items():
        setattr(person, key, value)
    audit.record(
        uow,
        actor,
        "person.updated",
        "person",
        person.id,
        person_id=person.id,
        before=before,
        after=after,
    )
    uow.commit()
    return person.version_id


def set_active(
    uow: UnitOfWork, actor: Actor, person_ids: Sequence[int], active: bool, justification: str = ""
) -> BatchResult:
    """Activate or inactivate people (nothing is deleted: history stays)."""
    require(actor, "people.inactivate")
    outcomes = []
    for pid in person_ids:
        person = uow.session.get(Person, pid)
        if person is None:
            outcomes.append(RowOutcome(pid, False, messages.PERSON_NOT_FOUND.format(code=pid)))
            continue
        if person.active != active:
            audit.record(
                uow,
                actor,
                "person.activated" if active else "person.inactivated",
                "person",
                pid,
                person_id=pid,
                before={"active": person.active},
                after={"active": active},
                justification=justification,
            )
            person.active = active
        outcomes.append(RowOutcome(pid, True))
    uow.commit()
    return BatchResult(outcomes, Changes(people=True))


def person_input(uow: UnitOfWork, person_id: int) -> tuple[PersonInput, int]:
    """The stored person as form values, with the version the edit starts from."""
    person = uow.get(Person, person_id, what="Cadastro")
    values = {f.name: getattr(person, f.name) for f in fields(PersonInput)}
    return PersonInput(**values), person.version_id
