"""Shared test data for the fiscal tests: a seeded random DPS generator and a test A1."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from contoffice.core.documents import generate_cnpj, generate_cpf
from contoffice.fiscal.certificate import Certificate, load_pkcs12, make_test_pkcs12
from contoffice.fiscal.values import (
    Address,
    DpsData,
    Party,
    Regime,
    ServiceLine,
    Substitution,
    Taxes,
)

NOW = datetime(2026, 11, 20, 13, 14, 5, 250_000, tzinfo=UTC)
OFFICE_CNPJ = "11222333000181"
ALNUM_CNPJ = "12ABC34501DE35"
CURITIBA = "4106902"
PASSWORD = "senha-teste"
KEY = "4106902" + "2" + "2" + OFFICE_CNPJ + "0000000000126" + "2611" + "012345678" + "9"


def sample_dps(**changes: object) -> DpsData:
    """The research's minimal DPS (Simples ME/EPP, no withholding), with changes applied."""
    data = DpsData(
        environment=2,
        issued_at=NOW,
        app_version="contoffice-1.0",
        series=1,
        number=1,
        competence=date(2026, 11, 1),
        emitter_city=CURITIBA,
        provider=Party(OFFICE_CNPJ, "ESCRITORIO EXEMPLO LTDA", "0123456"),
        regime=Regime(3, 1, 0),
        taker=Party("11444777000161", "CLIENTE EXEMPLO LTDA"),
        service=ServiceLine("171901", "Honorários contábeis - competência 11/2026", CURITIBA,
                            "001", "113022100"),
        amount_cents=150_000,
        taxes=Taxes(simples_total_rate_bp=600),
    )
    return replace(data, **changes)


def _party(rng: random.Random, kind: str) -> Party:
    """A random taker: PF (CPF), PJ or PJ with an alphanumeric CNPJ."""
    document = {"pf": generate_cpf, "pj": generate_cnpj}.get(kind)
    doc = document(rng) if document else generate_cnpj(rng, alphanumeric=True)
    address = None
    if rng.random() < 0.7:
        address = Address(f"Rua {rng.randrange(1, 999)} de Março", str(rng.randrange(1, 3000)),
                          "Centro", CURITIBA, f"{rng.randrange(80000000, 82999999)}",
                          rng.choice(["", "sala 3", "apto 101"]))
    return Party(doc, f"Cliente {kind.upper()} {rng.randrange(10_000)} & Cia <teste>",
                 rng.choice(["", "98765"]), address, rng.choice(["", "(41) 99999-0000"]),
                 rng.choice(["", "cliente@example.com"]))


def random_dps(rng: random.Random, index: int) -> DpsData:
    """A random valid DPS; index cycles through every combination the tests must cover."""
    kind = ("pf", "pj", "alnum")[index % 3]
    simples = index % 2 == 0
    regime = Regime(3, rng.choice([1, 2, 3]), 0) if simples else Regime(1, None, rng.choice([0, 6]))
    taker = None if index % 7 == 6 else _party(rng, kind)
    withheld = taker is not None and index % 5 == 1
    provider_doc = ALNUM_CNPJ if index % 4 == 3 else OFFICE_CNPJ
    subst = None
    if index % 4 == 2:
        subst = Substitution(KEY, rng.choice(["01", "02", "99"]), "Valor do serviço corrigido")
    issued = NOW + timedelta(minutes=rng.randrange(0, 60 * 24 * 40), microseconds=123)
    local = issued.astimezone(ZoneInfo("America/Sao_Paulo"))
    return DpsData(
        environment=rng.choice([1, 2]),
        issued_at=issued,
        app_version="contoffice-1.0",
        series=rng.choice([1, 2, 900, 49999]),
        number=rng.randrange(1, 10**15),
        competence=date(local.year, local.month, 1),
        emitter_city=CURITIBA,
        provider=Party(provider_doc, "ESCRITORIO", "0123456", None, "4133334444",
                       "fiscal@escritorio.com.br"),
        regime=regime,
        taker=taker,
        service=ServiceLine("17.19.01", f"Honorários contábeis {index}\nParcela única",
                            CURITIBA, rng.choice(["", "001"]), rng.choice(["", "1.1302.21.00"])),
        amount_cents=rng.randrange(1, 10**9),
        taxes=Taxes(withheld, rng.choice([200, 350, 500]) if withheld else None,
                    rng.randrange(400, 1500) if simples else None),
        complement=rng.choice(["", "Contrato 12/2026 — vencimento 10/12/2026"]),
        substitution=subst,
    )


@cache
def certificate(document: str = OFFICE_CNPJ) -> Certificate:
    """A test A1 certificate (made once per document per test session)."""
    return load_pkcs12(make_test_pkcs12(document, "ESCRITORIO EXEMPLO LTDA", PASSWORD), PASSWORD)
