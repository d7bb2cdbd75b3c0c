"""The Sefin Nacional REST client (fiscal.md §1.6): mutual TLS with the office's A1 certificate.

Only the standard library (http.client + ssl): the JSON envelopes carry gzip+base64 XML.
Every failure becomes a pt-BR error of transport_errors.py; see its docstring for which
ones mean "send again", "fix the DPS" and "consult before sending again".
"""

from __future__ import annotations

import binascii
import http.client
import json
import ssl
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

from contoffice.fiscal.certificate import Certificate, tls_files
from contoffice.fiscal.envelopes import field, messages, pack, unpack
from contoffice.fiscal.errors import FiscalError
from contoffice.fiscal.nfse_doc import read_nfse
from contoffice.fiscal.transport_errors import (
    CERT_REFUSED_TEXT,
    SefinBusy,
    SefinRejected,
    SefinUncertain,
    SefinUnreachable,
    cert_refused,
    uncertain,
    unreachable,
)

BASE_URLS = {1: "https://sefin.nfse.gov.br/SefinNacional",
             2: "https://sefin.producaorestrita.nfse.gov.br/SefinNacional"}

_NOTE_MAYBE = ("A nota pode ter sido autorizada: consulte a situação antes de enviar de novo.")
_EVENT_MAYBE = ("O evento pode ter sido registrado: consulte a nota antes de enviar de novo.")


@dataclass(frozen=True, slots=True)
class Authorised:
    """The Sefin's yes: the chave de acesso, the NFS-e XML and its alerts (code, text)."""

    key: str
    nfse_xml: bytes
    alerts: tuple[tuple[str, str], ...] = ()


class Sefin(Protocol):
    """What SefinClient and LocalSefin both offer (the services accept either)."""

    def emit(self, signed_dps: bytes) -> Authorised: ...
    def find_dps(self, dps_id: str) -> str | None: ...
    def fetch_nfse(self, key: str) -> bytes: ...
    def register_event(self, key: str, signed_event: bytes) -> bytes: ...


class SefinClient:
    """One emitter's conversation with the Sefin at `base_url` (see BASE_URLS)."""

    def __init__(self, base_url: str, cert: Certificate, *, ca_file: str | None = None,
                 timeout: float = 30.0) -> None:
        parts = urlsplit(base_url)
        if parts.scheme != "https" or not parts.hostname:
            raise FiscalError(f"Endereço da Sefin inválido: {base_url} (precisa ser https://).")
        self.host = parts.hostname
        self.port = parts.port or 443
        self.prefix = parts.path.rstrip("/")
        self.timeout = timeout
        self.context = _context(cert, ca_file)

    def emit(self, signed_dps: bytes) -> Authorised:
        """POST /nfse: the signed DPS; the authorised NFS-e or a pt-BR error."""
        status, answer, headers = self._call("POST", "/nfse", {"dpsXmlGZipB64": pack(signed_dps)},
                                             writes=True, consequence=_NOTE_MAYBE)
        if 200 <= status < 300:
            packed = field(answer, "nfseXmlGZipB64")
            if not packed:
                raise SefinUncertain(f"A Sefin respondeu sem a NFS-e. {_NOTE_MAYBE}")
            xml = self._unpack(packed, _NOTE_MAYBE)
            key = field(answer, "chaveAcesso") or read_nfse(xml).key
            return Authorised(str(key), xml, messages(field(answer, "alertas") or []))
        raise self._failure(status, answer, headers, writes=True, consequence=_NOTE_MAYBE,
                            what="A Sefin rejeitou a nota")

    def find_dps(self, dps_id: str) -> str | None:
        """GET /dps/{Id}: the chave of the NFS-e that DPS generated, None if none."""
        status, answer, headers = self._call("GET", f"/dps/{quote(dps_id)}", None)
        if 200 <= status < 300:
            key = field(answer, "chaveAcesso", "chave")
            return str(key) if key else None
        if status == 404:
            return None
        raise self._failure(status, answer, headers, what="A Sefin recusou a consulta")

    def fetch_nfse(self, key: str) -> bytes:
        """GET /nfse/{chave}: the NFS-e XML."""
        status, answer, headers = self._call("GET", f"/nfse/{quote(key)}", None)
        if 200 <= status < 300:
            packed = field(answer, "nfseXmlGZipB64")
            if not packed:
                raise SefinUnreachable("A Sefin respondeu sem a NFS-e. Tente novamente.")
            return self._unpack(packed, "Tente novamente.", SefinUnreachable)
        if status == 404:
            raise FiscalError(f"A Sefin não encontrou a NFS-e de chave {key}.")
        raise self._failure(status, answer, headers, what="A Sefin recusou a consulta")

    def register_event(self, key: str, signed_event: bytes) -> bytes:
        """POST /nfse/{chave}/eventos: the signed pedRegEvento; the event XML registered."""
        body = {"pedidoRegistroEventoXmlGZipB64": pack(signed_event)}
        status, answer, headers = self._call("POST", f"/nfse/{quote(key)}/eventos", body,
                                             writes=True, consequence=_EVENT_MAYBE)
        if 200 <= status < 300:
            packed = field(answer, "eventoXmlGZipB64", "nfseXmlGZipB64")
            if not packed:
                raise SefinUncertain(f"A Sefin respondeu sem o evento. {_EVENT_MAYBE}")
            return self._unpack(packed, _EVENT_MAYBE)
        raise self._failure(status, answer, headers, writes=True, consequence=_EVENT_MAYBE,
                            what="A Sefin recusou o evento")

    def _call(self, method: str, path: str, body: dict[str, str] | None, *,
              writes: bool = False, consequence: str = ""
              ) -> tuple[int, dict[str, Any], http.client.HTTPMessage]:
        """One request; (status, JSON answer or {}, headers); transport errors mapped."""
        conn = http.client.HTTPSConnection(self.host, self.port, context=self.context,
                                           timeout=self.timeout)
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        try:
            try:
                conn.connect()  # DNS, TCP, TLS: a failure here means nothing was sent
            except OSError as error:
                raise unreachable(error, self.host, self.timeout) from None
            try:
                conn.request(method, self.prefix + path, body=data, headers=headers)
                response = conn.getresponse()
                raw = response.read()
            except (OSError, http.client.HTTPException) as error:
                if cert_refused(error):  # TLS 1.3 says so only after our first write
                    raise SefinUnreachable(CERT_REFUSED_TEXT) from None
                if writes:
                    raise uncertain(error, self.timeout, consequence) from None
                # A read changes nothing at the Sefin: whatever broke, asking again is safe.
                raise SefinUnreachable(uncertain(error, self.timeout, "Tente novamente.").message
                                       ) from None
        finally:
            conn.close()
        try:
            answer = json.loads(raw) if raw.strip() else {}
        except ValueError:
            answer = {}
        return response.status, answer if isinstance(answer, dict) else {}, response.headers

    @staticmethod
    def _unpack(packed: Any, consequence: str, error: type[FiscalError] = SefinUncertain
                ) -> bytes:
        try:
            return unpack(str(packed))
        except (ValueError, binascii.Error, OSError, EOFError):
            raise error(f"A resposta da Sefin veio corrompida. {consequence}") from None

    @staticmethod
    def _failure(status: int, answer: dict[str, Any], headers: http.client.HTTPMessage, *,
                 what: str, writes: bool = False, consequence: str = "") -> FiscalError:
        """The error for a non-2xx answer."""
        if status in (401, 403):
            return SefinUnreachable(f"A Sefin recusou o acesso com o certificado do escritório "
                                    f"(código {status}). Confira se é o certificado do próprio "
                                    "emitente.")
        if status == 429:
            after = str(headers.get("Retry-After") or "")
            return SefinBusy(int(after) if after.isdigit() else None)
        if status >= 500:
            if writes:
                return SefinUncertain(f"A Sefin respondeu com erro interno (código {status}). "
                                      f"{consequence}")
            return SefinUnreachable(f"A Sefin está com problemas (código {status}). "
                                    "Tente novamente mais tarde.")
        codes = messages(field(answer, "erros", "erro") or [])
        return SefinRejected(codes or ((f"HTTP {status}", "pedido recusado pela Sefin"),), what)


def _context(cert: Certificate, ca_file: str | None) -> ssl.SSLContext:
    """TLS context: server checked against `ca_file` (or the system store), our A1 attached."""
    try:
        context = ssl.create_default_context(cafile=ca_file)
    except FileNotFoundError:
        raise FiscalError(f"Arquivo de autoridades certificadoras não encontrado: {ca_file}.") \
            from None
    except ssl.SSLError:
        raise FiscalError(f"Arquivo de autoridades certificadoras inválido: {ca_file}.") from None
    # TLS 1.3 servers judge the client certificate only after the client has finished its
    # handshake: a refused certificate would then surface after the DPS was written, as a
    # bare EOF indistinguishable from a dropped answer (SefinUncertain). Under TLS 1.2 the
    # refusal is a handshake failure, so "nothing was sent" stays certain.
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    try:
        with tls_files(cert) as (cert_path, key_path, password):
            context.load_cert_chain(cert_path, key_path, password)
    except (ssl.SSLError, OSError):
        raise FiscalError("Não foi possível usar o certificado do escritório na conexão "
                          "com a Sefin.") from None
    return context

