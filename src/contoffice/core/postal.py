"""CEP (Brazilian postal code): normalize, validate, format."""

from __future__ import annotations

import re

from contoffice.core.messages import invalid, required

_MASK_CHARS = re.compile(r"[\s.\-]")


def normalize_cep(text: str) -> str:
    """Strip the mask (dash, dot, spaces) from a CEP."""
    return _MASK_CHARS.sub("", text or "")


def validate_cep(text: str, field: str = "CEP") -> str:
    """Return the 8-digit CEP or raise ValidationError."""
    cep = normalize_cep(text)
    if not cep:
        raise required(field)
    if not (cep.isascii() and cep.isdigit()):
        raise invalid(field, "use apenas números.")
    if len(cep) != 8:
        raise invalid(field, f"deve ter 8 dígitos (tem {len(cep)}).")
    if cep == "00000000":
        raise invalid(field, "00000-000 não existe.")
    return cep


def format_cep(text: str) -> str:
    """`00000-000`; input that is not 8 digits comes back unchanged."""
    cep = normalize_cep(text)
    if len(cep) == 8 and cep.isascii() and cep.isdigit():
        return f"{cep[:5]}-{cep[5:]}"
    return text
