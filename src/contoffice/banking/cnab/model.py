"""What crosses the CNAB layer's border: the office's account at the bank, commands, entries."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date


class Command(enum.Enum):
    """What a remittance record asks the bank to do; each layout maps it to its own code."""

    REGISTER = "registrar"  # entrada de título
    WRITE_OFF = "baixar"  # pedido de baixa
    CHANGE_DUE_DATE = "alterar_vencimento"
    CHANGE_AMOUNT = "alterar_valor"
    PROTEST = "protestar"


@dataclass(frozen=True)
class Beneficiary:
    """The office's collection account (the payment profile), as every layout needs it."""

    bank: str  # three digits: 001, 104, 033, 237, 341, 756, 748, 041
    file_format: str  # "240" or "400"
    name: str
    document: str  # CPF/CNPJ digits (an alphanumeric CNPJ keeps its letters)
    agency: str
    agency_dv: str = ""
    account: str = ""
    account_dv: str = ""
    wallet: str = ""  # carteira
    agreement: str = ""  # convênio / código do beneficiário / código de transmissão
    variation: str = ""
    modality: str = ""
    post: str = ""  # posto (Sicredi)

    def values(self) -> dict[str, str]:
        """The canonical names a layout's `beneficiary_fields` map its own fields from."""
        document = "".join(c for c in self.document if c.isalnum()).upper()
        return {
            "name": self.name,
            "document": document,
            # 1/01 CPF, 2/02 CNPJ: layouts take the width they need (right-aligned digits).
            "document_kind": "02" if len(document) > 11 else "01",
            "agency": self.agency,
            "agency_dv": self.agency_dv,
            "account": self.account,
            "account_dv": self.account_dv,
            "wallet": self.wallet,
            "agreement": self.agreement,
            "variation": self.variation,
            "modality": self.modality,
            "post": self.post,
        }


@dataclass(frozen=True)
class RemittanceItem:
    """One boleto to send to the bank; amounts in integer cents, documents as digits."""

    nosso_numero: str
    document_number: str
    due_date: date
    amount_cents: int
    payer_name: str
    payer_document: str
    payer_street: str = ""
    payer_district: str = ""
    payer_city: str = ""
    payer_state: str = ""
    payer_cep: str = ""
    nosso_numero_dv: str = ""
    issue_date: date | None = None
    instruction1: str = ""
    instruction2: str = ""
    interest_per_day_cents: int = 0
    command: Command = Command.REGISTER
    fine_bp: int = 0  # multa in basis points: 200 is 2,00 %
    protest_days: int = 0  # 0: no protest instruction
    discount_cents: int = 0
    discount_until: date | None = None


@dataclass(frozen=True)
class ReturnEntry:
    """What the bank reports about one boleto, as `write_return` writes it."""

    nosso_numero: str
    document_number: str
    occurrence_code: str  # the bank's raw code ("06")
    occurrence_date: date | None
    due_date: date | None
    face_value: int
    paid: int = 0
    interest: int = 0
    discount: int = 0
    rebate: int = 0
    fee: int = 0
    credit_date: date | None = None
    reasons: tuple[str, ...] = ()
