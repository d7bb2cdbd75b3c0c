"""CNAB 240 returns: file header, lots of T/U titles, file trailer, every count checked."""

from __future__ import annotations

from contoffice.banking.cnab import errors
from contoffice.banking.cnab.engine import fit_line, read_lenient, read_record
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.layout import Value
from contoffice.banking.cnab.layout240 import (
    FILE_LOTS,
    FILE_RECORDS,
    LOT_RECORDS,
    LOT_TITLES,
    Layout240,
)
from contoffice.banking.cnab.results import RecordBuilder, ReturnFile, cents, day, text

W = 240
PAYMENT_SEGMENTS = frozenset("ABCJNOZ")  # pagamentos: créditos, boletos pagos, tributos
OPTIONAL_SEGMENTS = frozenset("WY")  # complementary data (PIX, messages) of the title


class _Lot:
    """The running state of the lot being read."""

    def __init__(self, number: str) -> None:
        self.number = number
        self.lines = 1  # its header
        self.first_title = 0  # index of its first title in the file's list


def _count(values: dict[str, Value], name: str) -> int:
    """A numeric field as an int (0 when blank)."""
    return int(text(values, name) or 0)


def _close_lot(layout: Layout240, lot: _Lot, trailer: dict[str, Value],
               titles: list[dict[str, Value]], number: int) -> tuple[int, int]:
    """The lot trailer against the lot; the titles and total it declares."""
    if LOT_RECORDS in layout.checks and _count(trailer, "quantidade_registros") != lot.lines:
        raise CnabError(number, errors.TRAILER_RECORDS.format(
            declared=_count(trailer, "quantidade_registros"), found=lot.lines))
    declared = _count(trailer, "quantidade_titulos")
    total = cents(trailer, "valor_titulos")
    if LOT_TITLES in layout.checks:
        mine = titles[lot.first_title:]
        if declared != len(mine):
            raise CnabError(number, errors.TRAILER_COUNT.format(declared=declared,
                                                                found=len(mine)))
        found = sum(cents(t, "valor_titulo") for t in mine)
        if total != found:
            raise CnabError(number, errors.TRAILER_AMOUNT.format(declared=total, found=found))
    return declared, total


def read(layout: Layout240, lines: list[str]) -> ReturnFile:
    """A CNAB 240 return checked line by line; a title is its T and U segments merged
    (the fee is T's alone); CnabError otherwise."""
    # Headers are read loosely (the sample files shift their informational fields); the
    # lot header's operation says whether this is a return.
    header = read_lenient(layout.return_file_header, fit_line(lines[0], W, 1))
    bank, segment_t, segment_u = layout.code, layout.segment_t, layout.segment_u
    titles: list[dict[str, Value]] = []
    numbers: list[int] = []
    pending: dict[str, Value] | None = None
    pending_line = 0
    lot: _Lot | None = None
    lots = declared_count = declared_total = 0
    trailer: dict[str, Value] | None = None
    for number, raw in enumerate(lines[1:], start=2):
        if trailer is not None:
            raise CnabError(number, errors.AFTER_TRAILER)
        line = raw if len(raw) == W else fit_line(raw, W, number)
        if line[:3] != bank:
            raise CnabError(number, errors.OTHER_BANK.format(found=line[:3], expected=bank))
        kind = line[7]
        if kind == "3":
            if lot is None:
                raise CnabError(number, errors.OUTSIDE_LOT)
            if line[3:7] != lot.number:
                raise CnabError(number, errors.OTHER_LOT.format(found=line[3:7],
                                                                expected=lot.number))
            expected = f"{lot.lines:05d}"
            if line[8:13] != expected:
                raise CnabError(number, errors.BAD_SEQUENCE.format(found=line[8:13],
                                                                   expected=lot.lines))
            lot.lines += 1
            segment = line[13]
            if segment == "T":
                if pending is not None:
                    raise CnabError(number, errors.MISSING_SEGMENT.format(
                        segment="U", line=pending_line))
                pending, pending_line = read_record(segment_t, line, number), number
            elif segment == "U":
                if pending is None:
                    raise CnabError(number, errors.MISSING_SEGMENT.format(
                        segment="T", line=number))
                title = read_record(segment_u, line, number)
                title.update(pending)
                titles.append(title)
                numbers.append(pending_line)
                pending = None
            elif segment in PAYMENT_SEGMENTS:
                raise CnabError(number, errors.PAYMENTS_FILE)
            elif segment not in OPTIONAL_SEGMENTS:
                raise CnabError(number, errors.UNKNOWN_SEGMENT.format(segment=segment))
        elif kind == "1":
            if lot is not None:
                raise CnabError(number, errors.OPEN_LOT.format(lot=lot.number))
            if line[8] == "R":
                raise CnabError(number, errors.IS_A_REMITTANCE)
            if line[8] == "C" or line[9:11] != "01":
                raise CnabError(number, errors.PAYMENTS_FILE)
            if line[8] != "T":
                raise CnabError(number, errors.NOT_A_RETURN_240)
            lot = _Lot(line[3:7])
            lot.first_title = len(titles)
        elif kind == "5":
            if lot is None:
                raise CnabError(number, errors.UNKNOWN_RECORD.format(kind=kind))
            if pending is not None:
                raise CnabError(number, errors.MISSING_SEGMENT.format(
                    segment="U", line=pending_line))
            lot.lines += 1
            count, total = _close_lot(layout, lot, read_record(layout.lot_trailer, line, number),
                                      titles, number)
            declared_count, declared_total = declared_count + count, declared_total + total
            lot, lots = None, lots + 1
        elif kind == "9":
            if lot is not None:
                raise CnabError(number, errors.OPEN_LOT.format(lot=lot.number))
            trailer = read_record(layout.file_trailer, line, number)
            if FILE_LOTS in layout.checks and _count(trailer, "quantidade_lotes") != lots:
                raise CnabError(number, errors.TRAILER_LOTS.format(
                    declared=_count(trailer, "quantidade_lotes"), found=lots))
            if FILE_RECORDS in layout.checks and _count(trailer, "quantidade_registros") != number:
                raise CnabError(number, errors.TRAILER_RECORDS.format(
                    declared=_count(trailer, "quantidade_registros"), found=number))
        else:
            raise CnabError(number, errors.UNKNOWN_RECORD.format(kind=kind))
    if trailer is None:
        raise CnabError(len(lines), errors.NO_TRAILER)
    titled = LOT_TITLES in layout.checks
    return ReturnFile(
        bank=layout.code,
        bank_name=layout.name,
        file_format="CNAB240",
        agreement=text(header, "convenio"),
        agency=text(header, "agencia"),
        account=text(header, "conta"),
        generated_on=day(header, "data_geracao"),
        records=tuple(map(RecordBuilder(layout, [segment_t, segment_u]).build, titles, numbers)),
        header=header,
        trailer=trailer,
        declared_count=declared_count if titled else None,
        declared_total_cents=declared_total if titled else None,
    )
