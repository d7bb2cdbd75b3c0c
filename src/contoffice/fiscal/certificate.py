"""The A1 certificate (PKCS#12): load it, find the CNPJ/CPF it carries, make a test one."""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from contoffice.core.documents import normalize_document
from contoffice.fiscal.errors import CertificateError

# ICP-Brasil otherName OIDs (DOC-ICP-04): 3.3 holds the company's CNPJ, 3.1 the holder's
# birth date (8) followed by the CPF (11).
OID_CNPJ = x509.ObjectIdentifier("2.16.76.1.3.3")
OID_CPF = x509.ObjectIdentifier("2.16.76.1.3.1")
_STRING_TAGS = {0x04, 0x0C, 0x13, 0x16}  # OCTET, UTF8, Printable, IA5 strings


@dataclass(frozen=True)
class Certificate:
    """An unlocked A1 certificate: key, leaf, chain and what the clerk needs to see."""

    private_key: rsa.RSAPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    subject_name: str
    document: str
    not_after: datetime
    fingerprint: str


def _looks_like_pfx(data: bytes) -> bool:
    """True when data starts like a DER PFX (SEQUENCE, then INTEGER version 3)."""
    if len(data) < 8 or data[0] != 0x30:
        return False
    first = data[1]
    offset = 2 + (first & 0x7F if first & 0x80 else 0)
    return data[offset : offset + 3] == b"\x02\x01\x03"


def _der_string(value: bytes) -> str:
    """The text inside a DER-encoded string (short length form), or '' if not one."""
    if len(value) >= 2 and value[0] in _STRING_TAGS and value[1] < 0x80:
        return value[2 : 2 + value[1]].decode("ascii", "replace")
    return ""


def _document_of(cert: x509.Certificate) -> str:
    """The CNPJ (or CPF) from the ICP-Brasil otherName, else from the CN's ':document' tail."""
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        san = None
    if san is not None:
        for other in san.get_values_for_type(x509.OtherName):
            text = _der_string(other.value)
            if other.type_id == OID_CNPJ and len(text) >= 14:
                return normalize_document(text[:14])
            if other.type_id == OID_CPF and len(text) >= 19:
                return text[8:19]
    cn = _common_name(cert)
    tail = normalize_document(cn.rsplit(":", 1)[-1]) if ":" in cn else ""
    return tail if len(tail) in (11, 14) else ""


def _common_name(cert: x509.Certificate) -> str:
    """The subject's CN, or the whole subject when it has none."""
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else cert.subject.rfc4514_string()


def _date_br(moment: datetime) -> str:
    """dd/mm/aaaa of an aware moment, in Brasília time (UTC-3, no daylight saving)."""
    return (moment - timedelta(hours=3)).strftime("%d/%m/%Y")


def load_pkcs12(data: bytes, password: str, *, now: datetime | None = None) -> Certificate:
    """Open an A1 certificate file; CertificateError says in pt-BR why it cannot be used."""
    if not _looks_like_pfx(data):
        raise CertificateError("O arquivo não é um certificado A1 (PKCS#12).")
    try:
        key, leaf, extra = pkcs12.load_key_and_certificates(data, password.encode("utf-8"))
    except ValueError as exc:
        raise CertificateError("Senha do certificado incorreta.") from exc
    if key is None or leaf is None:
        raise CertificateError("O arquivo não traz a chave privada e o certificado (A1).")
    if not isinstance(key, rsa.RSAPrivateKey):
        raise CertificateError("O certificado não usa chave RSA, exigida pela NFS-e.")
    moment = now or datetime.now(UTC)
    if leaf.not_valid_after_utc < moment:
        raise CertificateError(f"O certificado venceu em {_date_br(leaf.not_valid_after_utc)}.")
    if leaf.not_valid_before_utc > moment:
        start = _date_br(leaf.not_valid_before_utc)
        raise CertificateError(f"O certificado só vale a partir de {start}.")
    return Certificate(
        private_key=key,
        certificate=leaf,
        chain=tuple(extra),
        subject_name=_common_name(leaf).split(":", 1)[0],
        document=_document_of(leaf),
        not_after=leaf.not_valid_after_utc,
        fingerprint=leaf.fingerprint(hashes.SHA256()).hex(),
    )


def _other_name(document: str) -> x509.OtherName:
    """The ICP-Brasil otherName carrying this CNPJ (3.3) or CPF (3.1), as a DER OCTET STRING."""
    doc = normalize_document(document)
    if len(doc) == 11:
        oid, text = OID_CPF, "01011980" + doc + "0" * 26
    else:
        oid, text = OID_CNPJ, doc
    raw = text.encode("ascii")
    return x509.OtherName(oid, bytes([0x04, len(raw)]) + raw)


def make_test_pkcs12(
    document: str, name: str, password: str, *, days: int = 730, now: datetime | None = None
) -> bytes:
    """A self-signed A1-like PKCS#12 (RSA 2048, clientAuth, CNPJ in the ICP-Brasil otherName)."""
    start = now or datetime.now(UTC)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    doc = normalize_document(document)
    subject = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "BR"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ICP-Brasil (teste)"),
        x509.NameAttribute(NameOID.COMMON_NAME, f"{name}:{doc}"[:64]),
    ])
    usage = x509.KeyUsage(True, True, True, False, False, False, False, False, False)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start - timedelta(minutes=5))
        .not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        .add_extension(x509.SubjectAlternativeName([_other_name(doc)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    encryption = (
        serialization.BestAvailableEncryption(password.encode("utf-8"))
        if password
        else serialization.NoEncryption()
    )
    return pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"), key, cert, None, encryption
    )


@contextmanager
def tls_files(cert: Certificate) -> Iterator[tuple[str, str, str]]:
    """(cert_path, key_path, key_password) in a private temp dir, removed on exit."""
    folder = tempfile.mkdtemp(prefix="contoffice-tls-")
    os.chmod(folder, 0o700)
    key_password = secrets.token_urlsafe(24)
    try:
        cert_path = os.path.join(folder, "cert.pem")
        key_path = os.path.join(folder, "key.pem")
        pem = b"".join(
            c.public_bytes(serialization.Encoding.PEM) for c in (cert.certificate, *cert.chain)
        )
        key_pem = cert.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(key_password.encode("ascii")),
        )
        for path, content in ((cert_path, pem), (key_path, key_pem)):
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(content)
        yield cert_path, key_path, key_password
    finally:
        shutil.rmtree(folder, ignore_errors=True)

