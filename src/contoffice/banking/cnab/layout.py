"""CNAB layouts as data: a record is a tuple of fixed-width fields, a bank a set of records."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date


class FieldKind(enum.Enum):
    """How a field's characters map to a Python value."""

    NUMERIC = "numeric"  # digits, zero-left-padded; read as a digit string (zeros kept)
    ALPHA = "alpha"  # upper-case ASCII, space-right-padded; read right-trimmed
    DATE = "date"  # DDMMYY; zeros or blanks mean no date (None)
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


@dataclass(frozen=True)
class Record:
    """A record type of a layout; positions not covered by a field are blanks."""

    name: str
    width: int
    fields: tuple[Field, ...]
    by_name: Mapping[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A layout typo (overlap, field past the line) must fail at import, not in a file.
        taken = [False] * (self.width + 1)
        for f in self.fields:
            if f.start < 1 or f.length < 1 or f.end > self.width:
                raise ValueError(f"{self.name}.{f.name}: fora da largura {self.width}")
            for pos in range(f.start, f.end + 1):
                if taken[pos]:
                    raise ValueError(f"{self.name}.{f.name}: sobrepõe a posição {pos}")
                taken[pos] = True
        names = {f.name: f for f in self.fields}
        if len(names) != len(self.fields):
            raise ValueError(f"{self.name}: nome de campo repetido")
        object.__setattr__(self, "by_name", names)


def num(name: str, start: int, end: int, default: Value = None) -> Field:
    """A numeric field over the 1-based inclusive positions start..end."""
    return Field(name, start, end - start + 1, FieldKind.NUMERIC, default)


def alpha(name: str, start: int, end: int, default: Value = None) -> Field:
    """An alphanumeric field over start..end."""
    return Field(name, start, end - start + 1, FieldKind.ALPHA, default)


def ddmmyy(name: str, start: int, end: int) -> Field:
    """A DDMMYY date field over start..end."""
    return Field(name, start, end - start + 1, FieldKind.DATE)


def cents(name: str, start: int, end: int) -> Field:
    """An amount in integer cents over start..end."""
    return Field(name, start, end - start + 1, FieldKind.AMOUNT)


def const(name: str, start: int, end: int, value: str) -> Field:
    """A fixed text (record type, "REMESSA", bank code) over start..end."""
    kind = FieldKind.NUMERIC if value.isdigit() else FieldKind.ALPHA
    return Field(name, start, end - start + 1, kind, value, constant=True)


class Occurrence(enum.Enum):
    """The normalised kind of a return occurrence code; the raw code is kept beside it."""

    ENTRADA_CONFIRMADA = "entrada_confirmada"
    REJEITADA = "rejeitada"
    LIQUIDACAO = "liquidacao"
    BAIXA = "baixa"
    TARIFA = "tarifa"
    PROTESTO = "protesto"
    OUTROS = "outros"


@dataclass(frozen=True)
class TrailerCheck:
    """A trailer total the details must add up to: a count of details (`amount_field`
    None) or a sum of one detail amount, over the details whose occurrence is in
    `occurrences` (None: every detail)."""

    trailer_field: str
    amount_field: str | None = None
    occurrences: frozenset[str] | None = None


@dataclass(frozen=True)
class BankLayout:
    """Everything one bank's CNAB 400 files need: the records and the occurrence table."""

    code: str
    name: str
    width: int
    remittance_header: Record
    remittance_detail: Record
    remittance_trailer: Record
    return_header: Record
    return_detail: Record
    return_trailer: Record
    occurrences: Mapping[str, Occurrence]
    # Return fields holding rejection reasons: `reasons_width` characters per reason.
    reasons_width: int = 2
    trailer_checks: tuple[TrailerCheck, ...] = ()

    def occurrence(self, code: str) -> Occurrence:
        """The normalised kind of a raw occurrence code (OUTROS when not in the table)."""
        return self.occurrences.get(code, Occurrence.OUTROS)
