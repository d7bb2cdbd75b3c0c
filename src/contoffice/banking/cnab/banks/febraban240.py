"""The FEBRABAN CNAB 240 cobrança frame (v. 087/040), stated once.

Header 0, lot header 1, details 3 (segments P/Q/R out, T/U back), lot trailer 5, file
trailer 9. A bank's module gives only what it does differently (`cnab.bank240.bank240`):
fields that replace the frame's where they overlap, its layout versions and name.
Positions are 1-based.
"""

from __future__ import annotations

from contoffice.banking.cnab.layout import Field, Record, alpha, cents, const, ddmmyyyy, num

W = 240


def _opening(kind: str, segment: str = "") -> tuple[Field, ...]:
    """Bank, lot, record type (and for details: number in the lot, segment, movement)."""
    lot = {"0": "0000", "9": "9999"}.get(kind)
    head = (
        num("banco", 1, 3),
        const("lote", 4, 7, lot) if lot else num("lote", 4, 7),
        const("registro", 8, 8, kind),
    )
    if not segment:
        return head
    return (*head, num("sequencial_lote", 9, 13), const("segmento", 14, 14, segment),
            num("ocorrencia", 16, 17))


def _account(start: int) -> tuple[Field, ...]:
    """Agência 5 + DV, conta 12 + DV, DV of both: 20 columns from `start`."""
    return (
        num("agencia", start, start + 4),
        alpha("agencia_dv", start + 5, start + 5),
        num("conta", start + 6, start + 17),
        alpha("conta_dv", start + 18, start + 18),
        alpha("agencia_conta_dv", start + 19, start + 19),
    )


FILE_HEADER = Record("header_arquivo", W, (
    *_opening("0"),
    num("empresa_tipo_inscricao", 18, 18),
    num("empresa_documento", 19, 32),
    alpha("convenio", 33, 52),
    *_account(53),
    alpha("empresa_nome", 73, 102),
    alpha("banco_nome", 103, 132),
    num("codigo_arquivo", 143, 143),  # 1 remessa, 2 retorno
    ddmmyyyy("data_geracao", 144, 151),
    num("hora_geracao", 152, 157),
    num("sequencial_arquivo", 158, 163),
    num("versao_layout", 164, 166),
    num("densidade", 167, 171),
    alpha("reservado_banco", 172, 191),
    alpha("reservado_empresa", 192, 211),
))

LOT_HEADER = Record("header_lote", W, (
    *_opening("1"),
    alpha("operacao", 9, 9),  # R remessa, T retorno
    num("servico", 10, 11, "01"),  # 01 cobrança
    num("versao_layout_lote", 14, 16),
    num("empresa_tipo_inscricao", 18, 18),
    num("empresa_documento", 19, 33),
    alpha("convenio", 34, 53),
    *_account(54),
    alpha("empresa_nome", 74, 103),
    alpha("mensagem1", 104, 143),
    alpha("mensagem2", 144, 183),
    num("numero_remessa", 184, 191),
    ddmmyyyy("data_gravacao", 192, 199),
    ddmmyyyy("data_credito", 200, 207),
))

SEGMENT_P = Record("segmento_p", W, (
    *_opening("3", "P"),
    *_account(18),
    alpha("nosso_numero", 38, 57),
    # FEBRABAN's kind of collection (1 simples), not the bank's own carteira (17, 109…).
    num("carteira", 58, 58, "1"),
    num("forma_cadastramento", 59, 59, "1"),
    alpha("tipo_documento", 60, 60, "1"),
    num("emissao_boleto", 61, 61, "2"),  # 2: the beneficiary prints
    alpha("distribuicao", 62, 62, "2"),
    alpha("numero_documento", 63, 77),
    ddmmyyyy("vencimento", 78, 85),
    cents("valor", 86, 100),
    num("agencia_cobradora", 101, 105),
    alpha("agencia_cobradora_dv", 106, 106),
    num("especie", 107, 108, "02"),  # duplicata mercantil
    alpha("aceite", 109, 109, "N"),
    ddmmyyyy("emissao", 110, 117),
    num("juros_codigo", 118, 118),
    ddmmyyyy("juros_data", 119, 126),
    cents("juros_dia", 127, 141),
    num("desconto_codigo", 142, 142),
    ddmmyyyy("desconto_ate", 143, 150),
    cents("desconto", 151, 165),
    cents("iof", 166, 180),
    cents("abatimento", 181, 195),
    alpha("uso_empresa", 196, 220),
    num("protesto_codigo", 221, 221),
    num("prazo_protesto", 222, 223),
    num("baixa_codigo", 224, 224),
    alpha("prazo_baixa", 225, 227),
    num("moeda", 228, 229, "09"),
    num("contrato", 230, 239),
))

SEGMENT_Q = Record("segmento_q", W, (
    *_opening("3", "Q"),
    num("pagador_tipo_inscricao", 18, 18),
    num("pagador_documento", 19, 33),
    alpha("pagador_nome", 34, 73),
    alpha("pagador_endereco", 74, 113),
    alpha("pagador_bairro", 114, 128),
    num("pagador_cep", 129, 136),
    alpha("pagador_cidade", 137, 151),
    alpha("pagador_uf", 152, 153),
    num("sacador_tipo_inscricao", 154, 154),
    num("sacador_documento", 155, 169),
    alpha("sacador_nome", 170, 209),
    num("banco_correspondente", 210, 212),
    alpha("nosso_numero_correspondente", 213, 232),
))

SEGMENT_R = Record("segmento_r", W, (
    *_opening("3", "R"),
    num("desconto2_codigo", 18, 18),
    ddmmyyyy("desconto2_data", 19, 26),
    cents("desconto2", 27, 41),
    num("desconto3_codigo", 42, 42),
    ddmmyyyy("desconto3_data", 43, 50),
    cents("desconto3", 51, 65),
    num("multa_codigo", 66, 66),  # 2: percentage
    ddmmyyyy("multa_data", 67, 74),
    num("multa_percentual", 75, 89),  # two decimals: 200 is 2,00 %
    alpha("informacao_pagador", 90, 99),
    alpha("mensagem3", 100, 139),
    alpha("mensagem4", 140, 179),
))

SEGMENT_T = Record("segmento_t", W, (
    *_opening("3", "T"),
    *_account(18),
    alpha("nosso_numero", 38, 57),
    alpha("carteira", 58, 58),
    alpha("numero_documento", 59, 73),
    ddmmyyyy("vencimento", 74, 81),
    cents("valor_titulo", 82, 96),
    num("banco_cobrador", 97, 99),
    num("agencia_cobradora", 100, 104),
    alpha("agencia_cobradora_dv", 105, 105),
    alpha("uso_empresa", 106, 130),
    num("moeda", 131, 132),
    num("pagador_tipo_inscricao", 133, 133),
    num("pagador_documento", 134, 148),
    alpha("pagador_nome", 149, 188),
    num("contrato", 189, 198),
    cents("tarifa", 199, 213),  # the fee is T's alone (U has none)
    alpha("motivos", 214, 223),
))

SEGMENT_U = Record("segmento_u", W, (
    *_opening("3", "U"),
    cents("juros", 18, 32),  # juros, multa and other charges together
    cents("desconto", 33, 47),
    cents("abatimento", 48, 62),
    cents("iof", 63, 77),
    cents("valor_pago", 78, 92),
    cents("valor_liquido", 93, 107),
    cents("outras_despesas", 108, 122),
    cents("outros_creditos", 123, 137),
    ddmmyyyy("data_ocorrencia", 138, 145),
    ddmmyyyy("data_credito", 146, 153),
    alpha("ocorrencia_pagador", 154, 157),
    ddmmyyyy("data_ocorrencia_pagador", 158, 165),
    cents("valor_ocorrencia_pagador", 166, 180),
    alpha("complemento_ocorrencia_pagador", 181, 210),
    num("banco_correspondente", 211, 213),
    alpha("nosso_numero_correspondente", 214, 233),
))

LOT_TRAILER = Record("trailer_lote", W, (
    *_opening("5"),
    num("quantidade_registros", 18, 23),
    num("quantidade_titulos", 24, 29),  # cobrança simples
    cents("valor_titulos", 30, 46),
    num("quantidade_vinculada", 47, 52),
    cents("valor_vinculada", 53, 69),
    num("quantidade_caucionada", 70, 75),
    cents("valor_caucionada", 76, 92),
    num("quantidade_descontada", 93, 98),
    cents("valor_descontada", 99, 115),
    alpha("numero_aviso", 116, 123),
))

FILE_TRAILER = Record("trailer_arquivo", W, (
    *_opening("9"),
    num("quantidade_lotes", 18, 23),
    num("quantidade_registros", 24, 29),
    num("quantidade_contas", 30, 35),
))
