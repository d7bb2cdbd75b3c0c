"""A real SMTP server for tests: aiosmtpd on 127.0.0.1 in a thread (research/environment.md §8).

It accepts one user/password over AUTH LOGIN/PLAIN, speaks plain SMTP, STARTTLS or implicit
TLS with a throwaway self-signed certificate, keeps every message it receives, and can answer
chosen recipients with a 4xx/5xx reply.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Literal

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

HOST = "127.0.0.1"
USER = "escritorio@example.com.br"
PASSWORD = "s3nh@-Secreta!"


@dataclass(frozen=True)
class Received:
    """One message as the server got it: the envelope and the parsed e-mail."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: EmailMessage


@dataclass(frozen=True)
class Certificate:
    """A self-signed certificate for 127.0.0.1/localhost, valid for a day."""

    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        """The context the test server presents."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context

    def client_context(self) -> ssl.SSLContext:
        """A verifying client context that trusts only this certificate."""
        return ssl.create_default_context(cafile=str(self.cert_file))


def _with_cryptography(folder: Path) -> Certificate:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    names = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(HOST))]
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    result = Certificate(folder / "cert.pem", folder / "key.pem")
    result.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    result.key_file.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return result


def _with_openssl(folder: Path) -> Certificate:
    result = Certificate(folder / "cert.pem", folder / "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", str(result.key_file),
         "-out", str(result.cert_file), "-addext", f"subjectAltName=DNS:localhost,IP:{HOST}"],
        check=True, capture_output=True, timeout=60)
    return result


def make_certificate(folder: Path) -> Certificate | None:
    """A fresh certificate from `cryptography`, else `openssl`; None when neither is here."""
    try:
        import cryptography  # noqa: F401
    except ImportError:
        if shutil.which("openssl") is None:
            return None
        return _with_openssl(folder)
    return _with_cryptography(folder)


def require_certificate(folder: Path) -> Certificate:
    """A fresh certificate, or skip the test when nothing here can make one."""
    certificate = make_certificate(folder)
    if certificate is None:
        pytest.skip("neither the cryptography package nor openssl is available")
    return certificate


class _Handler:
    def __init__(self, refuse: Mapping[str, str], flaky: Mapping[str, int]) -> None:
        self.refuse = {address.lower(): reply for address, reply in refuse.items()}
        self.flaky = {address.lower(): times for address, times in flaky.items()}
        self.received: list[Received] = []

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        reply = self.refuse.get(address.lower())
        if reply:
            return reply
        if self.flaky.get(address.lower(), 0) > 0:
            self.flaky[address.lower()] -= 1
            return "451 4.3.0 Caixa ocupada, tente mais tarde"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        parsed = message_from_bytes(raw, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.received.append(Received(str(envelope.mail_from), tuple(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"


@dataclass
class SmtpTestServer:
    """The running server's address and what it received."""

    port: int
    handler: _Handler = field(repr=False)
    host: str = HOST

    @property
    def received(self) -> list[Received]:
        """Every message accepted so far, oldest first."""
        return self.handler.received


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on (also what a "server down" test dials)."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@contextmanager
def smtp_server(*, security: Literal["plain", "starttls", "tls"] = "plain",
                certificate: Certificate | None = None, user: str = USER,
                password: str = PASSWORD,
                refuse: Mapping[str, str] | None = None,
                flaky: Mapping[str, int] | None = None) -> Iterator[SmtpTestServer]:
    """Run the server for the `with` block; `refuse` maps a recipient to its error reply.

    `flaky` maps a recipient to how many times it is answered "451" before it is accepted.
    """
    expected = (user.encode(), password.encode())

    def authenticate(server: SMTP, session: Session, envelope: Envelope, mechanism: str,
                     auth_data: Any) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login,
                                                       auth_data.password) == expected
        # handled=False makes aiosmtpd answer 535; True would leave the client hanging.
        return AuthResult(success=ok, handled=False)

    options: dict[str, Any] = {"auth_require_tls": False}
    if security != "plain":
        if certificate is None:
            raise ValueError(f"security={security!r} needs a certificate")
        if security == "starttls":
            options = {"tls_context": certificate.server_context(), "require_starttls": True,
                       "auth_require_tls": True}
        else:
            options["ssl_context"] = certificate.server_context()
    handler = _Handler(refuse or {}, flaky or {})
    port = free_port()
    # server_hostname avoids a getfqdn() lookup, which can stall on a box without DNS.
    controller = Controller(handler, hostname=HOST, port=port, server_hostname="localhost",
                            authenticator=authenticate, ready_timeout=10, **options)
    controller.start()
    try:
        yield SmtpTestServer(port, handler)
    finally:
        controller.stop()
