"""Brazilian phone numbers: DDD + 8-digit landline or 9-digit mobile."""

from __future__ import annotations

import re

from contoffice.core.messages import invalid, required

# Anatel area codes in use (DDD); 20, 23, 25, 26, 29, 30, 36, 39, 40, 50, 52, 56-60, 70, 72,
# 76, 78, 80 and 90 are not assigned.
VALID_DDDS = frozenset(
    {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38}
    | {41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69}
    | {71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89}
    | {91, 92, 93, 94, 95, 96, 97, 98, 99}
)
_NON_DIGITS = re.compile(r"[^0-9]")  # \D would keep "٣" and "３"


def normalize_phone(text: str) -> str:
    """Digits only, without +55 and without a leading trunk 0 (`011…`)."""
    raw = (text or "").strip()
    digits = _NON_DIGITS.sub("", raw)
    if digits.startswith("55") and (raw.startswith("+") or len(digits) in (12, 13)):
        digits = digits[2:]
    # No DDD starts with 0, so leading zeros can only be the long-distance trunk prefix.
    return digits.lstrip("0")


def validate_phone(text: str, field: str = "Telefone") -> str:
    """Return DDD + number (10 or 11 digits) or raise ValidationError."""
    raw = (text or "").strip()
    if not raw:
        raise required(field)
    if re.search(r"[^0-9\s()+\-.]", raw):
        raise invalid(field, "use apenas números, espaços, parênteses e traço.")
    digits = normalize_phone(raw)
    looks_local = (len(digits) == 8 and digits[0] in "2345") or (
        len(digits) == 9 and digits[0] == "9"
    )
    if looks_local:
        raise invalid(field, "informe o DDD (ex.: (11) 3456-7890).")
    if len(digits) not in (10, 11):
        raise invalid(field, "deve ter DDD + 8 dígitos (fixo) ou DDD + 9 dígitos (celular).")
    if int(digits[:2]) not in VALID_DDDS:
        raise invalid(field, f"DDD {digits[:2]} não existe.")
    number = digits[2:]
    if len(number) == 9 and number[0] != "9":
        raise invalid(field, "celular com 9 dígitos começa com 9.")
    if len(number) == 8 and number[0] not in "2345":
        raise invalid(field, "telefone fixo começa com 2, 3, 4 ou 5.")
    return digits


def format_phone(text: str) -> str:
    """`(11) 3456-7890` or `(11) 91234-5678`; invalid input comes back unchanged."""
    try:
        digits = validate_phone(text)
    except ValueError:
        return text
    return f"({digits[:2]}) {digits[2:-4]}-{digits[-4:]}"


def to_e164(text: str, field: str = "Telefone") -> str:
    """E.164 form for WhatsApp and SMS links: `+5511912345678`."""
    return "+55" + validate_phone(text, field)
