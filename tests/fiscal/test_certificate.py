"""The A1 certificate: loading, refusals in pt-BR, the test maker, the TLS files."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID

from contoffice.fiscal.certificate import (
    OID_CNPJ,
    CertificateError,
    load_pkcs12,
    make_test_pkcs12,
    tls_files,
)
from tests.fiscal.samples import ALNUM_CNPJ, OFFICE_CNPJ, PASSWORD, certificate

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def test_loads_the_test_certificate_with_its_cnpj() -> None:
    data = make_test_pkcs12("11.222.333/0001-81", "ESCRITORIO EXEMPLO LTDA", "s3nh@", now=NOW)
    cert = load_pkcs12(data, "s3nh@", now=NOW)
    assert cert.document == OFFICE_CNPJ
    assert cert.subject_name == "ESCRITORIO EXEMPLO LTDA"
    assert cert.not_after.date().isoformat() == "2028-11-28"
    assert len(cert.fingerprint) == 64 and cert.fingerprint == cert.fingerprint.lower()
    assert cert.chain == ()


def test_carries_the_icp_brasil_other_name_and_client_auth() -> None:
    cert = certificate(ALNUM_CNPJ).certificate
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    values = {o.type_id: o.value for o in san.get_values_for_type(x509.OtherName)}
    assert values[OID_CNPJ] == b"\x04\x0e" + ALNUM_CNPJ.encode()
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ExtendedKeyUsageOID.CLIENT_AUTH in eku
    assert cert.public_key().key_size == 2048
    assert certificate(ALNUM_CNPJ).document == ALNUM_CNPJ


def test_cpf_holder() -> None:
    cert = load_pkcs12(make_test_pkcs12("529.982.247-25", "MARIA", "x"), "x")
    assert cert.document == "52998224725"


def test_wrong_password() -> None:
    data = make_test_pkcs12(OFFICE_CNPJ, "ESCRITORIO", "certa")
    with pytest.raises(CertificateError) as caught:
        load_pkcs12(data, "errada")
    assert caught.value.message == "Senha do certificado incorreta."


@pytest.mark.parametrize(
    "data",
    [b"", b"isto nao e um certificado", b"-----BEGIN CERTIFICATE-----\nMIIB\n", os.urandom(64),
     b"\x30\x82\x01\x00\x02\x01\x01" + b"\x00" * 40],
)
def test_not_a_pkcs12(data: bytes) -> None:
    with pytest.raises(CertificateError) as caught:
        load_pkcs12(data, "x")
    assert caught.value.message == "O arquivo não é um certificado A1 (PKCS#12)."


def test_a_der_certificate_without_key_is_not_an_a1() -> None:
    der = certificate().certificate.public_bytes(serialization.Encoding.DER)
    with pytest.raises(CertificateError, match="não é um certificado A1"):
        load_pkcs12(der, PASSWORD)


def test_expired() -> None:
    made = datetime(2024, 1, 10, 15, 0, tzinfo=UTC)
    data = make_test_pkcs12(OFFICE_CNPJ, "ESCRITORIO", "s", days=365, now=made)
    with pytest.raises(CertificateError) as caught:
        load_pkcs12(data, "s", now=NOW)
    assert caught.value.message == "O certificado venceu em 09/01/2025."
    assert load_pkcs12(data, "s", now=made).document == OFFICE_CNPJ


def test_not_yet_valid() -> None:
    data = make_test_pkcs12(OFFICE_CNPJ, "ESCRITORIO", "s", now=datetime(2027, 3, 1, tzinfo=UTC))
    with pytest.raises(CertificateError, match="só vale a partir de 28/02/2027"):
        load_pkcs12(data, "s", now=NOW)


def test_a_file_without_key_is_refused() -> None:
    cert = certificate().certificate
    data = pkcs12.serialize_key_and_certificates(
        b"x", None, None, [cert], serialization.BestAvailableEncryption(b"s"))
    with pytest.raises(CertificateError, match="chave privada"):
        load_pkcs12(data, "s")


def test_tls_files_are_private_encrypted_and_removed() -> None:
    cert = certificate()
    with tls_files(cert) as (cert_path, key_path, key_password):
        folder = os.path.dirname(cert_path)
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
        assert stat.S_IMODE(os.stat(key_path).st_mode) == 0o600
        pem = Path(key_path).read_bytes()
        assert b"ENCRYPTED PRIVATE KEY" in pem
        with pytest.raises(TypeError):
            serialization.load_pem_private_key(pem, None)
        key = serialization.load_pem_private_key(pem, key_password.encode())
        assert key.public_key().public_numbers() == cert.private_key.public_key().public_numbers()
        loaded = x509.load_pem_x509_certificate(Path(cert_path).read_bytes())
        assert loaded == cert.certificate
    assert not os.path.exists(folder)


def test_tls_files_passwords_differ_each_time() -> None:
    cert = certificate()
    with tls_files(cert) as first, tls_files(cert) as second:
        assert first[2] != second[2] and first[0] != second[0]
