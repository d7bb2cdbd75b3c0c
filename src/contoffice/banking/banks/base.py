"""The interface every bank module implements, plus helpers they share.

A bank module defines one `BankRule` subclass and exposes an instance as
`RULE`; `contoffice.banking.banks.get_bank` finds it, so adding a bank is
adding a file.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from contoffice.banking.boleto_input import BoletoInput
from contoffice.banking.errors import BoletoError
from contoffice.core.text import is_ascii_digits

# pt-BR names of the BoletoInput fields, used in every refusal message.
FIELD_LABELS: dict[str, str] = {
    "bank": "banco",
    "agency": "agência",
    "agency_dv": "dígito da agência",
    "account": "conta",
    "account_dv": "dígito da conta",
    "wallet": "carteira",
    "agreement": "convênio",
    "our_number": "nosso número",
    "amount_cents": "valor",
    "due_date": "vencimento",
    "document_number": "número do documento",
    "modality": "modalidade",
    "installment": "parcela",
    "variation": "variação",
    "post": "posto",
    "byte_idt": "byte de identificação",
    "processing_date": "data de processamento",
    "iof": "IOF",
}


def label(field: str) -> str:
    """`convênio (agreement)`: the pt-BR name followed by the input field name."""
    return f"{FIELD_LABELS.get(field, field)} ({field})"


class BankRule(ABC):
    """Free field, nosso número and printed identifiers of one bank."""

    code: ClassVar[str]
    code_dv: ClassVar[str]  # printed after the code ("341-7"); banks differ on 10 → 0 or X
    name: ClassVar[str]
    required_fields: ClassVar[tuple[str, ...]]

    @abstractmethod
    def free_field(self, inp: BoletoInput) -> str:
        """The 25-digit campo livre (barcode positions 20–44)."""

    @abstractmethod
    def our_number_with_dv(self, inp: BoletoInput) -> str:
        """Nosso número as the bank registers it, DV appended (digits, or X/P for some banks)."""

    @abstractmethod
    def format_our_number(self, inp: BoletoInput) -> str:
        """Nosso número as printed in the "Nosso número" box."""

    @abstractmethod
    def format_agency_account(self, inp: BoletoInput) -> str:
        """The "Agência/Código do Beneficiário" box as printed."""

    def validate(self, inp: BoletoInput) -> None:
        """Raise BoletoError naming the first field this bank cannot use."""
        for field in self.required_fields:
            if not str(getattr(inp, field) or "").strip():
                raise BoletoError(
                    f"Campo obrigatório para o banco {self.code}: {label(field)}", field
                )
        free = self.free_field(inp)
        if len(free) != 25 or not is_ascii_digits(free):  # a bug in a bank module, not bad input
            raise AssertionError(f"campo livre do banco {self.code} com {len(free)} posições")

    # Helpers for the bank modules -------------------------------------------------

    def digits(self, inp: BoletoInput, field: str, size: int, *, exact: bool = False) -> str:
        """The field's digits, left-padded with zeros to `size`; refuses longer values."""
        raw = str(getattr(inp, field) or "").strip()
        if not raw:
            raise BoletoError(f"Campo obrigatório para o banco {self.code}: {label(field)}", field)
        if not is_ascii_digits(raw):
            raise BoletoError(
                f"Banco {self.code}: {label(field)} deve conter apenas dígitos, recebido {raw!r}",
                field,
            )
        if len(raw) > size or (exact and len(raw) != size):
            sizes = f"exatamente {size}" if exact else f"no máximo {size}"
            raise BoletoError(
                f"Banco {self.code}: {label(field)} deve ter {sizes} dígitos, "
                f"recebido {len(raw)} ({raw})",
                field,
            )
        return raw.zfill(size)

    def choice(self, inp: BoletoInput, field: str, allowed: tuple[str, ...], default: str) -> str:
        """The field's value (or `default` when blank), which must be one of `allowed`."""
        raw = str(getattr(inp, field) or "").strip() or default
        if raw not in allowed:
            raise BoletoError(
                f"Banco {self.code}: {label(field)} {raw!r} não suportado; "
                f"use {', '.join(allowed)}",
                field,
            )
        return raw

    def given_or(self, inp: BoletoInput, field: str, computed: str) -> str:
        """A DV the clerk typed (agency_dv, account_dv) wins over the computed one."""
        return str(getattr(inp, field) or "").strip() or computed
