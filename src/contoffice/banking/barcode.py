"""The 44-digit FEBRABAN barcode and the 47-digit linha digitável.

Barcode: bank(3) currency(1) DV(1) factor(4) value(10) free field(25).
Linha: five fields; fields 1–3 carry the bank, currency and free field with a
mod-10 DV each, field 4 is the barcode DV, field 5 the factor and value.

Value: integer cents, 0 to 9 999 999 999 (R$ 99.999.999,99). Zero is accepted
here because the standard allows a blank value (the payer types it); the
boleto layer refuses it for the office's own slips. Bigger values would take
over the factor positions (BB Anexo IV); we refuse them instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contoffice.banking.checkdigits import mod10, mod11_barcode
from contoffice.banking.errors import BoletoError
from contoffice.core.text import is_ascii_digits

MAX_AMOUNT_CENTS = 9_999_999_999


@dataclass(frozen=True)
class BarcodeParts:
    """The fields of a 44-digit barcode; `factor` 0 means no due date."""

    bank: str
    currency: str
    dv: str
    factor: int
    amount_cents: int
    free_field: str


def _only_digits(text: str, length: int, what: str, field: str) -> str:
    digits = re.sub(r"[\s.]", "", text)
    if not is_ascii_digits(digits) or len(digits) != length:
        raise BoletoError(
            f"{what} deve ter {length} dígitos, recebido {len(digits)}: {text!r} ({field})", field
        )
    return digits


def check_amount(amount_cents: int, *, allow_zero: bool = True) -> None:
    """Refuse values the barcode cannot carry (negative, or above R$ 99.999.999,99)."""
    if isinstance(amount_cents, bool) or not isinstance(amount_cents, int):
        raise BoletoError("Valor deve ser um inteiro de centavos (amount_cents)", "amount_cents")
    if amount_cents < 0 or (amount_cents == 0 and not allow_zero):
        raise BoletoError(
            f"Valor do boleto deve ser maior que zero, recebido {amount_cents} centavos "
            "(amount_cents)",
            "amount_cents",
        )
    if amount_cents > MAX_AMOUNT_CENTS:
        raise BoletoError(
            "Valor do boleto acima do máximo de R$ 99.999.999,99 (amount_cents)", "amount_cents"
        )


def build_barcode(
    bank_code: str, factor: int, amount_cents: int, free_field: str, currency: str = "9"
) -> str:
    """Assemble the 44 digits and compute the general DV (position 5)."""
    bank = _only_digits(bank_code, 3, "Código do banco", "bank")
    currency = _only_digits(currency, 1, "Código da moeda", "currency")
    free = _only_digits(free_field, 25, "Campo livre", "free_field")
    if isinstance(factor, bool) or not isinstance(factor, int) or not 0 <= factor <= 9999:
        raise BoletoError(f"Fator de vencimento inválido: {factor} (due_factor)", "due_factor")
    check_amount(amount_cents)
    body = f"{bank}{currency}{factor:04d}{amount_cents:010d}{free}"
    return body[:4] + mod11_barcode(body) + body[4:]


def validate_barcode(code: str) -> str:
    """Return the 44 digits, or raise naming the failed general DV."""
    digits = _only_digits(code, 44, "Código de barras", "barcode")
    expected = mod11_barcode(digits[:4] + digits[5:])
    if digits[4] != expected:
        raise BoletoError(
            f"Código de barras inválido: dígito verificador geral (posição 5) é {digits[4]}, "
            f"esperado {expected} (barcode)",
            "barcode",
        )
    return digits


def parse_barcode(code: str) -> BarcodeParts:
    """Split a valid barcode into its fields."""
    digits = validate_barcode(code)
    return BarcodeParts(
        bank=digits[0:3],
        currency=digits[3],
        dv=digits[4],
        factor=int(digits[5:9]),
        amount_cents=int(digits[9:19]),
        free_field=digits[19:44],
    )


def digitable_line(barcode: str) -> str:
    """The 47-digit linha digitável of a barcode (digits only)."""
    digits = validate_barcode(barcode)
    field1 = digits[0:4] + digits[19:24]
    field2 = digits[24:34]
    field3 = digits[34:44]
    return (
        field1
        + mod10(field1)
        + field2
        + mod10(field2)
        + field3
        + mod10(field3)
        + digits[4]
        + digits[5:19]
    )


def format_digitable_line(line: str) -> str:
    """`AAAAA.AAAAA BBBBB.BBBBBB CCCCC.CCCCCC D EEEEEEEEEEEEEE`."""
    d = _only_digits(line, 47, "Linha digitável", "digitable_line")
    return f"{d[0:5]}.{d[5:10]} {d[10:15]}.{d[15:21]} {d[21:26]}.{d[26:32]} {d[32]} {d[33:47]}"


def validate_digitable_line(line: str) -> str:
    """Return the 47 digits, or raise naming the field whose DV failed."""
    d = _only_digits(line, 47, "Linha digitável", "digitable_line")
    for number, (start, end) in enumerate(((0, 9), (10, 20), (21, 31)), start=1):
        expected = mod10(d[start:end])
        if d[end] != expected:
            raise BoletoError(
                f"Linha digitável inválida: dígito verificador do campo {number} é {d[end]}, "
                f"esperado {expected} (digitable_line)",
                "digitable_line",
            )
    barcode = d[0:4] + d[32:47] + d[4:9] + d[10:20] + d[21:31]
    expected = mod11_barcode(barcode[:4] + barcode[5:])
    if d[32] != expected:
        raise BoletoError(
            f"Linha digitável inválida: dígito verificador geral (campo 4) é {d[32]}, "
            f"esperado {expected} (digitable_line)",
            "digitable_line",
        )
    return d


def barcode_from_digitable_line(line: str) -> str:
    """The 44-digit barcode of a valid linha digitável."""
    d = validate_digitable_line(line)
    return d[0:4] + d[32:47] + d[4:9] + d[10:20] + d[21:31]
