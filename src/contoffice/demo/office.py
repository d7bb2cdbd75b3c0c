"""The demo office: realistic people, operators, payment profiles and two years of billing."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from contoffice.core.documents import generate_cnpj, generate_cpf
from contoffice.core.progress import NullProgress, Progress, check_cancelled
from contoffice.core.text import fold
from contoffice.core.vocab import PersonKind, Role
from contoffice.db import bulk
from contoffice.db.models import Operator, OperatorRole, PaymentProfile, Person
from contoffice.db.uow import Database
from contoffice.demo import data as words
from contoffice.demo.billing import BillingGenerator
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.admin.operators import hash_password
from contoffice.services.admin.setup import ensure_defaults

DEMO_PASSWORD = "demo1234"
DEMO_OPERATORS = (
    ("ana", "Ana Paula Ribeiro", "Financeiro"),
    ("carlos", "Carlos Eduardo Lima", "Administrador"),
    ("beatriz", "Beatriz Souza", "Atendimento"),
)
# One profile per main bank, with data each bank's rules accept.
DEMO_PROFILES = (
    dict(
        name="Banco do Brasil — Cobrança 17",
        bank_code="001",
        agency="1234",
        agency_dv="5",
        account="123456",
        account_dv="7",
        wallet="17",
        agreement="1234567",
        variation="019",
    ),
    dict(
        name="Bradesco — Carteira 09",
        bank_code="237",
        agency="1172",
        agency_dv="0",
        account="0403005",
        account_dv="2",
        wallet="09",
    ),
    dict(
        name="Itaú — Carteira 109",
        bank_code="341",
        agency="0810",
        account="53678",
        account_dv="8",
        wallet="109",
    ),
    dict(
        name="Caixa — SIGCB",
        bank_code="104",
        agency="1565",
        account="0000248",
        wallet="RG",
        agreement="005507",
    ),
    dict(
        name="Santander — 101",
        bank_code="033",
        agency="4042",
        account="61900",
        wallet="101",
        agreement="0282033",
    ),
    dict(
        name="Sicoob — Carteira 1",
        bank_code="756",
        agency="4327",
        account="417270",
        wallet="1",
        agreement="229385",
        modality="01",
    ),
    dict(
        name="Sicredi — Carteira 1",
        bank_code="748",
        agency="0165",
        account="00623",
        wallet="1",
        post="02",
        byte_idt="2",
        agreement="00623",
    ),
    dict(
        name="Banrisul — Carteira 1",
        bank_code="041",
        agency="1102",
        account="9000150",
        wallet="1",
        agreement="9000150",
    ),
)
# The size of the demo: below MIN_PEOPLE the scenarios lack the people they name; past
# MAX_PEOPLE the build takes minutes and gigabytes for nothing a clerk could browse.
MIN_PEOPLE = 10
MAX_PEOPLE = 200_000
MAX_INVOICES = 1_000_000  # --invoices: one-offs past this only slow the build down
PEOPLE_OUT_OF_RANGE = (
    "O escritório de demonstração tem de {low} a {high} cadastros; informe um número nesse "
    "intervalo (recebido: {people})."
)
INVOICES_OUT_OF_RANGE = (
    "O escritório de demonstração tem no máximo {high} faturas (recebido: {invoices})."
)
# Contracts: 60% of the people up to FULL_SHARE_UP_TO, then one in ten of the rest, so a
# larger office never has fewer contracts and the billing history stays proportionate.
FULL_SHARE_UP_TO = 2_000
FEATURED_CNPJ = "12ABC34501DE35"
DEMO_OFFICE = {
    "office.name": "Ribeiro & Lima Contabilidade Ltda",
    "office.document": "02558157000162",
    "office.address": "Rua XV de Novembro, 250, sala 804 — Centro — São Paulo/SP — 01013-000",
    "office.city": "São Paulo",
    "office.state": "SP",
    "office.phone": "(11) 3104-2200",
    "office.site": "www.ribeirolima.example",
}  # "Padaria Pão Quente" of SCENARIOS.md


def thousands(n: int) -> str:
    """An integer with the pt-BR thousands mark (200000 → "200.000")."""
    return f"{n:,}".replace(",", ".")


def people_out_of_range(people: int) -> str:
    """The pt-BR refusal of a demo size outside [MIN_PEOPLE, MAX_PEOPLE], or "" when it fits."""
    if MIN_PEOPLE <= people <= MAX_PEOPLE:
        return ""
    return PEOPLE_OUT_OF_RANGE.format(
        low=thousands(MIN_PEOPLE), high=thousands(MAX_PEOPLE), people=people
    )


def contracts_for(people: int) -> int:
    """How many contracts a demo of `people` holds: never fewer for a larger office."""
    # Integer arithmetic: int(people * 0.6) up to the threshold, the same counts (and so the
    # same seeded offices) as before; past it each further ten people add one contract.
    return min(people, FULL_SHARE_UP_TO) * 6 // 10 + max(people - FULL_SHARE_UP_TO, 0) // 10


@dataclass(frozen=True, slots=True)
class DemoSummary:
    people: int
    contracts: int
    invoices: int
    charges: int
    settlements: int
    seconds: float


def build_demo(
    db: Database,
    *,
    people: int,
    seed: int = 1,
    contracts: int | None = None,
    invoices: int | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty database with the demo office (refused when people already exist)."""
    started = time.perf_counter()
    progress = progress or NullProgress()
    today = today or date.today()
    rng = random.Random(seed)
    refusal = people_out_of_range(people)
    if refusal:  # before anything is written: a refused size leaves the database as it was
        raise InvalidInput(refusal, field="Cadastros")
    if invoices is not None and not 0 <= invoices <= MAX_INVOICES:
        raise InvalidInput(
            INVOICES_OUT_OF_RANGE.format(high=thousands(MAX_INVOICES), invoices=invoices),
            field="Faturas",
        )
    with db.uow() as uow:
        if uow.session.scalar(select(func.count()).select_from(Person)):
            raise NotAllowed(
                "O banco de dados já tem cadastros; o escritório de demonstração "
                "só é criado num banco vazio."
            )
        ensure_defaults(uow)
        _office_identity(uow)
        operator_ids = _operators(uow)
        profile_ids = _profiles(uow)
        uow.commit()
    n_contracts = contracts if contracts is not None else contracts_for(people)
    with db.engine.begin() as conn:
        person_id = bulk.next_id(conn, "person")
        generated = 0
        clients: list[tuple[int, date, bool]] = []
        with bulk.search_index_deferred(conn):
            for chunk in _people_chunks(rng, people, person_id, today, operator_ids):
                bulk.insert(conn, "person", chunk)
                clients += [
                    (p["id"], p["registered_on"], p["active"])
                    for p in chunk
                    if p["roles"] & Role.CLIENT and p["kind"] != "PRE"
                ]
                generated += len(chunk)
                progress.step(generated, people, "Cadastros")
                check_cancelled(progress)
        suppliers = _ids_with_role(conn, Role.SUPPLIER)
        gen = BillingGenerator(rng, today, profile_ids, operator_ids)
        counts = gen.write(conn, clients, suppliers, n_contracts, invoices, progress)
        bulk.reset_sequences(
            conn,
            (
                "person",
                "contract",
                "charge",
                "invoice",
                "settlement",
                "email_test",
                "invoice_event",
            ),
        )
    return DemoSummary(
        people,
        counts.contracts,
        counts.invoices,
        counts.charges,
        counts.settlements,
        time.perf_counter() - started,
    )


def _office_identity(uow) -> None:  # type: ignore[no-untyped-def]
    from contoffice.db.models import OfficeSetting

    for key, value in DEMO_OFFICE.items():
        row = uow.session.get(OfficeSetting, key) or OfficeSetting(key=key)
        row.value = value
        uow.session.add(row)


def has_people(db: Database) -> bool:
    """Whether the database already has registrations."""
    with db.uow() as uow:
        return bool(uow.session.scalar(select(Person.id).limit(1)))


def _operators(uow) -> list[int]:  # type: ignore[no-untyped-def]
    roles = {r.name: r.id for r in uow.session.scalars(select(OperatorRole))}
    ids = []
    password = hash_password(DEMO_PASSWORD)
    for login, name, role in DEMO_OPERATORS:
        op = Operator(
            login=login,
            name=name,
            role_id=roles[role],
            password_hash=password,
            email=f"{login}@escritorio.example",
        )
        uow.session.add(op)
        uow.flush()
        ids.append(op.id)
    return ids


def _profiles(uow) -> list[int]:  # type: ignore[no-untyped-def]
    profiles = [
        PaymentProfile(
            **data,
            instructions="Não receber após 60 dias do vencimento.",
            pix_key="financeiro@escritorio.example",
        )
        for data in DEMO_PROFILES
    ]
    uow.session.add_all(profiles)
    uow.flush()
    return [p.id for p in profiles]


def _ids_with_role(conn, role: Role) -> list[int]:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    return list(
        conn.execute(
            text(
                "SELECT id FROM person WHERE (roles & :r) = :r AND active"
                f"{'' if conn.dialect.name == 'postgresql' else ' = 1'}"
            ),
            {"r": int(role)},
        ).scalars()
    )


_ROLE_WEIGHTS = (
    (Role.CLIENT, 84),
    (Role.CLIENT | Role.SUPPLIER, 5),
    (Role.SUPPLIER, 5),
    (Role.EMPLOYEE, 3),
    (Role.CARRIER, 1),
    (Role.CLIENT | Role.EMPLOYEE, 1),
    (Role.SUPPLIER | Role.EMPLOYEE, 1),
)


def _people_chunks(
    rng: random.Random, n: int, first_id: int, today: date, operator_ids: list[int]
) -> Iterator[list[dict[str, object]]]:
    roles = [int(r) for r, _w in _ROLE_WEIGHTS]
    weights = [w for _r, w in _ROLE_WEIGHTS]
    start = today - timedelta(days=3650)
    span = 3650
    chunk: list[dict[str, object]] = []
    for i in range(n):
        pid = first_id + i
        registered = start + timedelta(days=span * i // max(n, 1) + rng.randrange(3))
        registered = min(registered, today)
        featured = i == n - 1
        kind = "PJ" if featured else rng.choices(("PJ", "PF", "PRE"), (55, 38, 7))[0]
        chunk.append(
            _person(
                rng, pid, kind, rng.choices(roles, weights)[0], registered, featured, operator_ids
            )
        )
        if len(chunk) >= bulk.CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _person(
    rng: random.Random,
    pid: int,
    kind: str,
    roles: int,
    registered: date,
    featured: bool,
    operator_ids: list[int],
) -> dict[str, object]:
    city, uf, ibge, cep_prefix = rng.choice(words.CITIES)
    first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.SURNAMES)
    if featured:
        name, trade, document = "Padaria Pão Quente Ltda", "Pão Quente", FEATURED_CNPJ
        roles, city, uf, ibge, cep_prefix = int(Role.CLIENT), "São Paulo", "SP", "3550308", "01"
    elif kind == "PJ":
        business = rng.choice(words.BUSINESSES)
        name = f"{business} {last} {rng.choice(words.COMPANY_SUFFIXES)}"
        trade = f"{business} {first}"
        alnum = registered >= date(2026, 7, 31) and rng.random() < 0.3
        document = generate_cnpj(rng, alphanumeric=alnum)
    else:
        name = f"{first} {rng.choice(words.SURNAMES)} {last}"
        trade = ""
        document = generate_cpf(rng) if kind == "PF" or rng.random() < 0.3 else ""
    street = f"{rng.choice(words.STREET_KINDS)} {rng.choice(words.STREET_NAMES)}"
    district = rng.choice(words.DISTRICTS)
    ddd = words.DDD.get(uf, "11")
    has_email = featured or rng.random() < 0.85
    slug = fold(trade or name).replace(" ", ".")[:30]
    return {
        "id": pid,
        "kind": kind,
        "roles": roles,
        "name": name,
        "trade_name": trade,
        "document": document,
        "email": f"{slug}{pid}@{rng.choice(words.EMAIL_DOMAINS)}" if has_email else "",
        "phone": f"{ddd}{rng.randrange(2, 6)}{rng.randrange(10**7):07d}"
        if featured or rng.random() < 0.8
        else "",
        "mobile": f"{ddd}9{rng.randrange(10**8):08d}" if rng.random() < 0.7 else "",
        "street": street,
        "number": str(rng.randrange(1, 3000)),
        "complement": rng.choice(("", "", "", "Sala 12", "Loja 2", "Apto 41", "Fundos")),
        "district": district,
        "city": city,
        "state": uf,
        "postal_code": f"{cep_prefix}{rng.randrange(10**6):06d}",
        "city_ibge_code": ibge,
        "active": featured or rng.random() < 0.88,
        "registered_on": registered,
        "assigned_operator_id": rng.choice(operator_ids) if rng.random() < 0.5 else None,
        "default_due_day": rng.choice((5, 10, 15, 20)),
        "name_key": fold(name),
        "trade_name_key": fold(trade),
        "city_key": fold(city),
        "district_key": fold(district),
        "street_key": fold(street),
        "notes1": "",
        "notes2": "",
        "internal_notes": "",
    }


__all__ = [
    "DEMO_OPERATORS",
    "DEMO_PASSWORD",
    "MAX_INVOICES",
    "MAX_PEOPLE",
    "MIN_PEOPLE",
    "DemoSummary",
    "PersonKind",
    "build_demo",
    "contracts_for",
    "has_people",
    "people_out_of_range",
    "thousands",
]
