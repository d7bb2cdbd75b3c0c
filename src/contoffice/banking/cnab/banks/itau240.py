"""Itaú (341) CNAB 240: agência 4 and conta 5 with zeros between, carteira and nosso número
8 + DAC in 38-49; the occurrence codes are those of its CNAB 400."""

from __future__ import annotations

from contoffice.banking.cnab.bank240 import bank240
from contoffice.banking.cnab.banks.itau_codes import COMMANDS, OCCURRENCES
from contoffice.banking.cnab.layout import Field, alpha, num
from contoffice.banking.cnab.layout240 import FILE_LOTS, FILE_RECORDS, LOT_RECORDS


def _account(start: int) -> tuple[Field, ...]:
    """0 + agência 4, blank, 7 zeros, conta 5, blank, DAC: 20 columns from `start`."""
    return (
        num("zero_agencia", start, start),
        num("agencia", start + 1, start + 4),
        alpha("reservado_agencia", start + 5, start + 5),
        num("zeros_conta", start + 6, start + 12),
        num("conta", start + 13, start + 17),
        alpha("reservado_conta", start + 18, start + 18),
        alpha("conta_dv", start + 19, start + 19),
    )


LAYOUT_240 = bank240(
    "341", "Itaú", "BANCO ITAU SA", ("040", "030"),
    # Itaú leaves the convênio columns blank: the account identifies the beneficiary.
    file_header=(alpha("reservado_convenio", 33, 52), *_account(53)),
    lot_header=(alpha("reservado_convenio", 34, 53), *_account(54)),
    p=(
        *_account(18),
        num("carteira", 38, 40),
        num("nosso_numero", 41, 48),
        num("nosso_numero_dv", 49, 49),
        alpha("reservado_banco", 50, 57),
        num("zeros_documento", 58, 62),
        alpha("numero_documento", 63, 72),
        alpha("reservado_banco2", 73, 77),
    ),
    t=(
        *_account(18),
        num("carteira", 38, 40),
        num("nosso_numero", 41, 48),
        alpha("nosso_numero_dv", 49, 49),
        alpha("reservado_banco", 50, 58),
        alpha("numero_documento", 59, 68),
        alpha("reservado_banco2", 69, 73),
        alpha("pagador_nome", 149, 178),
        alpha("reservado_banco3", 179, 188),
        alpha("motivos", 214, 221),
        alpha("codigo_liquidacao", 222, 223),
    ),
    occurrences=OCCURRENCES,
    commands=COMMANDS,
    # Itaú's own carteira (109, 112…) where FEBRABAN has its one-digit kind.
    beneficiary_fields={"carteira": "wallet"},
    checks=frozenset({LOT_RECORDS, FILE_LOTS, FILE_RECORDS}),
)
