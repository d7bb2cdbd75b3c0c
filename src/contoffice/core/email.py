"""Pragmatic e-mail syntax checks (no DNS: the office may be offline)."""

from __future__ import annotations

import re

from contoffice.core.messages import invalid, required

_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_TLD = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")
_SEPARATORS = re.compile(r"[;,]")


def validate_email(text: str, field: str = "E-mail") -> str:
    """Return the address trimmed with a lower-case domain, or raise ValidationError."""
    address = (text or "").strip()
    if not address:
        raise required(field)
    if any(c.isspace() for c in address):
        raise invalid(field, "não pode conter espaços.")
    if address.count("@") != 1:
        raise invalid(field, "deve ter exatamente um @ (ex.: nome@empresa.com.br).")
    local, domain = address.split("@")
    domain = domain.lower()
    if len(local) > 64 or not _LOCAL.fullmatch(local):
        raise invalid(field, f"a parte antes do @ (“{local}”) não é válida.")
    labels = domain.split(".")
    if (
        len(domain) > 253
        or len(labels) < 2
        or not all(_LABEL.fullmatch(label) for label in labels)
        or not _TLD.fullmatch(labels[-1])
    ):
        raise invalid(field, f"o domínio “{domain}” não é válido.")
    return f"{local}@{domain}"


def split_emails(text: str, field: str = "E-mail") -> list[str]:
    """Validate a `;`- or `,`-separated list of addresses, dropping blanks and duplicates."""
    result: list[str] = []
    seen: set[str] = set()
    for part in _SEPARATORS.split(text or ""):
        if not part.strip():
            continue
        address = validate_email(part, field)
        if address.lower() not in seen:
            seen.add(address.lower())
            result.append(address)
    return result
