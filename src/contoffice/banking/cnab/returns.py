"""Return (retorno) files: what the bank says happened to each boleto, CNAB 400."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from contoffice.banking.cnab import errors
from contoffice.banking.cnab.banks.registry import CNAB400
from contoffice.banking.cnab.engine import fit_line, read_record, split_lines
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.layout import BankLayout, Occurrence, Value


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
    interest: int  # juros and multa together (Itaú sends them summed)
    discount: int
    rebate: int
    fee: int
    credit_date: date | None
    reasons: tuple[str, ...]
    fields: Mapping[str, Value]


@dataclass(frozen=True)
class ReturnFile:
    """A return file: the bank, the account it is about and its records."""

    bank: str
    bank_name: str
    file_format: str
    agreement: str
    agency: str
    account: str
    generated_on: date | None
    records: tuple[ReturnRecord, ...]
    header: Mapping[str, Value]
    trailer: Mapping[str, Value]


def _text(values: Mapping[str, Value], name: str) -> str:
    """A text or digit field ("" when the layout has no such field)."""
    value = values.get(name)
    return value if isinstance(value, str) else ""


def _cents(values: Mapping[str, Value], name: str) -> int:
    """An amount field (0 when the layout has no such field)."""
    value = values.get(name)
    return value if isinstance(value, int) else 0


def _date(values: Mapping[str, Value], name: str) -> date | None:
    """A date field (None when empty or absent)."""
    value = values.get(name)
    return value if isinstance(value, date) else None


def _reasons(raw: str, width: int) -> tuple[str, ...]:
    """The rejection reasons of a field of fixed-width codes, empty codes dropped."""
    chunks = (raw[i : i + width] for i in range(0, len(raw), width))
    return tuple(c for c in chunks if c.strip(" 0"))


def _record(layout: BankLayout, values: Mapping[str, Value], line_number: int) -> ReturnRecord:
    """The plain record of one parsed detail line."""
    code = _text(values, "ocorrencia")
    return ReturnRecord(
        line_number=line_number,
        nosso_numero=_text(values, "nosso_numero"),
        document_number=_text(values, "numero_documento"),
        wallet=_text(values, "carteira"),
        occurrence_code=code,
        occurrence=layout.occurrence(code),
        occurrence_date=_date(values, "data_ocorrencia"),
        due_date=_date(values, "vencimento"),
        face_value=_cents(values, "valor_titulo"),
        paid=_cents(values, "valor_pago"),
        interest=_cents(values, "juros") + _cents(values, "multa"),
        discount=_cents(values, "desconto"),
        rebate=_cents(values, "abatimento"),
        fee=_cents(values, "tarifa"),
        credit_date=_date(values, "data_credito"),
        reasons=_reasons(_text(values, "motivos"), layout.reasons_width),
        fields=values,
    )


def _detect(header: str) -> BankLayout:
    """The layout of a file from its first line, or the reason it has none."""
    # A CNAB 240 file header: bank, lot 0000, record type 0 (its lines may be right-trimmed).
    cnab240 = header[:3].isdigit() and header[3:8] == "00000" and len(header) <= 240
    if header.startswith("01REMESSA") or (cnab240 and header[142:143] == "1"):
        raise CnabError(1, errors.IS_A_REMITTANCE)
    if cnab240 or len(header) != 400:
        # CNAB 240 and 444 are other issues' work: say so rather than misread them.
        width = 240 if cnab240 else len(header)
        raise CnabError(1, errors.UNKNOWN_FORMAT.format(width=width))
    if not header.startswith("02RETORNO"):
        raise CnabError(1, errors.NOT_A_RETURN)
    layout = CNAB400.get(header[76:79])
    if layout is None:
        raise CnabError(1, errors.UNKNOWN_BANK.format(code=header[76:79]))
    return layout


def _check_sequence(values: Mapping[str, Value], line_number: int) -> None:
    """Records are numbered 1, 2, 3… in 395–400; a gap means a lost or cut line."""
    found = _text(values, "sequencial")
    if found == "" or int(found) != line_number:
        raise CnabError(
            line_number, errors.BAD_SEQUENCE.format(found=found or "vazio", expected=line_number)
        )


def _check_trailer(
    layout: BankLayout, records: list[ReturnRecord], trailer: Mapping[str, Value], line: int
) -> None:
    """The trailer's totals against the details."""
    for check in layout.trailer_checks:
        codes = check.occurrences
        chosen = [r for r in records if codes is None or r.occurrence_code in codes]
        declared_text = trailer.get(check.trailer_field)
        if check.amount_field is None:
            declared = int(declared_text) if isinstance(declared_text, str) and declared_text else 0
            if declared != len(chosen):
                raise CnabError(
                    line, errors.TRAILER_COUNT.format(declared=declared, found=len(chosen))
                )
        else:
            total = sum(_cents(r.fields, check.amount_field) for r in chosen)
            declared = _cents(trailer, check.trailer_field)
            if declared != total:
                raise CnabError(line, errors.TRAILER_AMOUNT.format(declared=declared, found=total))


def read_return(data: bytes) -> ReturnFile:
    """A CNAB 400 return file (Itaú, Bradesco) checked line by line; CnabError otherwise."""
    lines = split_lines(data)
    if not lines:
        raise CnabError(1, errors.EMPTY_FILE)
    layout = _detect(lines[0])
    header = read_record(layout.return_header, lines[0], 1)
    _check_sequence(header, 1)
    records: list[ReturnRecord] = []
    trailer: Mapping[str, Value] | None = None
    for number, raw in enumerate(lines[1:], start=2):
        if trailer is not None:
            raise CnabError(number, errors.AFTER_TRAILER)
        line = fit_line(raw, layout.width, number)
        if line[0] == "1":
            values = read_record(layout.return_detail, line, number)
            _check_sequence(values, number)
            records.append(_record(layout, values, number))
        elif line[0] == "9":
            trailer = read_record(layout.return_trailer, line, number)
            _check_sequence(trailer, number)
        else:
            raise CnabError(number, errors.UNKNOWN_RECORD.format(kind=line[0]))
    if trailer is None:
        raise CnabError(len(lines), errors.NO_TRAILER)
    _check_trailer(layout, records, trailer, len(lines))
    first = records[0].fields if records else {}
    # Bradesco names the account only in the details; Itaú also in the header.
    return ReturnFile(
        bank=layout.code,
        bank_name=layout.name,
        file_format="CNAB400",
        agreement=_text(header, "codigo_empresa"),
        agency=_text(header, "agencia") or _text(first, "agencia"),
        account=_text(header, "conta") or _text(first, "conta"),
        generated_on=_date(header, "data_geracao"),
        records=tuple(records),
        header=header,
        trailer=trailer,
    )
