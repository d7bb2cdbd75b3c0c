"""The kinds of error a service raises; the message is always user-facing pt-BR."""

from __future__ import annotations

from contoffice.core.validation import ValidationError


class ContofficeError(Exception):
    """Base of every error a clerk may see; `str(error)` is the message to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(ContofficeError, ValidationError):
    """A value the clerk typed is wrong; `field` names the field in pt-BR."""

    def __init__(self, message: str, field: str | None = None) -> None:
        ContofficeError.__init__(self, message)
        self.field = field


class NotAllowed(ContofficeError):
    """The rules (or the operator's permissions) refuse the action; seed wording."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


class Stale(ContofficeError):
    """Another desk changed the record after it was read."""


class NeedsConfirmation(ContofficeError):
    """The action may go on only if the caller confirms `key` ("tenho certeza")."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


class NotFound(ContofficeError):
    """The record asked for does not exist (or was removed by another desk)."""


class DatabaseUnavailable(ContofficeError):
    """The database cannot be reached or is not usable by this version."""


class DatabaseBusy(ContofficeError):
    """Another desk kept the database (SQLite) busy past the wait: nothing was written."""


class DatabaseDamaged(DatabaseUnavailable):
    """The SQLite file failed its integrity check: nothing may be written to it."""
