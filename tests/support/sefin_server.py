"""A fake Sefin Nacional for tests: pytest-httpserver over TLS (trustme CA) on 127.0.0.1.

It REQUIRES a client certificate (only the test office's one is trusted) and answers the
documented JSON envelopes (fiscal.md §1.6). By default a LocalSefin does the work (emit,
GET /dps, GET /nfse, events); `script(kind, ...)` chooses the answers of the next requests:
"authorised" (alerts=, status=, omit_key=), "rejected" (codes=, casing="lower"|"upper"), "timeout"
(processed=True: authorises, then holds the answer past the client's timeout), "drop"
(authorises, then cuts the connection without answering), "error"
(status=500, processed=False), "busy" (429, retry_after=), "not_found" (404),
"forbidden" (403). Every request is recorded with its XML decoded.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trustme
from cryptography.hazmat.primitives.serialization import Encoding
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from contoffice.fiscal.certificate import Certificate
from contoffice.fiscal.simulator import LocalSefin
from contoffice.fiscal.transport_errors import SefinRejected

PREFIX = "/SefinNacional"
HOLD_SECONDS = 10.0  # a "timeout" answer waits this long (or until the server stops)


@dataclass(frozen=True)
class Pki:
    """The test CA and its files, the trusted office certificate and the simulator's own."""

    ca: trustme.CA
    ca_file: str
    server: trustme.LeafCert
    office: Certificate
    sefin: Certificate


@dataclass(frozen=True)
class SefinRequest:
    """One request as the server decoded it: the JSON body and the XML inside it."""

    method: str
    path: str
    body: dict[str, Any]
    xml: bytes | None


def pack(xml: bytes) -> str:
    """base64(gzip(xml)), as the Sefin encodes its XML answers."""
    return base64.b64encode(gzip.compress(xml)).decode("ascii")


def _json(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(body), status, headers=headers, content_type="application/json")


def _errors(codes: list[tuple[str, str]] | tuple[tuple[str, str], ...], casing: str) -> list:
    keys = ("Codigo", "Descricao", "Complemento") if casing == "upper" else \
        ("codigo", "descricao", "complemento")
    return [{keys[0]: code, keys[1]: text, keys[2]: None} for code, text in codes]


@dataclass
class SefinTestServer:
    """The running fake: `url` (base URL), `ca_file`, `sefin`, `requests`, `script()`."""

    url: str
    ca_file: str
    sefin: LocalSefin
    requests: list[SefinRequest] = field(default_factory=list)
    pending: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    settled: threading.Condition = field(default_factory=threading.Condition)
    working: int = 0

    def script(self, kind: str, **options: Any) -> None:
        """Queue the answer of the next unscripted request (see the module docstring)."""
        kinds = {"authorised", "rejected", "timeout", "drop", "error", "busy", "not_found",
                 "forbidden"}
        assert kind in kinds, kind
        with self.lock:
            self.pending.append((kind, options))

    def wait_processed(self, timeout: float = 30.0) -> None:
        """Block until every POST received so far was processed (answered or held back)."""
        with self.settled:
            assert self.settled.wait_for(lambda: self.working == 0, timeout), "still working"

    def handle(self, request: Request) -> Response:
        """Record, then answer from the script or from the LocalSefin."""
        if request.method != "POST":
            # Like the real Sefin, a consultation sees every note already processed: a
            # client that timed out may ask GET /dps/{Id} before our handler finished.
            self.wait_processed()
            return self._handle(request)
        with self.settled:
            self.working += 1
        try:
            return self._handle(request)
        finally:
            self._done()

    def _done(self) -> None:
        with self.settled:
            self.working -= 1
            self.settled.notify_all()

    def _handle(self, request: Request) -> Response:
        path = request.path.removeprefix(PREFIX)
        body = request.get_json(silent=True) or {}
        packed = body.get("dpsXmlGZipB64") or body.get("pedidoRegistroEventoXmlGZipB64")
        xml = gzip.decompress(base64.b64decode(packed)) if packed else None
        with self.lock:
            self.requests.append(SefinRequest(request.method, path, body, xml))
            kind, options = self.pending.pop(0) if self.pending else ("", {})
        if kind == "rejected":
            codes = options.get("codes", [("E0312", "Código de tributação municipal inexistente")])
            return _json(400, {"tipoAmbiente": 2, "idDPS": None,
                               "erros": _errors(codes, options.get("casing", "lower"))})
        if kind in ("busy", "not_found", "forbidden"):
            status = {"busy": 429, "not_found": 404, "forbidden": 403}[kind]
            headers = {"Retry-After": str(options.get("retry_after", 7))} if status == 429 else {}
            return _json(status, {}, headers)
        processed = options.get("processed", kind != "error")
        answer = self.route(request.method, path, xml, options) if processed else None
        if kind == "timeout":
            posted = request.method == "POST"
            if posted:  # processed: only the answer is held back
                self._done()
            self.stopping.wait(options.get("hold", HOLD_SECONDS))
            if posted:
                with self.settled:
                    self.working += 1
        if kind == "drop":  # processed, then the connection dies before any answer
            request.environ["werkzeug.socket"].shutdown(socket.SHUT_RDWR)
        if kind in ("timeout", "error", "drop"):
            return _json(options.get("status", 500), {"mensagem": "erro interno"})
        assert answer is not None
        return answer

    def route(self, method: str, path: str, xml: bytes | None, options: dict[str, Any]
              ) -> Response:
        """The LocalSefin's answer in the documented envelope."""
        envelope = {"tipoAmbiente": 2, "versaoAplicativo": "SefinNacional_1.6.0",
                    "dataHoraProcessamento": "2026-11-20T10:14:06-03:00"}
        try:
            if method == "POST" and path == "/nfse" and xml is not None:
                done = self.sefin.emit(xml)
                alerts = [{"codigo": c, "descricao": t} for c, t in options.get("alerts", ())]
                key = {} if options.get("omit_key") else {"chaveAcesso": done.key}
                return _json(options.get("status", 201), {
                    **envelope, **key, "nfseXmlGZipB64": pack(done.nfse_xml), "alertas": alerts})
            if found := re.fullmatch(r"/nfse/(\w+)/eventos", path):
                event = self.sefin.register_event(found[1], xml or b"")
                return _json(201, {**envelope, "eventoXmlGZipB64": pack(event)})
            if found := re.fullmatch(r"/dps/(\w+)", path):
                key = self.sefin.find_dps(found[1])
                return _json(200, {**envelope, "chaveAcesso": key}) if key else _json(404, {})
            if found := re.fullmatch(r"/nfse/(\w+)", path):
                if self.sefin.situation(found[1]) is None:
                    return _json(404, {})
                return _json(200, {**envelope, "nfseXmlGZipB64": pack(
                    self.sefin.fetch_nfse(found[1]))})
        except SefinRejected as rejected:
            return _json(400, {**envelope, "erros": _errors(rejected.codes, "lower")})
        return _json(404, {})


def make_pki(folder: Path, office: Certificate, sefin: Certificate) -> Pki:
    """A trustme CA, a server certificate for 127.0.0.1/localhost and its CA file."""
    ca = trustme.CA()
    ca_file = folder / "sefin-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return Pki(ca, str(ca_file), ca.issue_cert("127.0.0.1", "localhost"), office, sefin)


@contextmanager
def sefin_server(pki: Pki, *, tls_max: ssl.TLSVersion | None = None,
                 state_path: Path | None = None) -> Iterator[SefinTestServer]:
    """Run the fake Sefin for the `with` block; only `pki.office` may connect."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    pki.server.configure_cert(context)
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_verify_locations(
        cadata=pki.office.certificate.public_bytes(Encoding.PEM).decode("ascii"))
    if tls_max is not None:
        context.maximum_version = tls_max
    httpserver = HTTPServer(host="127.0.0.1", port=0, ssl_context=context, threaded=True)
    httpserver.start()  # binds port 0: url_for knows the real port only now
    sefin = LocalSefin(pki.sefin, state_path=state_path)
    running = SefinTestServer(httpserver.url_for(PREFIX).rstrip("/"), pki.ca_file, sefin)
    httpserver.expect_request(re.compile(".*")).respond_with_handler(running.handle)
    try:
        yield running
    finally:
        running.stopping.set()
        httpserver.clear()
        httpserver.stop()
