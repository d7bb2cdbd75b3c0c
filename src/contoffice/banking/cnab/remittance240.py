"""CNAB 240 remittances: file header, lots (header, P/Q/R per boleto, trailer), trailer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from contoffice.banking.cnab import errors
from contoffice.banking.cnab.engine import fit_line, read_record, write_record
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.layout import Record, Value
from contoffice.banking.cnab.layout240 import Layout240
from contoffice.banking.cnab.model import Beneficiary, RemittanceItem
from contoffice.banking.cnab.results import RemittanceFile
from contoffice.banking.cnab.values import (
    beneficiary_values,
    command_code,
    item_values,
    lot_chunks,
    only,
)


def write(
    layout: Layout240,
    beneficiary: Beneficiary,
    sequence_number: int,
    items: Sequence[RemittanceItem],
    today: date,
) -> bytes:
    """The bytes of a CNAB 240 remittance: CRLF lines of exactly 240 ASCII columns."""
    account = beneficiary_values(layout.beneficiary_fields, beneficiary)
    lines: list[str] = []

    def add(record: Record, values: Mapping[str, Value], **frame: Value) -> None:
        chosen = {**only(record, values), **only(record, frame), "banco": layout.code}
        lines.append(write_record(record, chosen, len(lines) + 1))

    add(layout.file_header, account, banco_nome=layout.file_bank_name, codigo_arquivo="1",
        data_geracao=today, sequencial_arquivo=sequence_number,
        versao_layout=layout.file_version)
    # Three segments at most per boleto: a lot holds 33,333 of them.
    lots = lot_chunks(items, 3)
    for number, chunk in enumerate(lots, start=1):
        lot = f"{number:04d}"
        add(layout.lot_header, account, lote=lot, operacao="R", servico="01",
            versao_layout_lote=layout.lot_version, numero_remessa=sequence_number,
            data_gravacao=today)
        in_lot = 0
        for item in chunk:
            code = command_code(layout.commands, item.command, layout.code, 240, len(lines) + 1)
            values = {**account, **item_values(item, today, code)}
            if layout.nosso_numero_with_dv:
                values["nosso_numero"] = item.nosso_numero + item.nosso_numero_dv
            segments = [layout.segment_p, layout.segment_q]
            if item.fine_bp:
                segments.append(layout.segment_r)
            for record in segments:
                in_lot += 1
                add(record, values, lote=lot, sequencial_lote=in_lot)
        add(layout.lot_trailer, {}, lote=lot, quantidade_registros=in_lot + 2)
    add(layout.file_trailer, {}, quantidade_lotes=len(lots), quantidade_registros=len(lines) + 1)
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def read(layout: Layout240, lines: list[str]) -> RemittanceFile:
    """A CNAB 240 remittance read back (for checks and tests): a title is its P segment with
    the Q/R/S segments after it merged in (P's fields win where names repeat)."""
    records = [fit_line(line, 240, n) for n, line in enumerate(lines, start=1)]
    segments = {"P": layout.segment_p, "Q": layout.segment_q, "R": layout.segment_r}
    header: Mapping[str, Value] = {}
    lot_header: Mapping[str, Value] = {}
    lot_trailer: Mapping[str, Value] = {}
    trailer: Mapping[str, Value] = {}
    details: list[dict[str, Value]] = []
    for n, line in enumerate(records, start=1):
        kind, segment = line[7], line[13]
        if trailer:
            raise CnabError(n, errors.AFTER_TRAILER)
        if kind == "0" and n == 1:
            header = read_record(layout.file_header, line, n)
        elif kind == "1":
            lot_header = read_record(layout.lot_header, line, n)
        elif kind == "3" and segment == "P":
            details.append(read_record(layout.segment_p, line, n))
        elif kind == "3" and details and segment in segments:
            for name, value in read_record(segments[segment], line, n).items():
                details[-1].setdefault(name, value)
        elif kind == "3" and details and segment in ("S", "Y"):
            continue  # messages and PIX data: not part of what we read back
        elif kind == "3":
            raise CnabError(n, errors.UNKNOWN_SEGMENT.format(segment=segment))
        elif kind == "5":
            lot_trailer = read_record(layout.lot_trailer, line, n)
        elif kind == "9":
            trailer = read_record(layout.file_trailer, line, n)
        else:
            raise CnabError(n, errors.UNKNOWN_RECORD.format(kind=kind))
    # A correspondent's file is one lot without a file header; it ends with its lot trailer.
    if not (trailer or (not header and lot_trailer)):
        raise CnabError(len(lines), errors.NO_TRAILER)
    return RemittanceFile(
        layout.code, "CNAB240", header or lot_header, tuple(details), trailer or lot_trailer,
        lot_header=lot_header, lot_trailer=lot_trailer,
    )
