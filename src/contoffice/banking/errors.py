"""The error the banking layer raises: a pt-BR sentence naming the input field."""

from __future__ import annotations

from contoffice.core.validation import ValidationError


class BoletoError(ValidationError):
    """Boleto data refused; `field` is the BoletoInput field name (e.g. "agreement")."""
