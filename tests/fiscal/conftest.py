"""Fixtures of the fiscal tests: the test PKI, the fake Sefin over TLS, signed DPS samples."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from contoffice.fiscal.certificate import Certificate, load_pkcs12, make_test_pkcs12
from contoffice.fiscal.dps import build_dps
from contoffice.fiscal.signing import sign
from contoffice.fiscal.values import (
    Address,
    DpsData,
    Party,
    Regime,
    ServiceLine,
    Substitution,
    Taxes,
)
from tests.support.sefin_server import Pki, SefinTestServer, make_pki
from tests.support.sefin_server import sefin_server as serve

OFFICE_CNPJ = "11222333000181"
OFFICE_NAME = "ESCRITORIO CONTABIL EXEMPLO LTDA"
TAKER_NAME = "CLIENTE ALFANUMERICO LTDA"
CURITIBA = "4106902"
ISSUED_AT = datetime(2026, 11, 20, 13, 14, 5, tzinfo=UTC)
OFFICE = Party(OFFICE_CNPJ, OFFICE_NAME, "1234567",
               Address("Rua das Flores", "100", "Centro", CURITIBA, "80010000", "Sala 3"),
               "4133334444", "fiscal@escritorio.example")


def certificate(document: str, name: str) -> Certificate:
    """A fresh self-signed A1 for `document`, unlocked."""
    return load_pkcs12(make_test_pkcs12(document, name, "senha"), "senha")


@pytest.fixture(scope="session")
def office_cert() -> Certificate:
    """The office's A1 (the one the fake Sefin trusts for mutual TLS)."""
    return certificate(OFFICE_CNPJ, OFFICE_NAME)


@pytest.fixture(scope="session")
def sefin_cert() -> Certificate:
    """The simulator's own signing certificate."""
    return certificate("00394460005887", "SEFIN NACIONAL SIMULADA")


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory, office_cert: Certificate,
        sefin_cert: Certificate) -> Pki:
    """The test CA and server certificate."""
    return make_pki(tmp_path_factory.mktemp("sefin-pki"), office_cert, sefin_cert)


@pytest.fixture
def sefin_server(pki: Pki) -> Iterator[SefinTestServer]:
    """The fake Sefin over TLS with a required client certificate (see sefin_server.py)."""
    with serve(pki) as server:
        yield server


def dps_data(number: int = 1, **changes: object) -> DpsData:
    """The office's fee DPS (Simples ME/EPP, ISS in the DAS) to an alphanumeric CNPJ taker."""
    data = DpsData(
        environment=2, issued_at=ISSUED_AT, app_version="contoffice-1.0", series=1,
        number=number, competence=date(2026, 11, 1), emitter_city=CURITIBA,
        provider=Party(OFFICE_CNPJ, OFFICE_NAME, "1234567"),
        regime=Regime(3, 1, 0),
        taker=Party("12ABC34501DE35", TAKER_NAME,
                    address=Address("Av. Brasil", "2000", "Batel", CURITIBA, "80240000")),
        service=ServiceLine("171901", "Honorários contábeis - competência 11/2026", CURITIBA,
                            nbs="117011000"),
        amount_cents=150_000, taxes=Taxes(simples_total_rate_bp=600),
    )
    return replace(data, **changes)


@pytest.fixture
def signed_dps(office_cert: Certificate) -> Callable[..., bytes]:
    """signed_dps(number, **DpsData changes) -> the bytes the office would send."""
    def make(number: int = 1, **changes: object) -> bytes:
        return sign(build_dps(dps_data(number, **changes)), office_cert)
    return make


def substitution(key: str) -> Substitution:
    """A substitution of the note `key` for an error in the description."""
    return Substitution(key, "99", "Descrição do serviço corrigida a pedido do cliente")


@pytest.fixture
def state_file(tmp_path: Path) -> Path:
    """Where a LocalSefin keeps its numbers."""
    return tmp_path / "simulador.json"
