"""The fiscal package's errors; `.message` is always the pt-BR text a clerk may read."""

from __future__ import annotations


class FiscalError(Exception):
    """Base of every fiscal failure; `str(error)` is the pt-BR message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class DpsInvalid(FiscalError):
    """The DPS (or event) breaks a rule or the layout; `field` names the field or element."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class CertificateError(FiscalError):
    """The A1 certificate cannot be used (wrong password, not PKCS#12, expired...)."""


class SignatureError(FiscalError):
    """The XML signature is missing, malformed or does not match the content."""
