"""read_nfse: the identifying fields of an authorised NFS-e, pt-BR errors for anything else."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from contoffice.fiscal.certificate import Certificate
from contoffice.fiscal.errors import FiscalError
from contoffice.fiscal.ids import dps_id
from contoffice.fiscal.nfse_doc import read_nfse
from contoffice.fiscal.simulator import LocalSefin
from tests.fiscal.conftest import CURITIBA, OFFICE, OFFICE_CNPJ

PROCESSED = datetime(2026, 11, 20, 13, 20, 0, tzinfo=UTC)


@pytest.fixture
def nfse(sefin_cert: Certificate, signed_dps: Callable[..., bytes]) -> bytes:
    """An NFS-e number 42 of DPS 7 as the (simulated) Sefin returns it."""
    sefin = LocalSefin(sefin_cert, emitters=[OFFICE], first_number=42, clock=lambda: PROCESSED)
    return sefin.emit(signed_dps(7)).nfse_xml


def test_reads_the_identifying_fields(nfse: bytes) -> None:
    info = read_nfse(nfse)
    assert info.number == 42
    assert info.dps_id == dps_id(CURITIBA, OFFICE_CNPJ, 1, 7)
    assert info.environment == 2
    assert info.issued_at == PROCESSED
    assert info.issued_at.utcoffset() is not None
    assert len(info.key) == 50 and info.key.startswith(CURITIBA)
    assert info.verification == info.key[40:49]


@pytest.mark.parametrize(("xml", "message"), [
    (b"<NFSe", "O XML da NFS-e está malformado."),
    (b"<DPS xmlns='http://www.sped.fazenda.gov.br/nfse'/>",
     "O arquivo não é o XML de uma NFS-e nacional."),
    (b"<NFSe xmlns='http://www.sped.fazenda.gov.br/nfse'><infNFSe Id='NFS1'/></NFSe>",
     "O XML da NFS-e não traz a chave de acesso (infNFSe/@Id)."),
])
def test_not_an_nfse(xml: bytes, message: str) -> None:
    with pytest.raises(FiscalError) as caught:
        read_nfse(xml)
    assert caught.value.message == message


def test_missing_number_is_named(nfse: bytes) -> None:
    broken = nfse.replace(b"<nNFSe>42</nNFSe>", b"")
    with pytest.raises(FiscalError, match=r"não traz o número \(nNFSe\)"):
        read_nfse(broken)


def test_missing_dps_is_named(nfse: bytes) -> None:
    start, end = nfse.index(b"<DPS "), nfse.index(b"</DPS>") + len(b"</DPS>")
    with pytest.raises(FiscalError, match="não traz a DPS que a originou"):
        read_nfse(nfse[:start] + nfse[end:])

