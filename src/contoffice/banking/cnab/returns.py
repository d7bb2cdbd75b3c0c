"""Return (retorno) files: what the bank says happened to each boleto, CNAB 400 or 240."""

from __future__ import annotations

from contoffice.banking.cnab import errors, returns240, returns400
from contoffice.banking.cnab.banks.registry import CNAB240
from contoffice.banking.cnab.engine import split_lines
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.model import ReturnEntry
from contoffice.banking.cnab.results import ReturnFile, ReturnRecord
from contoffice.banking.cnab.return_writer import write_return

__all__ = ["ReturnEntry", "ReturnFile", "ReturnRecord", "read_return", "write_return"]


def _is_240_header(line: str) -> bool:
    """A CNAB 240 file header: bank digits, lot 0000, record type 0."""
    return line[:3].isdigit() and line[3:8] == "00000"


def read_return(data: bytes) -> ReturnFile:
    """A CNAB 400 or 240 return file, format told by its first line and bank by its
    header, checked line by line; CnabError (line, pt-BR reason) otherwise."""
    lines = split_lines(data)
    if not lines:
        raise CnabError(1, errors.EMPTY_FILE)
    first = lines[0]
    if first[:7].isdigit() and first[7:9] == "1R":
        raise CnabError(1, errors.IS_A_REMITTANCE)  # a correspondent's lot-only remittance
    if _is_240_header(first):
        if len(first) > 240:
            raise CnabError(1, errors.WRONG_WIDTH.format(found=len(first), width=240))
        if first[142:143] == "1":
            raise CnabError(1, errors.IS_A_REMITTANCE)
        layout = CNAB240.get(first[:3])
        if layout is None:
            raise CnabError(1, errors.NO_RETURN_LAYOUT.format(code=first[:3], width=240))
        return returns240.read(layout, lines)
    # 400 columns, or fewer when the editor trimmed the blanks; 444 (Itaú) is not read.
    if len(first) > 400 or (len(first) < 400 and not first.startswith(("02", "01REMESSA"))):
        raise CnabError(1, errors.UNKNOWN_FORMAT.format(width=len(first)))
    return returns400.read(returns400.detect(first.ljust(400)), lines)
