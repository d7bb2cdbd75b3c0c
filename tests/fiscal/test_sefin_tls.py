"""The Sefin client's TLS: the office's certificate refused, an untrusted server, no server."""

from __future__ import annotations

import ssl
from collections.abc import Callable
from pathlib import Path

import pytest
import trustme

from contoffice.fiscal.certificate import Certificate
from contoffice.fiscal.errors import FiscalError
from contoffice.fiscal.sefin import BASE_URLS, SefinClient
from contoffice.fiscal.transport_errors import SefinUnreachable
from tests.fiscal.conftest import certificate
from tests.support.sefin_server import Pki, SefinTestServer, sefin_server


def client(server: SefinTestServer, cert: Certificate) -> SefinClient:
    """A client of the fake Sefin that trusts its CA."""
    return SefinClient(server.url, cert, ca_file=server.ca_file, timeout=5.0)


def english_free(message: str) -> None:
    """No OSError/SSL text reaches the clerk."""
    for word in ("Errno", "SSL", "error", "timed out", "refused", "Connection", "certificate"):
        assert word not in message, message


@pytest.mark.parametrize("tls_max", [ssl.TLSVersion.TLSv1_2, None], ids=["tls1.2", "tls1.3"])
def test_untrusted_client_certificate_is_refused_at_the_handshake(
        pki: Pki, signed_dps: Callable[..., bytes], tls_max: ssl.TLSVersion | None) -> None:
    stranger = certificate("11444777000161", "OUTRO ESCRITORIO LTDA")
    with sefin_server(pki, tls_max=tls_max) as server:
        with pytest.raises(SefinUnreachable) as caught:
            client(server, stranger).emit(signed_dps(1))
        # The client speaks TLS 1.2 even to a 1.3 server, so the refusal comes in the
        # handshake, before any byte of the DPS.
        assert server.requests == []
    assert caught.value.message.startswith(
        "O servidor da Sefin recusou o certificado do escritório.")
    english_free(caught.value.message)


def test_server_of_another_ca_is_not_trusted(
        sefin_server: SefinTestServer, office_cert: Certificate, tmp_path: Path,
        signed_dps: Callable[..., bytes]) -> None:
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    sefin = SefinClient(sefin_server.url, office_cert, ca_file=str(other), timeout=5)
    with pytest.raises(SefinUnreachable) as caught:
        sefin.emit(signed_dps(1))
    assert "não é confiável" in caught.value.message
    assert sefin_server.requests == []
    english_free(caught.value.message)


def test_nobody_listening_is_unreachable(office_cert: Certificate, pki: Pki,
                                         signed_dps: Callable[..., bytes]) -> None:
    with sefin_server(pki) as server:
        url = server.url
    with pytest.raises(SefinUnreachable) as caught:
        SefinClient(url, office_cert, ca_file=pki.ca_file, timeout=5).emit(signed_dps(1))
    assert "recusou a conexão" in caught.value.message
    english_free(caught.value.message)


def test_bad_settings_are_said_in_portuguese(office_cert: Certificate, tmp_path: Path) -> None:
    with pytest.raises(FiscalError, match="precisa ser https"):
        SefinClient("http://127.0.0.1/SefinNacional", office_cert)
    with pytest.raises(FiscalError, match="autoridades certificadoras não encontrado"):
        SefinClient(BASE_URLS[2], office_cert, ca_file=str(tmp_path / "nada.pem"))


