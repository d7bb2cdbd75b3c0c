"""CPF and CNPJ (numeric and alphanumeric, IN RFB 2.229/2024): check, format, generate."""

from __future__ import annotations

import random
import re
import string
from operator import mul

from contoffice.core.messages import invalid, required

_MASK_CHARS = re.compile(r"[\s./\-]")
_CNPJ_BODY = re.compile(r"[0-9A-Z]{12}")
_CPF_W1 = tuple(range(10, 1, -1))
_CPF_W2 = tuple(range(11, 1, -1))
_CNPJ_W1 = (5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)
_CNPJ_W2 = (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)
_ALNUM = string.digits + string.ascii_uppercase
# ASCII-only upper-casing: str.upper() would turn "ß" into "SS" and change the length.
_ASCII_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)


def normalize_document(text: str) -> str:
    """Strip the mask (dots, dashes, slash, spaces) and upper-case letters."""
    return _MASK_CHARS.sub("", text or "").translate(_ASCII_UPPER)


def _weighted(chars: str, weights: tuple[int, ...]) -> int:
    """Sum of (ord(c) - 48) * weight, so 'A' counts 17 (not 10) as the IN requires."""
    # Multiplying raw bytes and subtracting 48 * sum(weights) once keeps generation fast.
    raw = chars.encode("ascii")
    return sum(map(mul, raw, weights)) - 48 * sum(weights[: len(raw)])


def _cpf_dvs(base9: str) -> str:
    """The two CPF check digits for 9 base digits."""
    dv1 = _weighted(base9, _CPF_W1) * 10 % 11 % 10
    dv2 = (_weighted(base9, _CPF_W2) + dv1 * 2) * 10 % 11 % 10
    return f"{dv1}{dv2}"


def _mod11(total: int) -> int:
    """CNPJ rule: remainder below 2 gives 0, otherwise 11 - remainder."""
    r = total % 11
    return 0 if r < 2 else 11 - r


def _cnpj_dvs(base12: str) -> str:
    """The two CNPJ check digits for a 12-character base."""
    dv1 = _mod11(_weighted(base12, _CNPJ_W1))
    dv2 = _mod11(_weighted(base12, _CNPJ_W2) + dv1 * 2)
    return f"{dv1}{dv2}"


def validate_cpf(text: str, field: str = "CPF") -> str:
    """Return the normalized CPF or raise ValidationError saying what is wrong."""
    doc = normalize_document(text)
    if not doc:
        raise required(field)
    if not doc.isascii() or not doc.isdigit():
        raise invalid(field, "use apenas números.")
    if len(doc) != 11:
        raise invalid(field, f"deve ter 11 dígitos (tem {len(doc)}).")
    if len(set(doc)) == 1:
        raise invalid(field, "sequência de dígitos repetidos.")
    if _cpf_dvs(doc[:9]) != doc[9:]:
        raise invalid(field, "dígito verificador não confere.")
    return doc


def validate_cnpj(text: str, field: str = "CNPJ") -> str:
    """Return the normalized CNPJ (numeric or alphanumeric) or raise ValidationError."""
    doc = normalize_document(text)
    if not doc:
        raise required(field)
    if len(doc) != 14:
        raise invalid(field, f"deve ter 14 caracteres (tem {len(doc)}).")
    if not _CNPJ_BODY.fullmatch(doc[:12]):
        raise invalid(field, "use apenas números e letras sem acento nas 12 primeiras posições.")
    if not (doc[12:].isascii() and doc[12:].isdigit()):
        raise invalid(field, "os dois últimos caracteres (dígitos verificadores) são números.")
    if len(set(doc)) == 1:
        raise invalid(field, "sequência de caracteres repetidos.")
    if _cnpj_dvs(doc[:12]) != doc[12:]:
        raise invalid(field, "dígito verificador não confere.")
    return doc


def validate_document(text: str, field: str = "CPF/CNPJ") -> tuple[str, str]:
    """Return ("CPF" | "CNPJ", normalized) for either document, chosen by length."""
    doc = normalize_document(text)
    if not doc:
        raise required(field)
    if len(doc) == 11:
        return "CPF", validate_cpf(doc, field)
    if len(doc) == 14:
        return "CNPJ", validate_cnpj(doc, field)
    raise invalid(field, f"informe 11 dígitos (CPF) ou 14 caracteres (CNPJ); tem {len(doc)}.")


def is_valid_cpf(text: str) -> bool:
    """True when text is a valid CPF (mask allowed)."""
    doc = normalize_document(text)
    return (
        len(doc) == 11
        and doc.isascii()
        and doc.isdigit()
        and len(set(doc)) > 1
        and _cpf_dvs(doc[:9]) == doc[9:]
    )


def is_valid_cnpj(text: str) -> bool:
    """True when text is a valid numeric or alphanumeric CNPJ (mask allowed)."""
    doc = normalize_document(text)
    return (
        len(doc) == 14
        and _CNPJ_BODY.fullmatch(doc[:12]) is not None
        and len(set(doc)) > 1
        and _cnpj_dvs(doc[:12]) == doc[12:]
    )


def format_cpf(text: str) -> str:
    """`000.000.000-00`; input that is not 11 characters comes back unchanged."""
    d = normalize_document(text)
    return f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}" if len(d) == 11 else text


def format_cnpj(text: str) -> str:
    """`00.000.000/0000-00` (or `12.ABC.345/01DE-35`); other lengths come back unchanged."""
    d = normalize_document(text)
    return f"{d[:2]}.{d[2:5]}.{d[5:8]}/{d[8:12]}-{d[12:]}" if len(d) == 14 else text


def format_document(text: str) -> str:
    """Mask as CPF or CNPJ by length; anything else comes back unchanged."""
    d = normalize_document(text)
    if len(d) == 11:
        return format_cpf(d)
    if len(d) == 14:
        return format_cnpj(d)
    return text


def generate_cpf(rng: random.Random) -> str:
    """A random valid CPF, normalized (for demo data and tests)."""
    while True:
        base = f"{rng.randrange(1_000_000_000):09d}"
        if len(set(base)) > 1:  # all-equal bases are rejected by validation
            return base + _cpf_dvs(base)


def generate_cnpj(rng: random.Random, alphanumeric: bool = False, branch: int = 1) -> str:
    """A random valid CNPJ, normalized; alphanumeric roots contain at least one letter."""
    if not 1 <= branch <= 9999:
        raise ValueError(f"branch must be 1..9999, got {branch}")
    if alphanumeric:
        chars = rng.choices(_ALNUM, k=8)
        chars[rng.randrange(8)] = rng.choice(string.ascii_uppercase)
        root = "".join(chars)
    else:
        root = f"{rng.randrange(1, 100_000_000):08d}"
    base = f"{root}{branch:04d}"
    return base + _cnpj_dvs(base)
