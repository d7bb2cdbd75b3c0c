"""Santander's PIX records of a hybrid boleto: "8" after a remittance detail, "2" in a return.

Each follows the detail it belongs to; the return one is among the layout's `extra_records`.
"""

from __future__ import annotations

from contoffice.banking.cnab.banks.cnab400 import W, sequencial
from contoffice.banking.cnab.layout import Record, alpha, cents, const, num

# Tipo de chave DICT: 1 CPF, 2 CNPJ, 3 telefone, 4 e-mail, 5 chave aleatória.
REMITTANCE_PIX = Record("pix_remessa", W, (
    const("registro", 1, 1, "8"),
    # 00 as the beneficiary's profile, 01 any amount, 02 between min and max, 03 exact
    num("pix_tipo_pagamento", 2, 3),
    num("pix_quantidade_pagamentos", 4, 5),
    num("pix_tipo_valor", 6, 6),
    cents("pix_valor_maximo", 7, 19),
    num("pix_percentual_maximo", 20, 24),
    cents("pix_valor_minimo", 25, 37),
    num("pix_percentual_minimo", 38, 42),
    alpha("pix_tipo_chave", 43, 43),
    alpha("pix_chave", 44, 120),
    alpha("pix_txid", 121, 155),
    sequencial(),
))

RETURN_PIX = Record("pix_retorno", W, (
    const("registro", 1, 1, "2"),
    alpha("pix_tipo_chave", 2, 2),
    alpha("pix_chave", 3, 79),
    alpha("pix_txid", 80, 114),
    sequencial(),
))
