"""The cancel request (pedRegEvento v1.01 with e101101), unsigned and XSD-validated."""

from __future__ import annotations

from lxml import etree

from contoffice.core.documents import is_valid_cnpj, is_valid_cpf, normalize_document
from contoffice.fiscal.dps import DECLARATION, NS, VERSION
from contoffice.fiscal.errors import DpsInvalid
from contoffice.fiscal.ids import event_id
from contoffice.fiscal.schema import validate
from contoffice.fiscal.values import CancelData
from contoffice.fiscal.xml_values import date_time, line

CANCEL_EVENT = "101101"
CANCEL_REASONS = {1: "Erro na emissão", 2: "Serviço não prestado", 9: "Outros"}


def _check(data: CancelData) -> str:
    """Refuse what the layout would refuse, in pt-BR; return the author's document."""
    if data.environment not in (1, 2):
        raise DpsInvalid(f"Ambiente inválido: {data.environment}.", "tpAmb")
    if data.issued_at.tzinfo is None:
        raise DpsInvalid("Data/hora do cancelamento sem fuso horário.", "dhEvento")
    if data.reason_code not in CANCEL_REASONS:
        raise DpsInvalid(f"Motivo do cancelamento inválido: {data.reason_code} "
                         "(1 erro na emissão, 2 serviço não prestado, 9 outros).", "cMotivo")
    size = len(line(data.justification))
    if not 15 <= size <= 255:
        raise DpsInvalid(f"A justificativa do cancelamento deve ter de 15 a 255 caracteres "
                         f"(tem {size}).", "xMotivo")
    if not 1 <= len(line(data.app_version)) <= 20:
        raise DpsInvalid("Versão do aplicativo deve ter de 1 a 20 caracteres.", "verAplic")
    doc = normalize_document(data.provider_document)
    if not (is_valid_cpf(doc) if len(doc) == 11 else is_valid_cnpj(doc)):
        raise DpsInvalid(f"CPF/CNPJ do autor do cancelamento inválido: "
                         f"{data.provider_document}.", "CNPJAutor")
    return doc


def _add(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    """Append a child in the NFS-e namespace (no prefix)."""
    child = etree.SubElement(parent, f"{{{NS}}}{tag}")
    if text is not None:
        child.text = text
    return child


def build_cancel_event(data: CancelData) -> bytes:
    """Unsigned pedRegEvento e101101 (Id = "PRE" + chave + "101101"), validated."""
    author = _check(data)
    root = etree.Element(f"{{{NS}}}pedRegEvento", nsmap={None: NS})
    root.set("versao", VERSION)
    inf = _add(root, "infPedReg")
    inf.set("Id", event_id(data.key, CANCEL_EVENT))
    _add(inf, "tpAmb", str(data.environment))
    _add(inf, "verAplic", line(data.app_version))
    _add(inf, "dhEvento", date_time(data.issued_at))
    _add(inf, "CPFAutor" if len(author) == 11 else "CNPJAutor", author)
    _add(inf, "chNFSe", data.key)
    event = _add(inf, "e" + CANCEL_EVENT)
    _add(event, "xDesc", "Cancelamento de NFS-e")
    _add(event, "cMotivo", str(data.reason_code))
    _add(event, "xMotivo", line(data.justification))
    xml = DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    validate(xml, "event")
    return xml
