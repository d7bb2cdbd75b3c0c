"""Every writer round-trips through its reader, for every bank either registry holds."""

from __future__ import annotations

from datetime import date

import pytest

from contoffice.banking.cnab.banks.registry import CNAB240, CNAB400
from contoffice.banking.cnab.layout import Field, FieldKind, Occurrence, Record
from contoffice.banking.cnab.model import Beneficiary, RemittanceItem, ReturnEntry
from contoffice.banking.cnab.remittance import read_remittance, write_remittance
from contoffice.banking.cnab.returns import read_return, write_return

DIGITS = "31415926535897932384626433832795"

# ReturnEntry attribute -> the field feeding it and the kind that field must have.
SOURCES = {
    "occurrence_date": ("data_ocorrencia", FieldKind.DATE),
    "due_date": ("vencimento", FieldKind.DATE),
    "face_value": ("valor_titulo", FieldKind.AMOUNT),
    "paid": ("valor_pago", FieldKind.AMOUNT),
    "interest": ("juros", FieldKind.AMOUNT),
    "discount": ("desconto", FieldKind.AMOUNT),
    "rebate": ("abatimento", FieldKind.AMOUNT),
    "fee": ("tarifa", FieldKind.AMOUNT),
    "credit_date": ("data_credito", FieldKind.DATE),
}


def beneficiary(bank: str, file_format: str) -> Beneficiary:
    """An account every layout can write (short numbers, digits only)."""
    return Beneficiary(bank, file_format, "Escritório Contábil São João", "12345678000195",
                       "1234", "5", "12345", "6", wallet="1", agreement="12345",
                       variation="19", modality="01", post="02")


def code_of(occurrences: dict[str, Occurrence], kind: Occurrence, default: str) -> str:
    """A code of the bank's table meaning `kind`."""
    return next((c for c, k in sorted(occurrences.items()) if k is kind), default)


def exactly(f: Field | None, seed: int) -> str:
    """Digits filling a field exactly (a zero-padded number would read back padded)."""
    width = 8 if f is None else f.length
    return (DIGITS[seed:] + DIGITS)[:width]


def reasons(f: Field | None, width: int) -> tuple[str, ...]:
    """Two non-zero codes where the layout's reasons field has room, else none."""
    if f is None or f.length < width:
        return ()
    letter = "A" if f.kind is FieldKind.ALPHA else "1"
    codes = ("1" * (width - 1) + "3", letter + "2" * (width - 1))
    return codes[: f.length // width]


def entries(fields: dict[str, Field], occurrences: dict[str, Occurrence],
            reasons_width: int) -> list[ReturnEntry]:
    """Two entries shaped to the layout's fields: a settlement and a registration."""
    paid = code_of(occurrences, Occurrence.LIQUIDACAO, "06")
    registered = code_of(occurrences, Occurrence.ENTRADA_CONFIRMADA, "02")
    return [
        ReturnEntry(exactly(fields.get("nosso_numero"), 0),
                    exactly(fields.get("numero_documento"), 3), paid, date(2026, 11, 27),
                    date(2026, 11, 20), 123_456, paid=124_000, interest=544, discount=100,
                    rebate=200, fee=210, credit_date=date(2026, 11, 30),
                    reasons=reasons(fields.get("motivos"), reasons_width)),
        ReturnEntry(exactly(fields.get("nosso_numero"), 5),
                    exactly(fields.get("numero_documento"), 7), registered,
                    date(2026, 11, 2), date(2027, 1, 10), 99, fee=160),
    ]


def assert_round_trip(records: tuple[Record, ...], sent: list[ReturnEntry], data: bytes,
                      bank: str, file_format: str) -> None:
    """What was written is what is read, for every attribute the layout has a field for."""
    fields = {f.name: f for r in records for f in r.fields}
    result = read_return(data)
    assert (result.bank, result.file_format) == (bank, f"CNAB{file_format}")
    assert len(result.records) == len(sent)
    if result.declared_count is not None:
        assert result.declared_count == len(sent)
    for entry, record in zip(sent, result.records, strict=True):
        assert record.nosso_numero == entry.nosso_numero
        if "numero_documento" in fields:
            assert record.document_number == entry.document_number
        assert record.occurrence_code == entry.occurrence_code
        for attribute, (name, kind) in SOURCES.items():
            if name in fields and fields[name].kind is kind:
                assert getattr(record, attribute) == getattr(entry, attribute), attribute
        if "motivos" in fields:
            assert record.reasons == entry.reasons


@pytest.mark.parametrize("bank", sorted(CNAB400))
def test_cnab400_return_round_trips(bank: str) -> None:
    layout = CNAB400[bank]
    fields = dict(layout.return_detail.by_name)
    sent = entries(fields, dict(layout.occurrences), layout.reasons_width)
    data = write_return(beneficiary(bank, "400"), sent, date(2026, 11, 30), 7)
    assert all(len(line) == 400 for line in data.split(b"\r\n")[:-1])
    assert_round_trip((layout.return_detail,), sent, data, bank, "400")


@pytest.mark.parametrize("bank", sorted(CNAB240))
def test_cnab240_return_round_trips(bank: str) -> None:
    layout = CNAB240[bank]
    records = (layout.segment_t, layout.segment_u)
    fields = {f.name: f for r in records for f in r.fields}
    sent = entries(fields, dict(layout.occurrences), layout.reasons_width)
    data = write_return(beneficiary(bank, "240"), sent, date(2026, 11, 30), 7)
    assert all(len(line) == 240 for line in data.split(b"\r\n")[:-1])
    assert_round_trip(records, sent, data, bank, "240")


def test_a_large_cnab240_return_is_split_into_lots() -> None:
    entry = ReturnEntry("1", "1", "06", date(2026, 11, 27), None, 100, paid=100)
    data = write_return(beneficiary("756", "240"), [entry] * 50_001, date(2026, 11, 30))
    result = read_return(data)
    assert len(result.records) == 50_001
    assert result.trailer["quantidade_lotes"] == "000002"


ITEM = RemittanceItem("12345", "NF-1/2026", date(2026, 12, 10), 154_990, "Ana Ação",
                      "123.456.789-09", payer_street="Rua Um, 1", payer_city="São Paulo",
                      payer_state="SP", payer_cep="01001-000", nosso_numero_dv="7",
                      interest_per_day_cents=52, fine_bp=200)


def remittance_banks() -> list[tuple[str, str]]:
    """Every bank and format the office can send remittances to (a layout and commands)."""
    found = [(code, "400") for code, layout in sorted(CNAB400.items())
             if layout.remittance_detail is not None and layout.commands]
    return found + [(code, "240") for code in sorted(CNAB240)]


@pytest.mark.parametrize(("bank", "file_format"), remittance_banks())
def test_remittance_round_trips(bank: str, file_format: str) -> None:
    data = write_remittance(beneficiary(bank, file_format), 3, [ITEM, ITEM],
                            generated_on=date(2026, 11, 29))
    width = int(file_format)
    assert all(len(line) == width for line in data.split(b"\r\n")[:-1])
    back = read_remittance(data)
    assert (back.bank, back.file_format) == (bank, f"CNAB{file_format}")
    assert len(back.details) == 2
    title = back.details[0]
    assert title["valor"] == 154_990 and title["vencimento"] == date(2026, 12, 10)
    assert "12345" in str(title["nosso_numero"])
    assert title["ocorrencia"] == "01" or file_format == "400"
