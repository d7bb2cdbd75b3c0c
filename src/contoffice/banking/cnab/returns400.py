"""CNAB 400 returns: header, details (with any extra records of the bank), trailer."""

from __future__ import annotations

from collections.abc import Mapping

from contoffice.banking.cnab import errors
from contoffice.banking.cnab.banks.registry import CNAB400
from contoffice.banking.cnab.engine import fit_line, read_record
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.layout import BankLayout, Value
from contoffice.banking.cnab.results import RecordBuilder, ReturnFile, cents, day, text

W = 400


def detect(header: str) -> BankLayout:
    """The layout of a CNAB 400 return from its (padded) header line."""
    if header.startswith("01REMESSA"):
        raise CnabError(1, errors.IS_A_REMITTANCE)
    if not header.startswith("02RETORNO"):
        raise CnabError(1, errors.NOT_A_RETURN)
    code = header[76:79]
    candidates = [x for x in CNAB400.values() if (x.header_code or x.code) == code]
    # Layouts sharing a header code (correspondents) say which headers are theirs.
    for layout in candidates:
        if layout.recognises is not None and layout.recognises(header):
            return layout
    for layout in candidates:
        if layout.recognises is None:
            return layout
    raise CnabError(1, errors.UNKNOWN_BANK.format(code=code))


def _check_sequence(values: Mapping[str, Value], line_number: int) -> None:
    """Records are numbered 1, 2, 3… in 395–400; a gap means a lost or cut line."""
    found = values.get("sequencial")
    if not (isinstance(found, str) and found and int(found) == line_number):
        raise CnabError(
            line_number, errors.BAD_SEQUENCE.format(found=found or "vazio", expected=line_number)
        )


def _check_trailer(
    layout: BankLayout, details: list[dict[str, Value]], trailer: Mapping[str, Value], line: int
) -> tuple[int | None, int | None]:
    """The trailer's totals against the details; what it declares for every detail."""
    count: int | None = None
    total: int | None = None
    for check in layout.trailer_checks:
        codes = check.occurrences
        chosen = [d for d in details if codes is None or d.get("ocorrencia") in codes]
        if check.amount_field is None:
            declared = int(text(trailer, check.trailer_field) or 0)
            if declared != len(chosen):
                raise CnabError(
                    line, errors.TRAILER_COUNT.format(declared=declared, found=len(chosen))
                )
            count = declared if codes is None and count is None else count
        else:
            found = sum(cents(d, check.amount_field) for d in chosen)
            declared = cents(trailer, check.trailer_field)
            if declared != found:
                raise CnabError(line, errors.TRAILER_AMOUNT.format(declared=declared, found=found))
            total = declared if codes is None and total is None else total
    return count, total


def read(layout: BankLayout, lines: list[str]) -> ReturnFile:
    """A CNAB 400 return checked line by line; CnabError otherwise."""
    header = read_record(layout.return_header, fit_line(lines[0], W, 1), 1)
    _check_sequence(header, 1)
    detail, trailer_record = layout.return_detail, layout.return_trailer
    detail_type, extras = layout.detail_type, layout.extra_records
    details: list[dict[str, Value]] = []
    numbers: list[int] = []
    trailer: dict[str, Value] | None = None
    for number, raw in enumerate(lines[1:], start=2):
        if trailer is not None:
            raise CnabError(number, errors.AFTER_TRAILER)
        line = raw if len(raw) == W else fit_line(raw, W, number)
        kind = line[0]
        if kind == detail_type:
            values = read_record(detail, line, number)
            details.append(values)
            numbers.append(number)
        elif kind == "9":
            values = trailer = read_record(trailer_record, line, number)
        elif kind in extras and details:
            values = read_record(extras[kind], line, number)
            for name, value in values.items():
                details[-1].setdefault(name, value)
        else:
            raise CnabError(number, errors.UNKNOWN_RECORD.format(kind=kind))
        _check_sequence(values, number)
    if trailer is None:
        raise CnabError(len(lines), errors.NO_TRAILER)
    count, total = _check_trailer(layout, details, trailer, len(lines))
    first = details[0] if details else {}
    # Bradesco names the account only in the details; Itaú also in the header.
    return ReturnFile(
        bank=layout.code,
        bank_name=layout.name,
        file_format="CNAB400",
        agreement=text(header, "codigo_empresa"),
        agency=text(header, "agencia") or text(first, "agencia"),
        account=text(header, "conta") or text(first, "conta"),
        generated_on=day(header, "data_geracao"),
        records=tuple(map(RecordBuilder(layout, [detail]).build, details, numbers)),
        header=header,
        trailer=trailer,
        declared_count=count,
        declared_total_cents=total,
    )
