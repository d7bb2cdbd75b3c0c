"""Remittance (remessa) files: the boletos a bank is asked to register, CNAB 400 or 240."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from contoffice.banking.cnab import errors, remittance240, remittance400
from contoffice.banking.cnab.banks.registry import CNAB240, CNAB400
from contoffice.banking.cnab.engine import split_lines
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.model import Beneficiary, RemittanceItem
from contoffice.banking.cnab.results import RemittanceFile

__all__ = ["RemittanceFile", "RemittanceItem", "read_remittance", "write_remittance"]


def write_remittance(
    beneficiary: Beneficiary,
    sequence_number: int,
    items: Sequence[RemittanceItem],
    generated_on: date | None = None,
) -> bytes:
    """The bytes of a remittance in the beneficiary's bank and format (CRLF, ASCII)."""
    today = generated_on or date.today()
    bank = beneficiary.bank
    if beneficiary.file_format == "400":
        layout = CNAB400.get(bank)
        if layout is None:
            raise CnabError(0, errors.UNKNOWN_REMITTANCE_BANK.format(code=bank, width=400))
        return remittance400.write(layout, beneficiary, sequence_number, items, today)
    if beneficiary.file_format == "240":
        layout240 = CNAB240.get(bank)
        if layout240 is None:
            raise CnabError(0, errors.UNKNOWN_REMITTANCE_BANK.format(code=bank, width=240))
        return remittance240.write(layout240, beneficiary, sequence_number, items, today)
    raise CnabError(0, errors.UNKNOWN_LAYOUT.format(file_format=beneficiary.file_format))


def read_remittance(data: bytes) -> RemittanceFile:
    """A remittance read back with its own layout (for checks and tests)."""
    lines = split_lines(data)
    if not lines:
        raise CnabError(1, errors.EMPTY_FILE)
    first = lines[0]
    if len(first) <= 240 and first[:3].isdigit() and first[7:8] in ("0", "1"):
        # A file header, or a lot header where a correspondent's file has none.
        layout240 = CNAB240.get(first[:3])
        if layout240 is None:
            raise CnabError(1, errors.UNKNOWN_REMITTANCE_BANK.format(code=first[:3], width=240))
        if first[7:8] == "1" and layout240.correspondent is not None:
            layout240 = layout240.correspondent
        return remittance240.read(layout240, lines)
    if len(first) > 400:
        raise CnabError(1, errors.UNKNOWN_FORMAT.format(width=len(first)))
    code = first.ljust(400)[76:79]
    layout = CNAB400.get(code)
    if layout is None:
        raise CnabError(1, errors.UNKNOWN_REMITTANCE_BANK.format(code=code, width=400))
    return remittance400.read(layout, lines)
