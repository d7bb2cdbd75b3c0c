"""Reading back what matters of an authorised NFS-e XML (the Sefin's answer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from contoffice.fiscal.errors import FiscalError
from contoffice.fiscal.signing import safe_parser

NS = "http://www.sped.fazenda.gov.br/nfse"


@dataclass(frozen=True, slots=True)
class NfseInfo:
    """Chave, nNFSe, the DPS Id it came from, when it was processed, tpAmb, código numérico."""

    key: str
    number: int
    dps_id: str
    issued_at: datetime
    environment: int
    verification: str


def _text(parent: etree._Element, name: str, label: str) -> str:
    """The text of a direct child; FiscalError naming it when absent."""
    node = parent.find(f"{{{NS}}}{name}")
    if node is None or not (node.text or "").strip():
        raise FiscalError(f"O XML da NFS-e não traz {label} ({name}).")
    return node.text.strip()


def parse(xml: bytes) -> etree._Element:
    """The NFSe root; FiscalError in pt-BR when the bytes are no NFS-e."""
    try:
        root = etree.fromstring(xml, safe_parser())
    except etree.XMLSyntaxError:
        raise FiscalError("O XML da NFS-e está malformado.") from None
    if root.tag != f"{{{NS}}}NFSe":
        raise FiscalError("O arquivo não é o XML de uma NFS-e nacional.")
    return root


def read_nfse(xml: bytes) -> NfseInfo:
    """The identifying fields of an NFS-e v1.0x XML."""
    root = parse(xml)
    inf = root.find(f"{{{NS}}}infNFSe")
    if inf is None or len(inf.get("Id", "")) != 53:
        raise FiscalError("O XML da NFS-e não traz a chave de acesso (infNFSe/@Id).")
    key = inf.get("Id", "")[3:]
    dps = inf.find(f"{{{NS}}}DPS/{{{NS}}}infDPS")
    if dps is None or not dps.get("Id"):
        raise FiscalError("O XML da NFS-e não traz a DPS que a originou.")
    try:
        number = int(_text(inf, "nNFSe", "o número"))
        issued_at = datetime.fromisoformat(_text(inf, "dhProc", "a data de processamento"))
        environment = int(_text(dps, "tpAmb", "o ambiente"))
    except ValueError:
        raise FiscalError("O XML da NFS-e traz número, data ou ambiente inválido.") from None
    # The chave's código numérico (9 digits before the DV) is what the portal asks for.
    return NfseInfo(key, number, dps.get("Id", ""), issued_at, environment, key[40:49])
