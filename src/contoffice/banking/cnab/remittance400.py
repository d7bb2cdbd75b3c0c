"""CNAB 400 remittances: header, one detail (and a fine record where the bank has one)
per boleto, trailer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from contoffice.banking.cnab import errors
from contoffice.banking.cnab.engine import fit_line, read_record, write_record
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.layout import BankLayout, Record, Value
from contoffice.banking.cnab.model import Beneficiary, RemittanceItem
from contoffice.banking.cnab.results import RemittanceFile
from contoffice.banking.cnab.values import beneficiary_values, command_code, item_values, only


def _records(layout: BankLayout) -> tuple[Record, Record, Record]:
    """The remittance records of a layout; a return-only layout has none."""
    header, detail, trailer = (
        layout.remittance_header, layout.remittance_detail, layout.remittance_trailer
    )
    if header is None or detail is None or trailer is None:
        raise CnabError(0, errors.UNKNOWN_REMITTANCE_BANK.format(code=layout.code, width=400))
    return header, detail, trailer


def _record_type(record: Record) -> str:
    """Column 1 of a record (its constant `registro`; "1" for a detail that has none)."""
    f = record.by_name.get("registro")
    return str(f.default) if f is not None and f.constant else "1"


def write(
    layout: BankLayout,
    beneficiary: Beneficiary,
    sequence_number: int,
    items: Sequence[RemittanceItem],
    today: date,
) -> bytes:
    """The bytes of a CNAB 400 remittance: CRLF lines of exactly 400 ASCII columns."""
    header, detail, trailer = _records(layout)
    account = beneficiary_values(layout.beneficiary_fields, beneficiary)
    # Sicredi writes its dates year first: kept as digit fields (`*_aaaammdd`).
    year_first = today.strftime("%Y%m%d")
    head = {**account, "data_geracao": today, "data_geracao_aaaammdd": year_first,
            "sequencial_remessa": sequence_number}
    lines = [write_record(header, {**only(header, head), "sequencial": 1}, 1)]
    fine = layout.remittance_fine
    # The same on every title: filtered once.
    in_detail = only(detail, {**account, "data_instrucao_aaaammdd": year_first})
    for item in items:
        number = len(lines) + 1
        code = command_code(layout.commands, item.command, layout.code, 400, number)
        own = item_values(item, today, code)
        values = {**in_detail, **only(detail, own)}
        if item.protest_days and layout.protest_instruction and not item.instruction1:
            values["instrucao1"] = layout.protest_instruction
        values["sequencial"] = number
        lines.append(write_record(detail, values, number))
        if fine is not None and item.fine_bp:
            number += 1
            lines.append(write_record(fine, {**only(fine, own), "sequencial": number}, number))
    # Most trailers carry only their sequence (the line count); some also the totals.
    number = len(lines) + 1
    totals = {"sequencial": number, "quantidade_linhas": number,
              "quantidade_titulos": len(items),
              "valor_total": sum(item.amount_cents for item in items)}
    lines.append(write_record(trailer, only(trailer, totals), number))
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def read(layout: BankLayout, lines: list[str]) -> RemittanceFile:
    """A CNAB 400 remittance read back with its own layout (for checks and tests)."""
    header_record, detail_record, trailer_record = _records(layout)
    records = [fit_line(line, layout.width, n) for n, line in enumerate(lines, start=1)]
    head = read_record(header_record, records[0], 1)
    fine = layout.remittance_fine
    fine_type = _record_type(fine) if fine is not None else ""
    detail_type = _record_type(detail_record)
    details: list[dict[str, Value]] = []
    tail: Mapping[str, Value] = {}
    for n, line in enumerate(records[1:], start=2):
        if tail:
            raise CnabError(n, errors.AFTER_TRAILER)
        if line[0] == detail_type:
            details.append(read_record(detail_record, line, n))
        elif line[0] == "9":
            tail = read_record(trailer_record, line, n)
        elif fine is not None and line[0] == fine_type and details:
            for name, value in read_record(fine, line, n).items():
                details[-1].setdefault(name, value)
        else:
            raise CnabError(n, errors.UNKNOWN_RECORD.format(kind=line[0]))
    if not tail:
        raise CnabError(len(lines), errors.NO_TRAILER)
    return RemittanceFile(layout.code, "CNAB400", head, tuple(details), tail)
