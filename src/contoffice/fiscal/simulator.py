"""LocalSefin: the Sefin Nacional's answers made on this computer (produção restrita only).

Same methods as SefinClient. It checks what the Sefin checks first (layout E1235, signature
E0714/E0717, environment E0006, Id E0004, reuse E0014), numbers the NFS-e per emitter, signs
it with its own test certificate and keeps everything in a dict, optionally saved as JSON
so the demo office's "Simulador local" keeps its numbers between runs.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.x509.oid import NameOID
from lxml import etree

from contoffice.core.documents import normalize_document
from contoffice.core.files import write_output
from contoffice.core.municipalities import by_code
from contoffice.fiscal import simulated_docs as docs
from contoffice.fiscal.certificate import Certificate
from contoffice.fiscal.errors import DpsInvalid, FiscalError, SignatureError
from contoffice.fiscal.ids import dps_id, event_id
from contoffice.fiscal.schema import validate
from contoffice.fiscal.sefin import Authorised
from contoffice.fiscal.signing import (
    DS,
    embedded_certificate,
    safe_parser,
    serialize,
    sign,
    verify,
)
from contoffice.fiscal.transport_errors import SefinRejected
from contoffice.fiscal.values import Party

_CANCEL = "e101101"


def _checked(xml: bytes, kind: str) -> etree._Element:
    """The parsed document once layout and signature pass; SefinRejected otherwise."""
    try:
        validate(xml, kind=kind)
    except DpsInvalid as error:
        raise SefinRejected([("E1235", f"Falha no esquema XML: {error.message}")]) from None
    root = etree.fromstring(xml, safe_parser())
    if root.find(f"{{{DS}}}Signature") is None:
        raise SefinRejected([("E0717", "A assinatura digital do documento é obrigatória.")])
    try:
        verify(xml)
    except SignatureError:
        raise SefinRejected([("E0714", "Assinatura digital inválida.")]) from None
    return root


class LocalSefin:
    """The simulated Sefin; `signer` signs its NFS-e and events, `emitters` is its registry."""

    def __init__(self, signer: Certificate, *, state_path: str | Path | None = None,
                 emitters: Iterable[Party] = (), first_number: int = 1,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.signer = signer
        self.path = Path(state_path) if state_path else None
        self.emitters = {normalize_document(party.document): party for party in emitters}
        self.first_number = first_number
        self.clock = clock or (lambda: datetime.now(UTC))
        self.lock = threading.Lock()
        self.state: dict[str, Any] = {"numbers": {}, "dfse": 0, "dps": {}, "nfse": {},
                                      "events": {}, "situation": {}}
        if self.path and self.path.exists():
            try:
                self.state.update(json.loads(self.path.read_text(encoding="utf-8")))
            except (ValueError, OSError):
                raise FiscalError(f"O arquivo do simulador local está ilegível: {self.path}."
                                  ) from None

    def emit(self, signed_dps: bytes) -> Authorised:
        """Authorise a signed DPS as the Sefin would, or raise SefinRejected."""
        root = _checked(signed_dps, "dps")
        inf = root.find(docs.q("infDPS"))
        assert inf is not None  # the XSD requires it
        document = docs.text(inf, "prest/CNPJ") or docs.text(inf, "prest/CPF")
        ident, city = inf.get("Id", ""), docs.text(inf, "cLocEmi")
        if by_code(city) is None:
            raise SefinRejected([("", f"Município emissor inexistente: {city}.")])
        if docs.text(inf, "tpAmb") != "2":
            raise SefinRejected([("E0006", "O simulador local atende só a produção restrita "
                                           "(tpAmb 2).")])
        try:
            expected = dps_id(city, document, int(docs.text(inf, "serie")),
                              int(docs.text(inf, "nDPS")))
        except DpsInvalid as error:
            raise SefinRejected([("E0004", error.message)]) from None
        if ident != expected:
            raise SefinRejected([("E0004", f"O Id da DPS difere dos campos: esperado {expected}.")])
        with self.lock:
            if ident in self.state["dps"]:
                raise SefinRejected([("E0014", "Já existe NFS-e gerada para esta DPS (série e "
                                               "número já utilizados).")])
            replaced = docs.text(inf, "subst/chSubstda")
            self._check_replaceable(replaced)
            number = self.state["numbers"].get(document, self.first_number - 1) + 1
            self.state["numbers"][document] = number
            self.state["dfse"] += 1
            processed = self.clock()
            code = f"{int(hashlib.sha256(ident.encode()).hexdigest(), 16) % 10**9:09d}"
            key = docs.access_key(city, document, number, processed, code)
            nfse = docs.nfse_xml(root, key=key, number=number, dfse=self.state["dfse"],
                                 processed=processed, emitter=self.emitters.get(document),
                                 signer_name=_signer_name(root))
            xml = sign(serialize(nfse), self.signer)
            self.state["dps"][ident] = key
            self.state["nfse"][key] = xml.decode("utf-8")
            self.state["situation"][key] = "autorizada"
            if replaced in self.state["nfse"]:
                request = docs.substitution_request(
                    replaced, key, document, "2", docs.text(inf, "subst/cMotivo"),
                    docs.text(inf, "subst/xMotivo"), processed)
                self._record_event(replaced, "105102", request, processed, "substituída")
            self._save()
        return Authorised(key, xml)

    def find_dps(self, dps_id: str) -> str | None:
        """The chave the DPS generated, None when it generated none."""
        with self.lock:
            return self.state["dps"].get(dps_id)

    def fetch_nfse(self, key: str) -> bytes:
        """The NFS-e XML of a chave."""
        with self.lock:
            xml = self.state["nfse"].get(key)
        if xml is None:
            raise FiscalError(f"O simulador local não tem a NFS-e de chave {key}.")
        return str(xml).encode("utf-8")

    def situation(self, key: str) -> str | None:
        """The note's situation: autorizada, cancelada, substituída; None if unknown."""
        with self.lock:
            return self.state["situation"].get(key)

    def events(self, key: str) -> tuple[bytes, ...]:
        """The event XMLs registered on a note, oldest first."""
        with self.lock:
            return tuple(str(x).encode("utf-8") for x in self.state["events"].get(key, []))

    def register_event(self, key: str, signed_event: bytes) -> bytes:
        """Register a signed cancel request (e101101); the evento XML."""
        root = _checked(signed_event, "event")
        inf = root.find(docs.q("infPedReg"))
        assert inf is not None  # the XSD requires it
        refusals = []
        if docs.text(inf, "chNFSe") != key or inf.get("Id") != event_id(key, "101101"):
            refusals.append(("", "O pedido de cancelamento não é desta NFS-e."))
        if inf.find(docs.q(_CANCEL)) is None:
            refusals.append(("", "O simulador local registra apenas o cancelamento (e101101)."))
        with self.lock:
            situation = self.state["situation"].get(key)
            if situation is None:
                refusals.append(("", f"NFS-e não encontrada: {key}."))
            elif situation != "autorizada":
                refusals.append(("", f"A NFS-e já está {situation}."))
            else:
                issuer = docs.text(etree.fromstring(self.state["nfse"][key].encode()),
                                   "infNFSe/emit/CNPJ")
                author = docs.text(inf, "CNPJAutor") or docs.text(inf, "CPFAutor")
                if issuer and author != issuer:
                    refusals.append(("", "O autor do evento não é o emitente da NFS-e."))
            if refusals:
                raise SefinRejected(refusals, "A Sefin recusou o evento")
            xml = self._record_event(key, "101101", root, self.clock(), "cancelada")
            self._save()
        return xml

    def _check_replaceable(self, replaced: str) -> None:
        situation = self.state["situation"].get(replaced) if replaced else None
        if situation == "cancelada":
            raise SefinRejected([("E0046", "A NFS-e a substituir está cancelada.")])
        if situation == "substituída":
            raise SefinRejected([("", "A NFS-e a substituir já foi substituída.")])

    def _record_event(self, key: str, event_type: str, request: etree._Element,
                      processed: datetime, situation: str) -> bytes:
        """Wrap, sign and keep an event; the caller holds the lock."""
        kept = self.state["events"].setdefault(key, [])
        sequence = 1 + sum(f'Id="EVT{key}{event_type}' in x for x in kept)
        self.state["dfse"] += 1
        event = docs.event_xml(request, key=key, event_type=event_type, sequence=sequence,
                               dfse=self.state["dfse"], processed=processed)
        xml = sign(serialize(event), self.signer)
        kept.append(xml.decode("utf-8"))
        self.state["situation"][key] = situation
        return xml

    def _save(self) -> None:
        if self.path:
            write_output(self.path, json.dumps(self.state, ensure_ascii=False).encode("utf-8"))


def _signer_name(dps_root: etree._Element) -> str:
    """The company name in the DPS signer's certificate (CN "NAME:CNPJ", ICP-Brasil style)."""
    try:
        names = embedded_certificate(dps_root).subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    except SignatureError:
        return "Emitente não cadastrado"
    return str(names[0].value).split(":", 1)[0] if names else "Emitente não cadastrado"
