"""Santander (033) CNAB 240: código de transmissão in the headers, every field of T shifted."""

from __future__ import annotations

from contoffice.banking.cnab.bank240 import bank240
from contoffice.banking.cnab.layout import alpha, cents, ddmmyyyy, num
from contoffice.banking.cnab.layout240 import FILE_LOTS, FILE_RECORDS

LAYOUT_240 = bank240(
    "033", "Santander", "BANCO SANTANDER", ("040", "030"),
    file_header=(
        num("empresa_tipo_inscricao", 17, 17),
        num("empresa_documento", 18, 32),
        num("convenio", 33, 47),  # código de transmissão
        alpha("reservado_banco_1", 48, 72),
    ),
    lot_header=(
        alpha("reservado_banco_1", 34, 53),
        num("convenio", 54, 68),
        alpha("reservado_banco_2", 69, 73),
    ),
    return_file_header=(
        num("empresa_tipo_inscricao", 17, 17),
        num("empresa_documento", 18, 32),
        num("agencia", 33, 36),
        alpha("agencia_dv", 37, 37),
        num("conta", 38, 46),
        alpha("conta_dv", 47, 47),
        alpha("reservado_banco_1", 48, 52),
        num("convenio", 53, 61),  # código do beneficiário
        alpha("reservado_banco_2", 62, 72),
    ),
    return_lot_header=(
        num("convenio", 34, 42),
        alpha("reservado_banco_1", 43, 53),
        num("agencia", 54, 57),
        alpha("agencia_dv", 58, 58),
        num("conta", 59, 67),
        alpha("conta_dv", 68, 68),
        alpha("reservado_banco_2", 69, 73),
    ),
    p=(
        num("agencia", 18, 21),
        alpha("agencia_dv", 22, 22),
        num("conta", 23, 31),
        alpha("conta_dv", 32, 32),
        num("conta_cobranca", 33, 41),
        alpha("conta_cobranca_dv", 42, 42),
        alpha("reservado_banco_1", 43, 44),
        num("nosso_numero", 45, 57),  # 12 + DV
        num("carteira", 58, 58, "5"),  # 5: cobrança simples rápida com registro (101)
        alpha("reservado_banco_2", 61, 62),
    ),
    t=(
        num("agencia", 18, 21),
        alpha("agencia_dv", 22, 22),
        num("conta", 23, 31),
        alpha("conta_dv", 32, 32),
        alpha("reservado_banco_1", 33, 40),
        alpha("nosso_numero", 41, 53),
        alpha("carteira", 54, 54),
        alpha("numero_documento", 55, 69),
        ddmmyyyy("vencimento", 70, 77),
        cents("valor_titulo", 78, 92),
        num("banco_cobrador", 93, 95),
        num("agencia_cobradora", 96, 99),
        alpha("agencia_cobradora_dv", 100, 100),
        alpha("uso_empresa", 101, 125),
        num("moeda", 126, 127),
        num("pagador_tipo_inscricao", 128, 128),
        num("pagador_documento", 129, 143),
        alpha("pagador_nome", 144, 183),
        num("conta_cobranca", 184, 193),
        cents("tarifa", 194, 208),
        alpha("motivos", 209, 218),
    ),
    beneficiary_fields={"conta_cobranca": "account", "conta_cobranca_dv": "account_dv"},
    # The sample return's lot trailer does not count its own lines.
    checks=frozenset({FILE_LOTS, FILE_RECORDS}),
    nosso_numero_with_dv=True,
)
