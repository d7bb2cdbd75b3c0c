"""From the data of one boleto to its barcode, linha digitável and printed identifiers.

`compute_codes` is what the PDF layer and the CLI call; it never touches the
database or Qt. Every refusal is a `BoletoError` (a `ValidationError`) whose
message is pt-BR and names the input field, e.g. "… convênio (agreement)".
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from contoffice.banking.banks import get_bank
from contoffice.banking.barcode import (
    build_barcode,
    check_amount,
    digitable_line,
    format_digitable_line,
)
from contoffice.banking.boleto_input import BoletoInput
from contoffice.banking.errors import BoletoError
from contoffice.banking.factor import factor_or_blank
from contoffice.core.format import parse_date
from contoffice.core.money import Money, parse_reais
from contoffice.core.validation import ValidationError

__all__ = [
    "FIELD_NAMES",
    "BoletoCodes",
    "BoletoError",
    "BoletoInput",
    "boleto_input_from_mapping",
    "compute_codes",
    "surcharge_cents",
]


@dataclass(frozen=True)
class BoletoCodes:
    """Everything the Ficha de Compensação prints that the bank rules determine."""

    barcode: str
    digitable_line: str
    digitable_line_formatted: str
    our_number_formatted: str
    due_factor: int
    bank_code_with_dv: str
    agency_account_formatted: str


def compute_codes(inp: BoletoInput) -> BoletoCodes:
    """Validate one boleto and compute its barcode, linha digitável and printed fields."""
    rule = get_bank(inp.bank)
    # The office always bills a value: a blank-value slip (allowed by the
    # standard, see barcode.py) is refused here.
    check_amount(inp.amount_cents, allow_zero=False)
    factor = factor_or_blank(inp.due_date)
    rule.validate(inp)
    barcode = build_barcode(rule.code, factor, inp.amount_cents, rule.free_field(inp))
    line = digitable_line(barcode)
    return BoletoCodes(
        barcode=barcode,
        digitable_line=line,
        digitable_line_formatted=format_digitable_line(line),
        our_number_formatted=rule.format_our_number(inp),
        due_factor=factor,
        bank_code_with_dv=f"{rule.code}-{rule.code_dv}",
        agency_account_formatted=rule.format_agency_account(inp),
    )


_FIELDS = {f.name for f in dataclasses.fields(BoletoInput)}
_DATE_FIELDS = ("due_date", "processing_date")
# Every key a boleto object of the JSON file may hold, in the order --help documents them.
FIELD_NAMES: tuple[str, ...] = tuple(
    name
    for field in dataclasses.fields(BoletoInput)
    for name in (("amount", field.name) if field.name == "amount_cents" else (field.name,))
)


def _cents_from_reais(value: Any) -> int:
    """`"1234.56"`, `"1.234,56"`, 1234.56 or 1234 (reais) → integer cents, exactly.

    The grammar is core.money's: no `1_000`, NaN, exponent or non-ASCII digit.
    """
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise BoletoError('Valor inválido: use reais, como "1234.56" (amount)', "amount")
    try:
        return parse_reais(str(value), "Valor").cents
    except ValidationError as error:
        raise BoletoError(f"{error.message} (amount)", "amount") from None


def _shown(value: Any) -> str:
    """A value from the file quoted on one short line (never a Python repr)."""
    text = " ".join(str(value).split())
    return f"“{text if len(text) <= 40 else text[:39] + '…'}”"


def _date(value: Any, field: str) -> date | None:
    """A date of the file: pt-BR dd/mm/aaaa or ISO aaaa-mm-dd, as a clerk or a script writes."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return parse_date(value if isinstance(value, str) else "", field)
    except ValidationError:
        raise BoletoError(
            f"Data inválida em {field}: {_shown(value)}; use DD/MM/AAAA ou AAAA-MM-DD ({field})",
            field,
        ) from None


def boleto_input_from_mapping(d: Mapping[str, Any]) -> BoletoInput:
    """Build a BoletoInput from the CLI's JSON object (`amount` in reais or `amount_cents`)."""
    if not isinstance(d, Mapping):
        raise BoletoError("Cada boleto deve ser um objeto JSON (bank)", "bank")
    unknown = sorted(set(d) - set(FIELD_NAMES), key=str)
    if unknown:
        names = ", ".join(_shown(name) for name in unknown[:3])
        raise BoletoError(
            f"Campo desconhecido: {names}; os campos válidos são {', '.join(FIELD_NAMES)}",
            str(unknown[0]),
        )
    if not str(d.get("bank") or "").strip():
        raise BoletoError("Campo obrigatório: banco (bank)", "bank")
    values: dict[str, Any] = {}
    for name in _FIELDS:
        if name in d and d[name] is not None and name not in _DATE_FIELDS:
            values[name] = str(d[name]).strip()
    for name in _DATE_FIELDS:
        values[name] = _date(d.get(name), name)
    cents = d.get("amount_cents")
    if cents is not None and (isinstance(cents, bool) or not isinstance(cents, int)):
        raise BoletoError(
            f"amount_cents deve ser um inteiro de centavos, recebido {_shown(cents)} "
            "(amount_cents)",
            "amount_cents",
        )
    if d.get("amount") is not None:
        from_reais = _cents_from_reais(d["amount"])
        if cents is not None and cents != from_reais:
            raise BoletoError(
                f"amount ({_shown(d['amount'])}) e amount_cents ({cents}) divergem (amount)",
                "amount",
            )
        cents = from_reais
    if cents is None:
        raise BoletoError("Campo obrigatório: valor (amount ou amount_cents)", "amount")
    values["amount_cents"] = cents
    return BoletoInput(**values)


# --surcharge: "2%", "2,5%" or "0.25%" of the boleto's amount, or a fixed "10,00" in reais.
_PERCENT = re.compile(r"(?P<sign>[-+]?)(?P<int>[0-9]{1,6})(?:[,.](?P<frac>[0-9]{1,2}))?")
MAX_SURCHARGE_BASIS_POINTS = 10_000  # 100%: a surcharge past the boleto's own value is a typo


def _surcharge_refused(text: str, detail: str) -> BoletoError:
    return BoletoError(f"Acréscimo inválido: {_shown(text)} {detail} (--surcharge)", "surcharge")


def surcharge_cents(amount_cents: int, text: str) -> int:
    """The surcharge in cents: a percentage of `amount_cents` (half up) or reais ("10,00").

    A percentage is read as integer basis points (2,5% = 250) and applied with integer
    arithmetic, rounding half a cent up (Money.percent_of): 1% of R$ 0,50 is R$ 0,01.
    """
    cleaned = " ".join((text or "").split())
    if not cleaned.endswith("%"):
        try:
            cents = Money.parse(cleaned, "Acréscimo").cents
        except ValidationError:
            raise _surcharge_refused(
                text, "não é um valor; use reais (10,00) ou um percentual (2%)."
            ) from None
        if cents < 0:
            raise _surcharge_refused(text, "é negativo; use um valor a partir de 0,00.")
        return cents
    found = _PERCENT.fullmatch(cleaned[:-1].strip())
    if found is None:
        raise _surcharge_refused(text, "não é um percentual; use, por exemplo, 2% ou 2,5%.")
    basis_points = int(found["int"]) * 100 + int((found["frac"] or "").ljust(2, "0"))
    if found["sign"] == "-" and basis_points:
        raise _surcharge_refused(text, "é negativo; use um percentual de 0% a 100%.")
    if basis_points > MAX_SURCHARGE_BASIS_POINTS:
        raise _surcharge_refused(text, "passa de 100%; use um percentual de 0% a 100%.")
    return Money(amount_cents).percent_of(basis_points).cents
