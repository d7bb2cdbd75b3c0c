"""What reading a CNAB file gives back: remittances for checks, returns for the services."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Protocol

from contoffice.banking.cnab.layout import FieldKind, Occurrence, Record, Value


@dataclass(frozen=True)
class RemittanceFile:
    """A remittance read back: the bank, the format and each record's fields (a CNAB 240
    title is its P, Q and R segments merged; the lot's own records beside)."""

    bank: str
    file_format: str  # "CNAB400" or "CNAB240"
    header: Mapping[str, Value]
    details: tuple[Mapping[str, Value], ...]
    trailer: Mapping[str, Value] = field(default_factory=dict)
    lot_header: Mapping[str, Value] = field(default_factory=dict)
    lot_trailer: Mapping[str, Value] = field(default_factory=dict)


@dataclass(frozen=True)
class ReturnRecord:
    """One detail of a return; amounts in integer cents, the raw occurrence code kept."""

    line_number: int
    nosso_numero: str
    document_number: str
    wallet: str
    occurrence_code: str
    occurrence: Occurrence
    occurrence_date: date | None
    due_date: date | None
    face_value: int
    paid: int
    interest: int  # juros and multa together (Itaú and CNAB 240 send them summed)
    discount: int
    rebate: int
    fee: int
    credit_date: date | None
    reasons: tuple[str, ...]
    fields: Mapping[str, Value]


@dataclass(frozen=True)
class ReturnFile:
    """A return file: the bank, the account it is about, its records and what the
    trailer declares (None where the bank's layout does not say it)."""

    bank: str
    bank_name: str
    file_format: str  # "CNAB400" or "CNAB240"
    agreement: str
    agency: str
    account: str
    generated_on: date | None
    records: tuple[ReturnRecord, ...]
    header: Mapping[str, Value]
    trailer: Mapping[str, Value]
    declared_count: int | None = None
    declared_total_cents: int | None = None


class OccurrenceTable(Protocol):
    """What building a record needs of a layout (CNAB 400 and 240 alike)."""

    reasons_width: int
    occurrences: Mapping[str, Occurrence]


def text(values: Mapping[str, Value], name: str) -> str:
    """A text or digit field ("" when the layout has no such field)."""
    value = values.get(name)
    return value if isinstance(value, str) else ""


def cents(values: Mapping[str, Value], name: str) -> int:
    """An amount field (0 when the layout has no such field)."""
    value = values.get(name)
    return value if isinstance(value, int) else 0


def day(values: Mapping[str, Value], name: str) -> date | None:
    """A date field (None when empty or absent)."""
    value = values.get(name)
    return value if isinstance(value, date) else None


def reasons(raw: str, width: int) -> tuple[str, ...]:
    """The rejection reasons of a field of fixed-width codes, empty codes dropped."""
    if not raw.strip(" 0"):
        return ()
    chunks = (raw[i : i + width] for i in range(0, len(raw), width))
    return tuple(c for c in chunks if c.strip(" 0"))


_ABSENT = "\0"  # a key no record has: its lookup gives the default
_KINDS = {str: (FieldKind.ALPHA, FieldKind.NUMERIC), int: (FieldKind.AMOUNT,),
          date: (FieldKind.DATE,)}
_RECORD_FIELDS = tuple(f.name for f in fields(ReturnRecord))


class RecordBuilder:
    """Builds the ReturnRecord of each parsed detail of one layout; which field feeds which
    attribute (and that its kind fits) is settled once, not per record."""

    def __init__(self, layout: OccurrenceTable, records: Sequence[Record]) -> None:
        kinds = {f.name: f.kind for r in records for f in r.fields}

        def key(name: str, kind: type) -> str:
            return name if kinds.get(name) in _KINDS[kind] else _ABSENT

        self.layout = layout
        self.keys = (
            key("nosso_numero", str), key("numero_documento", str), key("carteira", str),
            key("ocorrencia", str), key("data_ocorrencia", date), key("vencimento", date),
            key("valor_titulo", int), key("valor_pago", int), key("juros", int),
            key("multa", int), key("desconto", int), key("abatimento", int),
            key("tarifa", int), key("data_credito", date), key("motivos", str),
        )

    def build(self, values: dict[str, Value], line_number: int) -> ReturnRecord:
        """The plain record of one parsed detail (a CNAB 240 title: T and U merged)."""
        g = values.get
        (nn, doc, wallet, oc, oc_date, due, face, paid, interest, fine, discount, rebate,
         fee, credit, motives) = self.keys
        code = g(oc, "")
        credited = g(credit)
        if credited is None and "data_credito_aaaammdd" in values:  # Sicredi: year first
            credited = _year_first(values["data_credito_aaaammdd"])
        record = object.__new__(ReturnRecord)
        # 50,000 records: the frozen __init__ (one object.__setattr__ per attribute) would
        # be a fifth of the parse; the instance is as frozen afterwards.
        record.__dict__.update(zip(_RECORD_FIELDS, (
            line_number, g(nn, ""), g(doc, ""), g(wallet, ""), code,
            self.layout.occurrences.get(code, Occurrence.OUTROS),  # type: ignore[arg-type]
            g(oc_date), g(due), g(face, 0), g(paid, 0), g(interest, 0) + g(fine, 0),
            g(discount, 0), g(rebate, 0), g(fee, 0), credited,
            reasons(g(motives, ""), self.layout.reasons_width),  # type: ignore[arg-type]
            values,
        ), strict=True))
        return record


def _year_first(text: Value) -> date | None:
    """An AAAAMMDD date kept as digits (None when empty or impossible)."""
    if not isinstance(text, str) or len(text) != 8 or not text.isdigit() or not text.strip("0"):
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None
