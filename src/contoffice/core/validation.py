"""The error core validators raise: a pt-BR message that names the field."""

from __future__ import annotations


class ValidationError(ValueError):
    """A value is malformed; `field` is the pt-BR field name, `message` the sentence to show."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message
