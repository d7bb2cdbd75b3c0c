"""BoletoSlip: every value printed on a boleto or carnê slip, as plain data.

The renderer computes nothing bank-specific: barcode, linha digitável and the
formatted nosso número come from ``contoffice.banking`` (or a bank's API) and
are printed as given. Money is integer cents; dates are ``date``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contoffice.core.format import format_competence, format_date, format_money
from contoffice.core.text import is_ascii_digits

DEFAULT_PAYMENT_PLACE = "Pagável em qualquer banco até o vencimento"
ON_PRESENTATION = "Contra apresentação"


@dataclass(frozen=True)
class BoletoSlip:
    """One boleto (or one carnê parcela) ready to print."""

    bank_code_with_dv: str  # "341-7"
    bank_name: str
    digitable_line_formatted: str  # "34191.09008 01015.271248 80212.460002 4 25480000675787"
    barcode: str  # 44 digits
    beneficiary_name: str
    beneficiary_document: str  # formatted CPF/CNPJ
    beneficiary_address: str
    agency_account: str  # "1248 / 02124-6"
    document_number: str
    our_number: str  # formatted, e.g. "109/00010152-7"
    wallet: str  # carteira
    amount_cents: int
    payer_name: str
    payer_document: str
    payer_address_lines: tuple[str, ...] = ()
    due_date: date | None = None  # None → "Contra apresentação"
    document_date: date | None = None
    processing_date: date | None = None
    payment_place: str = DEFAULT_PAYMENT_PLACE
    document_kind: str = "DS"  # duplicata de serviço
    acceptance: str = "N"
    discount_line: str = ""  # "Desconto de R$ 10,00 até 05/03/2026"
    fine_line: str = ""  # "Após o vencimento, multa de 2,00%"
    interest_line: str = ""  # "Juros de mora de R$ 0,33 ao dia"
    instructions: tuple[str, ...] = ()
    guarantor: str = ""  # sacador/avalista
    installment_label: str | None = None  # "Parcela 03/12"
    competence: date | None = None
    pix_payload: str | None = None  # EMV "copia e cola", as issued by the bank
    logo_path: str | None = None

    def __post_init__(self) -> None:
        if len(self.barcode) != 44 or not is_ascii_digits(self.barcode):
            raise ValueError(f"barcode must be 44 digits: {self.barcode!r}")
        if not isinstance(self.amount_cents, int) or self.amount_cents < 0:
            raise ValueError(f"amount_cents must be a non-negative int: {self.amount_cents!r}")
        if isinstance(self.instructions, str) or isinstance(self.payer_address_lines, str):
            # A bare string would print one character per line.
            raise TypeError("instructions and payer_address_lines are tuples of lines")

    @property
    def due_text(self) -> str:
        """Vencimento as printed: dd/mm/aaaa or "Contra apresentação"."""
        return ON_PRESENTATION if self.due_date is None else format_date(self.due_date)

    @property
    def amount_text(self) -> str:
        """(=) Valor do documento as printed."""
        return format_money(self.amount_cents)

    @property
    def document_date_text(self) -> str:
        """Data do documento."""
        return format_date(self.document_date)

    @property
    def processing_date_text(self) -> str:
        """Data do processamento."""
        return format_date(self.processing_date)

    @property
    def beneficiary_line(self) -> str:
        """Beneficiário with its CPF/CNPJ (Lei 12.039/2009 asks for both)."""
        return f"{self.beneficiary_name} – CPF/CNPJ {self.beneficiary_document}"

    @property
    def payer_line(self) -> str:
        """Pagador with its CPF/CNPJ."""
        return f"{self.payer_name} – CPF/CNPJ {self.payer_document}"

    @property
    def heading(self) -> str:
        """Parcela and competência, e.g. "Parcela 03/12 · Competência 10/2026"."""
        parts = []
        if self.installment_label:
            parts.append(self.installment_label)
        if self.competence is not None:
            parts.append(f"Competência {format_competence(self.competence)}")
        return " · ".join(parts)

    def instruction_lines(self) -> tuple[str, ...]:
        """Instructions as printed: discount, fine and interest first, then free text."""
        fixed = tuple(
            line for line in (self.discount_line, self.fine_line, self.interest_line) if line
        )
        return fixed + self.instructions
