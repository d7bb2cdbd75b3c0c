"""What a bank needs to build one boleto: the input every bank rule reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class BoletoInput:
    """What a bank needs to build one boleto; optional fields are "" (or None for dates)."""

    bank: str
    agency: str = ""
    agency_dv: str = ""
    account: str = ""
    account_dv: str = ""
    wallet: str = ""  # carteira
    agreement: str = ""  # convênio / código do beneficiário / código do cliente
    our_number: str = ""  # nosso número, without DV
    amount_cents: int = 0
    due_date: date | None = None  # None = "contra apresentação"
    document_number: str = ""  # número do documento (Itaú's "seu número")
    modality: str = ""  # Sicoob modalidade; "21" = BB 17-digit numbering
    installment: str = ""  # Sicoob parcela
    variation: str = ""  # BB variação de carteira (printed only); Sicoob alias of modality
    post: str = ""  # Sicredi posto
    byte_idt: str = ""  # Sicredi byte de identificação (2–9)
    processing_date: date | None = None  # Sicredi: year of the nosso número
    iof: str = ""  # Santander IOF digit (insurers only)
