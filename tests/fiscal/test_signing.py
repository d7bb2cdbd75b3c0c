"""Enveloped XMLDSig (both profiles): signxml verify, tampering, and xmlsec1 as an outside judge."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from lxml import etree

from contoffice.fiscal.dps import NS, build_dps
from contoffice.fiscal.errors import SignatureError
from contoffice.fiscal.events import build_cancel_event
from contoffice.fiscal.schema import validate
from contoffice.fiscal.signing import DS, sign, verify
from contoffice.fiscal.values import CancelData, Party
from tests.fiscal.samples import ALNUM_CNPJ, KEY, certificate, sample_dps

PROFILES = {
    "sha256": ("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
               "http://www.w3.org/2001/04/xmlenc#sha256",
               "http://www.w3.org/2001/10/xml-exc-c14n#"),
    "sha1": ("http://www.w3.org/2000/09/xmldsig#rsa-sha1",
             "http://www.w3.org/2000/09/xmldsig#sha1",
             "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"),
}


def _xmlsec1() -> str:
    """The xmlsec1 binary; missing is a failure when the full suite demands it."""
    found = shutil.which("xmlsec1")
    if found is None:
        if os.environ.get("CONTOFFICE_REQUIRE_PG") == "1":
            pytest.fail("xmlsec1 não está instalado (apt-get install xmlsec1)")
        pytest.skip("xmlsec1 not installed")
    return found


def _xmlsec_verify(tmp_path: Path, signed: bytes, id_node: str) -> subprocess.CompletedProcess:
    cert_pem = tmp_path / "cert.pem"
    cert_pem.write_bytes(certificate().certificate.public_bytes(serialization.Encoding.PEM))
    doc = tmp_path / "file.xml"
    doc.write_bytes(signed)
    return subprocess.run(
        [_xmlsec1(), "--verify", "--pubkey-cert-pem", str(cert_pem), "--id-attr:Id", id_node,
         str(doc)],
        capture_output=True, text=True, timeout=60, check=False,
    )


def _dps() -> bytes:
    return build_dps(sample_dps(taker=Party(ALNUM_CNPJ, "Cliente Ação")))


@pytest.mark.parametrize("profile", ["sha256", "sha1"])
def test_signature_structure(profile: str) -> None:
    signed = sign(_dps(), certificate(), profile)
    assert signed.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<DPS xmlns=')
    assert b"<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">" in signed
    assert b"ds:" not in signed
    root = etree.fromstring(signed)
    assert [etree.QName(c).localname for c in root] == ["infDPS", "Signature"]
    inf_id = root[0].get("Id")
    signature = root[1]
    method, digest, c14n = PROFILES[profile]
    q = {"d": DS}
    assert signature.find("d:SignedInfo/d:SignatureMethod", q).get("Algorithm") == method
    assert signature.find("d:SignedInfo/d:CanonicalizationMethod", q).get("Algorithm") == c14n
    reference = signature.find("d:SignedInfo/d:Reference", q)
    assert reference.get("URI") == "#" + inf_id
    assert [t.get("Algorithm") for t in reference.find("d:Transforms", q)] == [
        "http://www.w3.org/2000/09/xmldsig#enveloped-signature", c14n]
    assert reference.find("d:DigestMethod", q).get("Algorithm") == digest
    assert signature.find("d:KeyInfo/d:X509Data/d:X509Certificate", q).text
    validate(signed)  # the signed document still follows the layout
    verify(signed)


@pytest.mark.parametrize("profile", ["sha256", "sha1"])
def test_tampering_is_detected(profile: str) -> None:
    signed = sign(_dps(), certificate(), profile)
    with pytest.raises(SignatureError, match="Assinatura inválida"):
        verify(signed.replace(b"<vServ>1500.00</vServ>", b"<vServ>15.00</vServ>"))
    root = etree.fromstring(signed)
    value = root.find(f"{{{DS}}}Signature/{{{DS}}}SignatureValue")
    value.text = ("A" if value.text[0] != "A" else "B") + value.text[1:]
    with pytest.raises(SignatureError):
        verify(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def test_other_certificate_does_not_verify() -> None:
    signed = sign(_dps(), certificate())
    with pytest.raises(SignatureError):
        verify(signed, cert=certificate(ALNUM_CNPJ).certificate)
    verify(signed, cert=certificate().certificate)


def test_unsigned_and_unknown_profile() -> None:
    with pytest.raises(SignatureError, match="não está assinado"):
        verify(_dps())
    with pytest.raises(SignatureError, match="Perfil de assinatura desconhecido"):
        sign(_dps(), certificate(), "md5")
    with pytest.raises(SignatureError, match="já está assinado"):
        sign(sign(_dps(), certificate()), certificate())
    with pytest.raises(SignatureError, match=r"XML malformado \(linha 1\)"):
        verify(b"<DPS>")
    with pytest.raises(SignatureError, match="atributo Id"):
        sign(f'<DPS xmlns="{NS}"><infDPS/></DPS>'.encode(), certificate())


def test_signature_moved_onto_another_element_is_refused() -> None:
    signed = sign(_dps(), certificate())
    # A reference pointing elsewhere than the Id group must not count as signing it.
    forged = signed.replace(b'Id="DPS', b'Id="XPS', 1)
    with pytest.raises(SignatureError):
        verify(forged)


def test_signed_bytes_are_final() -> None:
    signed = sign(_dps(), certificate())
    root = etree.fromstring(signed)
    assert b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(
        root, encoding="UTF-8") == signed


@pytest.mark.parametrize("profile", ["sha256", "sha1"])
def test_xmlsec1_verifies_the_dps(profile: str, tmp_path: Path) -> None:
    signed = sign(_dps(), certificate(), profile)
    done = _xmlsec_verify(tmp_path, signed, "infDPS")
    assert done.returncode == 0, done.stderr
    assert "OK" in done.stdout + done.stderr
    tampered = _xmlsec_verify(tmp_path, signed.replace(b"Cliente A", b"Cliente B"), "infDPS")
    assert tampered.returncode != 0


@pytest.mark.parametrize("profile", ["sha256", "sha1"])
def test_xmlsec1_verifies_the_cancel_event(profile: str, tmp_path: Path) -> None:
    event = build_cancel_event(CancelData(KEY, 2, datetime(2026, 11, 21, 14, 0, tzinfo=UTC),
                                          "11222333000181", 1, "Valor do serviço errado",
                                          "contoffice-1.0"))
    signed = sign(event, certificate(), profile)
    validate(signed, "event")
    verify(signed)
    done = _xmlsec_verify(tmp_path, signed, "infPedReg")
    assert done.returncode == 0, done.stderr
