"""The fake Sefin (TLS, client certificate required) trusting this office's A1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contoffice.fiscal.certificate import Certificate, load_pkcs12, make_test_pkcs12
from tests.services.fiscal.support import PASSWORD, office_pfx
from tests.support.sefin_server import Pki, SefinTestServer, make_pki
from tests.support.sefin_server import sefin_server as serve


@pytest.fixture(scope="session")
def office_a1() -> bytes:
    """The office's PKCS#12, the same bytes for the whole session (the server trusts it)."""
    return office_pfx()


@pytest.fixture(scope="session")
def fiscal_pki(tmp_path_factory: pytest.TempPathFactory, office_a1: bytes) -> Pki:
    """The test CA, the office's certificate and the simulated Sefin's own."""
    office: Certificate = load_pkcs12(office_a1, PASSWORD)
    sefin = load_pkcs12(make_test_pkcs12("00394460005887", "SEFIN NACIONAL SIMULADA", "x"), "x")
    return make_pki(tmp_path_factory.mktemp("sefin-pki"), office, sefin)


@pytest.fixture
def sefin(fiscal_pki: Pki) -> Iterator[SefinTestServer]:
    """The fake Sefin for one test."""
    with serve(fiscal_pki) as server:
        yield server
