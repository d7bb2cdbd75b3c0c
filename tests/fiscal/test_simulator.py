"""LocalSefin: the NFS-e it returns is what the Sefin would return, and it refuses like it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from contoffice.fiscal.certificate import Certificate
from contoffice.fiscal.dps import build_dps
from contoffice.fiscal.events import build_cancel_event
from contoffice.fiscal.ids import dps_id
from contoffice.fiscal.nfse_doc import read_nfse
from contoffice.fiscal.schema import validate
from contoffice.fiscal.signing import sign, verify
from contoffice.fiscal.simulated_docs import access_key
from contoffice.fiscal.simulator import LocalSefin
from contoffice.fiscal.transport_errors import SefinRejected
from contoffice.fiscal.values import CancelData, Party, Regime, Taxes
from tests.fiscal.conftest import (
    CURITIBA,
    ISSUED_AT,
    OFFICE,
    OFFICE_CNPJ,
    OFFICE_NAME,
    TAKER_NAME,
    certificate,
    dps_data,
    substitution,
)

NS = {"n": "http://www.sped.fazenda.gov.br/nfse"}
PROCESSED = datetime(2026, 11, 20, 13, 20, 0, tzinfo=UTC)


def simulator(cert: Certificate, **options: object) -> LocalSefin:
    """A LocalSefin with a fixed clock that knows the office."""
    return LocalSefin(cert, emitters=[OFFICE], clock=lambda: PROCESSED, **options)  # type: ignore[arg-type]


def value(xml: bytes, path: str) -> str:
    """Text at an XPath of the NFS-e namespace."""
    return str(etree.fromstring(xml).xpath(f"string({path})", namespaces=NS))


def rejection(call: Callable[[], object]) -> tuple[tuple[str, str], ...]:
    """The codes a rejected call raised."""
    with pytest.raises(SefinRejected) as caught:
        call()
    return caught.value.codes


def test_nfse_validates_is_signed_and_carries_the_dps(
        sefin_cert: Certificate, signed_dps: Callable[..., bytes]) -> None:
    sent = signed_dps(1)
    done = simulator(sefin_cert).emit(sent)
    validate(done.nfse_xml, kind="nfse")
    verify(done.nfse_xml, cert=sefin_cert.certificate)
    # The DPS travels inside untouched: its own signature still verifies there.
    embedded = etree.fromstring(done.nfse_xml).find("n:infNFSe/n:DPS", NS)
    verify(etree.tostring(embedded))
    assert etree.tostring(embedded) == etree.tostring(
        etree.fromstring(sent).getroottree().getroot())
    assert value(done.nfse_xml, "//n:infNFSe/n:emit/n:xNome") == OFFICE_NAME
    assert value(done.nfse_xml, "//n:infNFSe/n:emit/n:enderNac/n:UF") == "PR"
    assert value(done.nfse_xml, "//n:infNFSe/n:xLocEmi") == "Curitiba"
    assert value(done.nfse_xml, "//n:infNFSe/n:dhProc") == "2026-11-20T10:20:00-03:00"
    assert value(done.nfse_xml, "//n:infNFSe/n:valores/n:vLiq") == "1500.00"
    assert value(done.nfse_xml, "//n:toma/n:xNome") == TAKER_NAME


def test_key_follows_the_tsidnfse_rule(sefin_cert: Certificate,
                                       signed_dps: Callable[..., bytes]) -> None:
    done = simulator(sefin_cert).emit(signed_dps(1))
    info = read_nfse(done.nfse_xml)
    assert done.key == info.key
    assert done.key.startswith(f"{CURITIBA}22{OFFICE_CNPJ}{1:013d}2611")
    assert done.key == access_key(CURITIBA, OFFICE_CNPJ, 1, PROCESSED, info.verification)
    assert value(done.nfse_xml, "//n:infNFSe/@Id") == f"NFS{done.key}"


def test_check_digit_is_modulo_11() -> None:
    key = access_key("1505486", "31305199000190", 3, PROCESSED, "123456789")
    body, digit = key[:49], int(key[49])
    total = sum(int(c) * (2 + i % 8) for i, c in enumerate(reversed(body)))
    assert digit == (0 if total % 11 < 2 else 11 - total % 11)


def test_numbers_are_sequential_per_emitter(sefin_cert: Certificate,
                                            signed_dps: Callable[..., bytes]) -> None:
    sefin = simulator(sefin_cert, first_number=147)
    numbers = [read_nfse(sefin.emit(signed_dps(n)).nfse_xml).number for n in (1, 2, 3)]
    assert numbers == [147, 148, 149]
    other_cert = certificate("11444777000161", "OUTRA EMPRESA LTDA")
    other = dps_data(1, provider=Party("11444777000161", "OUTRA EMPRESA LTDA"))
    done = sefin.emit(sign(build_dps(other), other_cert))
    assert read_nfse(done.nfse_xml).number == 147
    # Not in the registry: the name comes from the signer's certificate.
    assert value(done.nfse_xml, "//n:infNFSe/n:emit/n:xNome") == "OUTRA EMPRESA LTDA"
    validate(done.nfse_xml, kind="nfse")


def test_duplicate_is_e0014_and_consumes_no_number(sefin_cert: Certificate,
                                                   signed_dps: Callable[..., bytes]) -> None:
    sefin = simulator(sefin_cert)
    first = sefin.emit(signed_dps(1))
    assert rejection(lambda: sefin.emit(signed_dps(1)))[0][0] == "E0014"
    assert read_nfse(sefin.emit(signed_dps(2)).nfse_xml).number == 2
    assert sefin.find_dps(dps_id(CURITIBA, OFFICE_CNPJ, 1, 1)) == first.key
    assert sefin.find_dps(dps_id(CURITIBA, OFFICE_CNPJ, 1, 3)) is None


def test_signature_layout_and_environment_refusals(
        sefin_cert: Certificate, office_cert: Certificate,
        signed_dps: Callable[..., bytes]) -> None:
    sefin = simulator(sefin_cert)
    tampered = signed_dps(1).replace(b"<vServ>1500.00</vServ>", b"<vServ>15.00</vServ>")
    assert rejection(lambda: sefin.emit(tampered))[0][0] == "E0714"
    assert rejection(lambda: sefin.emit(build_dps(dps_data(1))))[0][0] == "E0717"
    broken = signed_dps(1).replace(b"<tpEmit>1</tpEmit>", b"<tpEmit>7</tpEmit>")
    assert rejection(lambda: sefin.emit(broken))[0][0] == "E1235"
    production = sign(build_dps(dps_data(1, environment=1)), office_cert)
    assert rejection(lambda: sefin.emit(production))[0][0] == "E0006"
    nowhere = sign(build_dps(dps_data(1, emitter_city="9999999")), office_cert)
    assert rejection(lambda: sefin.emit(nowhere)) == (
        ("", "Município emissor inexistente: 9999999."),)
    assert sefin.find_dps(dps_id(CURITIBA, OFFICE_CNPJ, 1, 1)) is None


def test_iss_and_withholding_values(sefin_cert: Certificate, office_cert: Certificate) -> None:
    data = dps_data(1, regime=Regime(1, None, 0),
                    taxes=Taxes(iss_withheld=True, iss_rate_bp=200))
    done = simulator(sefin_cert).emit(sign(build_dps(data), office_cert))
    validate(done.nfse_xml, kind="nfse")
    got = {name: value(done.nfse_xml, f"//n:infNFSe/n:valores/n:{name}")
           for name in ("vBC", "pAliqAplic", "vISSQN", "vTotalRet", "vLiq")}
    assert got == {"vBC": "1500.00", "pAliqAplic": "2.00", "vISSQN": "30.00",
                   "vTotalRet": "30.00", "vLiq": "1470.00"}
    assert Decimal(got["vLiq"]) + Decimal(got["vTotalRet"]) == Decimal(got["vBC"])


def test_state_survives_a_new_instance(sefin_cert: Certificate, state_file: Path,
                                       signed_dps: Callable[..., bytes]) -> None:
    first = simulator(sefin_cert, state_path=state_file).emit(signed_dps(1))
    again = simulator(sefin_cert, state_path=state_file)
    assert again.find_dps(dps_id(CURITIBA, OFFICE_CNPJ, 1, 1)) == first.key
    assert again.fetch_nfse(first.key) == first.nfse_xml
    assert rejection(lambda: again.emit(signed_dps(1)))[0][0] == "E0014"
    assert read_nfse(again.emit(signed_dps(2)).nfse_xml).number == 2


def test_unreadable_state_file_is_said_in_portuguese(sefin_cert: Certificate,
                                                     state_file: Path) -> None:
    state_file.write_text("{não é json", encoding="utf-8")
    with pytest.raises(Exception, match="arquivo do simulador local está ilegível"):
        simulator(sefin_cert, state_path=state_file)


def test_substitution_marks_the_original(sefin_cert: Certificate, office_cert: Certificate,
                                         signed_dps: Callable[..., bytes]) -> None:
    sefin = simulator(sefin_cert)
    original = sefin.emit(signed_dps(1))
    substitute = sefin.emit(signed_dps(2, substitution=substitution(original.key)))
    assert sefin.situation(original.key) == "substituída"
    assert sefin.situation(substitute.key) == "autorizada"
    [event] = sefin.events(original.key)
    validate(event, kind="evento")
    verify(event, cert=sefin_cert.certificate)
    assert value(event, "//n:e105102/n:chSubstituta") == substitute.key
    again = signed_dps(3, substitution=substitution(original.key))
    assert rejection(lambda: sefin.emit(again))[0][1] == "A NFS-e a substituir já foi substituída."


def test_cancel_event_then_no_substitution(sefin_cert: Certificate, office_cert: Certificate,
                                           signed_dps: Callable[..., bytes]) -> None:
    sefin = simulator(sefin_cert)
    first, second = sefin.emit(signed_dps(1)), sefin.emit(signed_dps(2))
    request = sign(build_cancel_event(CancelData(
        first.key, 2, ISSUED_AT, OFFICE_CNPJ, 2, "Serviço não foi prestado ao cliente",
        "contoffice-1.0")), office_cert)
    codes = rejection(lambda: sefin.register_event(second.key, request))
    assert codes == (("", "O pedido de cancelamento não é desta NFS-e."),)
    event = sefin.register_event(first.key, request)
    validate(event, kind="evento")
    assert value(event, "//n:infEvento/n:pedRegEvento/n:infPedReg/n:e101101/n:cMotivo") == "2"
    assert sefin.situation(first.key) == "cancelada"
    assert sefin.events(first.key) == (event,)
    again = signed_dps(3, substitution=substitution(first.key))
    assert rejection(lambda: sefin.emit(again))[0][0] == "E0046"
