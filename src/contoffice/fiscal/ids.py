"""The DPS Id (45 characters) and the event request Id (59 characters) of layout v1.01."""

from __future__ import annotations

import re

from contoffice.core.documents import normalize_document
from contoffice.fiscal.errors import DpsInvalid

_CITY = re.compile(r"[0-9]{7}")
_CPF = re.compile(r"[0-9]{11}")
_CNPJ = re.compile(r"[0-9A-Z]{12}[0-9]{2}")
_KEY = re.compile(r"[0-9]{9}[0-9A-Z]{14}[0-9]{27}")
_EVENT = re.compile(r"[0-9]{6}")


def registration(document: str) -> tuple[str, str]:
    """("1", CPF padded to 14) or ("2", CNPJ) as the Id and chave carry them."""
    doc = normalize_document(document)
    if _CPF.fullmatch(doc):
        return "1", doc.zfill(14)
    if _CNPJ.fullmatch(doc):
        return "2", doc
    raise DpsInvalid(f"CPF/CNPJ do prestador inválido para o Id da DPS: {document!s}.", "CNPJ")


def dps_id(city_code: str, document: str, series: int, number: int) -> str:
    """ "DPS" + cLocEmi(7) + tpInsc(1) + inscrição(14) + série(5) + nDPS(15)."""
    if not _CITY.fullmatch(city_code or ""):
        raise DpsInvalid("Código do município emissor (IBGE, 7 dígitos) inválido.", "cLocEmi")
    if not 1 <= series <= 99999:
        raise DpsInvalid(f"Série da DPS fora da faixa: {series}.", "serie")
    if not 1 <= number <= 999_999_999_999_999:
        raise DpsInvalid(f"Número da DPS fora da faixa: {number}.", "nDPS")
    kind, padded = registration(document)
    return f"DPS{city_code}{kind}{padded}{series:05d}{number:015d}"


def event_id(key: str, event_type: str = "101101") -> str:
    """ "PRE" + chave de acesso(50) + tipo do evento(6), without the old nPedRegEvento."""
    if not _KEY.fullmatch(key or ""):
        raise DpsInvalid("Chave de acesso da NFS-e inválida (50 caracteres).", "chNFSe")
    if not _EVENT.fullmatch(event_type):
        raise DpsInvalid(f"Tipo de evento inválido: {event_type}.", "tpEvento")
    return f"PRE{key}{event_type}"
