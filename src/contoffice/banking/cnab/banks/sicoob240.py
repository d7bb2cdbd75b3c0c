"""Sicoob (756) CNAB 240: nosso número 10 with its DV, then parcela, modalidade, formulário;
and its remittances as Banco do Brasil's correspondent (read back only)."""

from __future__ import annotations

from contoffice.banking.cnab.bank240 import bank240
from contoffice.banking.cnab.layout import alpha, cents, ddmmyyyy, num
from contoffice.banking.cnab.layout240 import FILE_LOTS, FILE_RECORDS, LOT_RECORDS

# One lot, no file header or trailer, the account and nosso número in BB's fashion.
CORRESPONDENT_BB = bank240(
    "756", "Sicoob (correspondente BB)", "SICOOB", ("000", "000"),
    lot_header=(
        num("reservado_1", 10, 16),
        alpha("reservado_2", 17, 18),
        num("agencia", 19, 22),
        num("codigo_cobranca", 23, 29),
        num("conta", 30, 39),
        alpha("conta_dv", 40, 40),
        alpha("reservado_3", 41, 70),
        alpha("empresa_nome", 71, 100),
        alpha("reservado_4", 101, 180),
        num("numero_remessa", 181, 188),
        ddmmyyyy("data_gravacao", 189, 196),
        num("reservado_5", 197, 207),
    ),
    p=(
        alpha("reservado_1", 18, 40),
        alpha("nosso_numero", 41, 57),  # convênio 10 + nosso número 7
        num("carteira", 58, 58, "1"),  # 1: cobrança simples com registro
        num("tipo_documento", 59, 60),
        num("emissao_boleto", 61, 61),
        alpha("reservado_2", 62, 62),
        num("numero_documento", 63, 77),
        num("reservado_3", 101, 106),
        alpha("aceite", 107, 107),
        alpha("reservado_4", 108, 109),
        cents("juros_dia", 119, 133),
        num("reservado_5", 134, 142),
        alpha("reservado_6", 166, 180),
        num("reservado_7", 224, 227),
    ),
    q=(
        num("pagador_tipo_inscricao", 18, 19),
        num("pagador_documento", 20, 33),
        num("sacador_tipo_inscricao", 154, 155),
        num("sacador_documento", 156, 169),
        alpha("reservado_1", 210, 240),
    ),
    lot_trailer=(
        num("quantidade_lotes", 18, 23),
        cents("valor_titulos", 24, 40),
        num("reservado_1", 41, 46),
        alpha("reservado_2", 47, 240),
    ),
)

LAYOUT_240 = bank240(
    "756", "Sicoob", "SICOOB", ("081", "040"),
    p=(
        num("nosso_numero", 38, 47),
        num("parcela", 48, 49, "01"),
        num("modalidade", 50, 51, "01"),
        num("tipo_formulario", 52, 52, "4"),  # A4 sem envelopamento
        alpha("reservado_banco", 53, 57),
    ),
    t=(
        alpha("nosso_numero", 38, 47),
        alpha("parcela", 48, 49),
        alpha("modalidade", 50, 51),
        alpha("tipo_formulario", 52, 52),
        alpha("reservado_banco", 53, 57),
    ),
    beneficiary_fields={"modalidade": "modality"},
    # The sample return leaves the lot's title totals at zero.
    checks=frozenset({LOT_RECORDS, FILE_LOTS, FILE_RECORDS}),
    nosso_numero_with_dv=True,
    correspondent=CORRESPONDENT_BB,
)
