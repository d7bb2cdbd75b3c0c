"""What can go wrong talking to the Sefin Nacional, each said in pt-BR for the clerk.

The three outcomes a caller must tell apart (fiscal.md §1.6, §4): the Sefin *answered no*
(SefinRejected: the DPS number may be reused), *nothing was processed* (SefinUnreachable and
its SefinBusy: send again later), or *nobody knows* (SefinUncertain: ask GET /dps/{Id}
before sending again, or the resend hits E0014).
"""

from __future__ import annotations

import errno
import http.client
import socket
import ssl
from collections.abc import Iterable

from contoffice.core.os_errors import reason as os_reason
from contoffice.fiscal.errors import FiscalError

# TLS alerts by which a server refuses the client's certificate (OpenSSL reason names).
_CERT_REFUSED = frozenset({
    "TLSV13_ALERT_CERTIFICATE_REQUIRED", "SSLV3_ALERT_BAD_CERTIFICATE",
    "TLSV1_ALERT_UNKNOWN_CA", "SSLV3_ALERT_CERTIFICATE_UNKNOWN", "TLSV1_ALERT_ACCESS_DENIED",
    "SSLV3_ALERT_CERTIFICATE_EXPIRED", "SSLV3_ALERT_CERTIFICATE_REVOKED",
    "SSLV3_ALERT_UNSUPPORTED_CERTIFICATE", "TLSV1_ALERT_DECRYPT_ERROR",
    "PEER_DID_NOT_RETURN_A_CERTIFICATE",
})
CERT_REFUSED_TEXT = ("O servidor da Sefin recusou o certificado do escritório. Confira se é o "
                     "certificado A1 do próprio emitente, dentro da validade.")


class SefinRejected(FiscalError):
    """The Sefin refused the DPS or event; `codes` holds its (code, text) pairs."""

    def __init__(self, codes: Iterable[tuple[str, str]],
                 what: str = "A Sefin rejeitou a nota") -> None:
        self.codes: tuple[tuple[str, str], ...] = tuple(codes)
        lines = [f"{code} – {text}" if code else text for code, text in self.codes]
        super().__init__(f"{what}:\n" + "\n".join(lines) if lines else f"{what}.")


class SefinUnreachable(FiscalError):
    """Nothing reached the Sefin (or it refused before processing): safe to send again."""


class SefinBusy(SefinUnreachable):
    """HTTP 429: the Sefin did not process the request; the caller may retry later."""

    def __init__(self, retry_after: int | None = None) -> None:
        self.retry_after = retry_after
        wait = f" em {retry_after} s" if retry_after else " em alguns instantes"
        super().__init__(f"Sefin ocupada, tente novamente{wait}. O pedido não foi processado.")


class SefinUncertain(FiscalError):
    """The request was sent but no usable answer came: consult before sending again."""


def seconds(value: float) -> str:
    """A timeout as a clerk reads it: "30 s", "0,5 s"."""
    return f"{value:g} s".replace(".", ",")


def _ssl_reason(error: BaseException) -> str:
    return str(getattr(error, "reason", "") or "").upper()


def cert_refused(error: BaseException) -> bool:
    """Whether a TLS error is the server's refusal of our client certificate."""
    return isinstance(error, ssl.SSLError) and _ssl_reason(error) in _CERT_REFUSED


def unreachable(error: BaseException, host: str, timeout: float) -> SefinUnreachable:
    """The pt-BR SefinUnreachable for an error raised before the request was sent."""
    if isinstance(error, ssl.SSLCertVerificationError):
        if getattr(error, "verify_code", 0) == 62:  # X509_V_ERR_HOSTNAME_MISMATCH
            text = f"O certificado do servidor não corresponde ao endereço {host}."
        else:
            text = ("O certificado do servidor da Sefin não é confiável: a cadeia de "
                    "certificação não foi reconhecida. Confira o arquivo de autoridades "
                    "certificadoras configurado.")
        return SefinUnreachable(text)
    if cert_refused(error):
        return SefinUnreachable(CERT_REFUSED_TEXT)
    if isinstance(error, ssl.SSLError):
        return SefinUnreachable(f"Falha ao estabelecer a conexão segura com a Sefin ({host}).")
    if isinstance(error, socket.gaierror):
        return SefinUnreachable(f"Não foi possível encontrar o servidor da Sefin ({host}). "
                                "Verifique a conexão com a internet.")
    if isinstance(error, TimeoutError):
        return SefinUnreachable(f"Tempo esgotado ao conectar à Sefin ({seconds(timeout)}). "
                                "Verifique a conexão com a internet.")
    if isinstance(error, ConnectionRefusedError):
        return SefinUnreachable(f"O servidor da Sefin ({host}) recusou a conexão. "
                                "Tente novamente mais tarde.")
    if isinstance(error, OSError) and error.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return SefinUnreachable(f"Sem rota até o servidor da Sefin ({host}). "
                                "Verifique a conexão com a internet.")
    if isinstance(error, OSError) and error.errno is not None:
        return SefinUnreachable(f"Não foi possível conectar à Sefin ({host}): "
                                f"{os_reason(error)}.")
    return SefinUnreachable(f"Não foi possível conectar à Sefin ({host}).")


def uncertain(error: BaseException, timeout: float, consequence: str) -> SefinUncertain:
    """The pt-BR SefinUncertain for an error raised after the request was written."""
    if isinstance(error, TimeoutError):
        return SefinUncertain(f"Tempo esgotado esperando a Sefin ({seconds(timeout)}). "
                              f"{consequence}")
    if isinstance(error, http.client.HTTPException | ConnectionError | ssl.SSLError):
        return SefinUncertain(f"A conexão com a Sefin caiu antes da resposta. {consequence}")
    return SefinUncertain(f"A Sefin não respondeu. {consequence}")
