"""The Sefin client against a real TLS server on 127.0.0.1 requiring the office's certificate."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from contoffice.fiscal.certificate import Certificate
from contoffice.fiscal.errors import FiscalError
from contoffice.fiscal.events import build_cancel_event
from contoffice.fiscal.ids import dps_id
from contoffice.fiscal.nfse_doc import read_nfse
from contoffice.fiscal.schema import validate
from contoffice.fiscal.sefin import BASE_URLS, SefinClient
from contoffice.fiscal.signing import sign, verify
from contoffice.fiscal.transport_errors import (
    SefinBusy,
    SefinRejected,
    SefinUncertain,
    SefinUnreachable,
)
from contoffice.fiscal.values import CancelData
from tests.fiscal.conftest import (
    CURITIBA,
    ISSUED_AT,
    OFFICE_CNPJ,
)
from tests.support.sefin_server import SefinTestServer

FIRST_ID = dps_id(CURITIBA, OFFICE_CNPJ, 1, 1)
MAYBE = "A nota pode ter sido autorizada: consulte a situação antes de enviar de novo."


def client(server: SefinTestServer, cert: Certificate, timeout: float = 5.0) -> SefinClient:
    """A client of the fake Sefin that trusts its CA."""
    return SefinClient(server.url, cert, ca_file=server.ca_file, timeout=timeout)


def cancel_request(key: str, cert: Certificate) -> bytes:
    """The office's signed e101101 for `key`."""
    data = CancelData(key, 2, ISSUED_AT, OFFICE_CNPJ, 1, "Valor do serviço digitado errado",
                      "contoffice-1.0")
    return sign(build_cancel_event(data), cert)


def test_base_urls_per_environment() -> None:
    assert BASE_URLS[2].startswith("https://sefin.producaorestrita.nfse.gov.br/")
    assert BASE_URLS[1].startswith("https://sefin.nfse.gov.br/")


def test_authorised(sefin_server: SefinTestServer, office_cert: Certificate,
                    signed_dps: Callable[..., bytes]) -> None:
    sent = signed_dps(1)
    sefin_server.script("authorised", alerts=[("A0001", "Alerta de teste")])
    done = client(sefin_server, office_cert).emit(sent)
    info = read_nfse(done.nfse_xml)
    assert (done.key, info.dps_id, info.number) == (info.key, FIRST_ID, 1)
    assert done.alerts == (("A0001", "Alerta de teste"),)
    validate(done.nfse_xml, kind="nfse")
    verify(done.nfse_xml)
    [request] = sefin_server.requests
    # The exact signed bytes travelled, gzip+base64 in dpsXmlGZipB64.
    assert (request.method, request.path, request.xml) == ("POST", "/nfse", sent)
    assert set(request.body) == {"dpsXmlGZipB64"}


def test_authorised_with_200_and_no_chave_reads_it_from_the_nfse(
        sefin_server: SefinTestServer, office_cert: Certificate,
        signed_dps: Callable[..., bytes]) -> None:
    sefin_server.script("authorised", status=200, omit_key=True)
    done = client(sefin_server, office_cert).emit(signed_dps(1))
    assert done.key == sefin_server.sefin.find_dps(FIRST_ID)
    assert done.alerts == ()


@pytest.mark.parametrize("casing", ["lower", "upper"])
def test_rejected_lists_codes_and_texts(sefin_server: SefinTestServer, office_cert: Certificate,
                                        signed_dps: Callable[..., bytes], casing: str) -> None:
    codes = [("E0312", "Código de tributação municipal inexistente"),
             ("E0595", "Alíquota do ISSQN superior a 5%")]
    sefin_server.script("rejected", codes=codes, casing=casing)
    with pytest.raises(SefinRejected) as caught:
        client(sefin_server, office_cert).emit(signed_dps(1))
    assert caught.value.codes == tuple(codes)
    assert "E0312 – Código de tributação municipal inexistente" in caught.value.message
    assert "E0595 – Alíquota do ISSQN superior a 5%" in caught.value.message


def test_duplicate_dps_is_rejected_by_the_simulated_sefin(
        sefin_server: SefinTestServer, office_cert: Certificate,
        signed_dps: Callable[..., bytes]) -> None:
    sefin = client(sefin_server, office_cert)
    sefin.emit(signed_dps(1))
    with pytest.raises(SefinRejected) as caught:
        sefin.emit(signed_dps(1))
    assert caught.value.codes[0][0] == "E0014"


def test_timeout_is_uncertain_then_find_dps_finds_it(
        sefin_server: SefinTestServer, office_cert: Certificate,
        signed_dps: Callable[..., bytes]) -> None:
    sefin_server.script("timeout")
    with pytest.raises(SefinUncertain) as caught:
        client(sefin_server, office_cert, timeout=0.5).emit(signed_dps(1))
    assert caught.value.message == f"Tempo esgotado esperando a Sefin (0,5 s). {MAYBE}"
    sefin = client(sefin_server, office_cert)
    key = sefin.find_dps(FIRST_ID)
    assert key is not None
    assert read_nfse(sefin.fetch_nfse(key)).dps_id == FIRST_ID
    assert sefin.find_dps(dps_id(CURITIBA, OFFICE_CNPJ, 1, 2)) is None
    assert [r.path for r in sefin_server.requests] == [
        "/nfse", f"/dps/{FIRST_ID}", f"/nfse/{key}", f"/dps/{dps_id(CURITIBA, OFFICE_CNPJ, 1, 2)}"]


def test_dropped_connection_is_uncertain(sefin_server: SefinTestServer,
                                        office_cert: Certificate,
                                        signed_dps: Callable[..., bytes]) -> None:
    sefin_server.script("drop")
    with pytest.raises(SefinUncertain) as caught:
        client(sefin_server, office_cert).emit(signed_dps(1))
    assert caught.value.message == f"A conexão com a Sefin caiu antes da resposta. {MAYBE}"
    assert client(sefin_server, office_cert).find_dps(FIRST_ID) is not None


def test_server_error_is_uncertain(sefin_server: SefinTestServer, office_cert: Certificate,
                                   signed_dps: Callable[..., bytes]) -> None:
    sefin_server.script("error", status=500)
    with pytest.raises(SefinUncertain) as caught:
        client(sefin_server, office_cert).emit(signed_dps(1))
    assert caught.value.message == f"A Sefin respondeu com erro interno (código 500). {MAYBE}"
    # The 500 came before processing here: the consultation says so, and a resend succeeds.
    sefin = client(sefin_server, office_cert)
    assert sefin.find_dps(FIRST_ID) is None
    assert read_nfse(sefin.emit(signed_dps(1)).nfse_xml).number == 1


def test_busy_says_retry(sefin_server: SefinTestServer, office_cert: Certificate,
                         signed_dps: Callable[..., bytes]) -> None:
    sefin_server.script("busy", retry_after=7)
    with pytest.raises(SefinBusy) as caught:
        client(sefin_server, office_cert).emit(signed_dps(1))
    assert caught.value.retry_after == 7
    assert isinstance(caught.value, SefinUnreachable)
    assert caught.value.message.startswith("Sefin ocupada, tente novamente em 7 s.")


def test_forbidden_is_a_refusal_of_the_certificate(
        sefin_server: SefinTestServer, office_cert: Certificate,
        signed_dps: Callable[..., bytes]) -> None:
    sefin_server.script("forbidden")
    with pytest.raises(SefinUnreachable, match="recusou o acesso com o certificado"):
        client(sefin_server, office_cert).emit(signed_dps(1))


def test_cancel_event_accepted_then_refused_twice(
        sefin_server: SefinTestServer, office_cert: Certificate,
        signed_dps: Callable[..., bytes]) -> None:
    sefin = client(sefin_server, office_cert)
    key = sefin.emit(signed_dps(1)).key
    request = cancel_request(key, office_cert)
    event = sefin.register_event(key, request)
    validate(event, kind="evento")
    verify(event)
    assert f'Id="EVT{key}101101001"'.encode() in event
    assert sefin_server.requests[-1].path == f"/nfse/{key}/eventos"
    assert sefin_server.requests[-1].xml == request
    with pytest.raises(SefinRejected) as caught:
        sefin.register_event(key, request)
    assert caught.value.message == "A Sefin recusou o evento:\nA NFS-e já está cancelada."


def test_cancel_event_rejected_by_script(sefin_server: SefinTestServer, office_cert: Certificate,
                                         signed_dps: Callable[..., bytes]) -> None:
    sefin = client(sefin_server, office_cert)
    key = sefin.emit(signed_dps(1)).key
    sefin_server.script("rejected", codes=[("E1801", "Prazo de cancelamento expirado")])
    with pytest.raises(SefinRejected) as caught:
        sefin.register_event(key, cancel_request(key, office_cert))
    assert caught.value.message == (
        "A Sefin recusou o evento:\nE1801 – Prazo de cancelamento expirado")
    assert sefin_server.sefin.situation(key) == "autorizada"


def test_fetch_of_unknown_note(sefin_server: SefinTestServer, office_cert: Certificate) -> None:
    with pytest.raises(FiscalError, match="não encontrou a NFS-e"):
        client(sefin_server, office_cert).fetch_nfse("4" * 50)


def test_timeout_of_an_event_is_uncertain(sefin_server: SefinTestServer, office_cert: Certificate,
                                          signed_dps: Callable[..., bytes]) -> None:
    key = client(sefin_server, office_cert).emit(signed_dps(1)).key
    sefin_server.script("timeout")
    with pytest.raises(SefinUncertain, match="O evento pode ter sido registrado"):
        client(sefin_server, office_cert, timeout=0.5).register_event(
            key, cancel_request(key, office_cert))
    sefin_server.wait_processed()
    assert sefin_server.sefin.situation(key) == "cancelada"


def test_reads_that_fail_are_unreachable_not_uncertain(
        sefin_server: SefinTestServer, office_cert: Certificate) -> None:
    # A consultation changes nothing at the Sefin: any failure just means "ask again".
    sefin_server.script("error", status=503)
    with pytest.raises(SefinUnreachable) as caught:
        client(sefin_server, office_cert).find_dps(FIRST_ID)
    assert caught.value.message == ("A Sefin está com problemas (código 503). "
                                    "Tente novamente mais tarde.")
    sefin_server.script("timeout")
    with pytest.raises(SefinUnreachable) as caught:
        client(sefin_server, office_cert, timeout=0.5).find_dps(FIRST_ID)
    assert caught.value.message == "Tempo esgotado esperando a Sefin (0,5 s). Tente novamente."
