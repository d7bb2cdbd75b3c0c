"""What every bank's CNAB 400 shares (the FEBRABAN frame): header openings, trailer, numbering.

Each bank's module adds its own fields between these; the positions here are the
ones every CNAB 400 bank keeps.
"""

from __future__ import annotations

from contoffice.banking.cnab.layout import Field, Record, alpha, const, ddmmyy, num

W = 400


def sequencial() -> Field:
    """The record's number in the file (1, 2, 3 …), in the last six columns."""
    return num("sequencial", 395, 400)


def remittance_header_opening() -> tuple[Field, ...]:
    """0 1 REMESSA 01 COBRANCA: a remittance header's first 26 columns."""
    return (
        const("registro", 1, 1, "0"),
        const("operacao", 2, 2, "1"),
        const("literal_remessa", 3, 9, "REMESSA"),
        const("servico", 10, 11, "01"),
        const("literal_servico", 12, 26, "COBRANCA"),
    )


def return_header_opening() -> tuple[Field, ...]:
    """0 2 RETORNO 01 COBRANCA: a return header's first 26 columns, as the bank wrote them."""
    return (
        const("registro", 1, 1, "0"),
        const("operacao", 2, 2, "2"),
        alpha("literal_retorno", 3, 9),
        num("servico", 10, 11),
        alpha("literal_servico", 12, 26),
    )


def bank_identity() -> tuple[Field, ...]:
    """The office's name, the bank's code and name and the file's date (columns 47-100)."""
    return (
        alpha("empresa_nome", 47, 76),
        num("banco", 77, 79),
        alpha("banco_nome", 80, 94),
        ddmmyy("data_geracao", 95, 100),
    )


REMITTANCE_TRAILER = Record("trailer_remessa", W, (const("registro", 1, 1, "9"), sequencial()))
