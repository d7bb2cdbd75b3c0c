"""The demo office's people: realistic Brazilian registrations, the featured client among them."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from sqlalchemy import Connection, text

from contoffice.core.documents import generate_cnpj, generate_cpf
from contoffice.core.text import fold
from contoffice.core.vocab import Role
from contoffice.db import bulk
from contoffice.demo import data as words

FEATURED_CNPJ = "12ABC34501DE35"


def ids_with_role(conn: Connection, role: Role) -> list[int]:
    """The active people with `role` (the demo's suppliers get its payables)."""
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


def people_chunks(
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
