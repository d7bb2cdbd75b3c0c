"""A CNAB field: where it sits in the line and what kind of value it holds."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date


class FieldKind(enum.Enum):
    """How a field's characters map to a Python value."""

    NUMERIC = "numeric"  # digits, zero-left-padded; read as a digit string (zeros kept)
    ALPHA = "alpha"  # upper-case ASCII, space-right-padded; read right-trimmed
    DATE = "date"  # DDMMYY or DDMMYYYY (by length); zeros or blanks mean no date (None)
    AMOUNT = "amount"  # integer cents, zero-left-padded; read as int


Value = str | int | date | None


@dataclass(frozen=True)
class Field:
    """One field: `start` is 1-based as in the banks' manuals; `constant` fields always
    write `default` whatever the caller passes."""

    name: str
    start: int
    length: int
    kind: FieldKind
    default: Value = None
    constant: bool = False

    @property
    def end(self) -> int:
        """The 1-based position of the field's last character."""
        return self.start + self.length - 1
