"""Caixa (104) CNAB 240 SIGCB: the 6-digit código do beneficiário, 15-digit nosso número."""

from __future__ import annotations

from contoffice.banking.cnab.bank240 import bank240
from contoffice.banking.cnab.layout import alpha, num
from contoffice.banking.cnab.layout240 import FILE_LOTS, FILE_RECORDS, LOT_RECORDS

LAYOUT_240 = bank240(
    "104", "Caixa", "CAIXA ECONOMICA FEDERAL", ("050", "030"),
    file_header=(
        num("reservado_caixa", 33, 52),
        num("agencia", 53, 57),
        alpha("agencia_dv", 58, 58),
        num("convenio", 59, 64),
        num("reservado_caixa2", 65, 72),
    ),
    lot_header=(
        num("convenio", 34, 39),
        num("reservado_caixa", 40, 53),
        num("agencia", 54, 58),
        alpha("agencia_dv", 59, 59),
        num("convenio_banco", 60, 65),
        num("modelo_boleto", 66, 72),
        num("reservado_caixa2", 73, 73),
    ),
    p=(
        num("convenio", 24, 29),
        num("reservado_caixa", 30, 40),
        num("modalidade_nosso_numero", 41, 42, "14"),  # registrada, emitida pelo beneficiário
        num("nosso_numero", 43, 57),
        alpha("numero_documento", 63, 73),
        alpha("reservado_caixa2", 74, 77),
    ),
    t=(
        num("convenio", 24, 29),
        alpha("reservado_caixa", 30, 39),
        alpha("nosso_numero", 40, 56),  # modalidade 2 + nosso número 15
        alpha("reservado_caixa2", 57, 57),
        alpha("numero_documento", 59, 69),
        alpha("reservado_caixa3", 70, 73),
    ),
    beneficiary_fields={"convenio_banco": "agreement"},
    checks=frozenset({LOT_RECORDS, FILE_LOTS, FILE_RECORDS}),
)
