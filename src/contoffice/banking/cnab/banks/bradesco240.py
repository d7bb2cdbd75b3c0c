"""Bradesco (237) CNAB 240: carteira and an 11-digit nosso número with its DV in 38-57."""

from __future__ import annotations

from contoffice.banking.cnab.bank240 import bank240
from contoffice.banking.cnab.layout import alpha, num
from contoffice.banking.cnab.layout240 import FILE_LOTS, FILE_RECORDS, LOT_RECORDS

LAYOUT_240 = bank240(
    "237", "Bradesco", "BRADESCO", ("084", "042"),
    p=(
        num("carteira_produto", 38, 40),
        num("reservado_banco", 41, 45),
        num("nosso_numero", 46, 56),
        alpha("nosso_numero_dv", 57, 57),  # may be "P"
        num("carteira", 58, 58, "1"),
    ),
    t=(
        num("carteira_produto", 38, 40),
        alpha("reservado_banco", 41, 45),
        alpha("nosso_numero", 46, 57),  # with its DV, as the CNAB 400 return gives it
    ),
    beneficiary_fields={"carteira": "", "carteira_produto": "wallet"},
    checks=frozenset({LOT_RECORDS, FILE_LOTS, FILE_RECORDS}),
)
