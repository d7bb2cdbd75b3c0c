"""Itaú (341) CNAB 400 cobrança: remittance and return records, occurrence codes."""

from __future__ import annotations

from contoffice.banking.cnab.banks.cnab400 import (
    REMITTANCE_TRAILER,
    W,
    bank_identity,
    remittance_header_opening,
    return_header_opening,
    sequencial,
)
from contoffice.banking.cnab.layout import (
    BankLayout,
    Occurrence,
    Record,
    TrailerCheck,
    alpha,
    cents,
    const,
    ddmmyy,
    num,
)

REMITTANCE_HEADER = Record("header_remessa", W, (
    *remittance_header_opening(),
    num("agencia", 27, 30),
    num("zeros", 31, 32),
    num("conta", 33, 37),
    num("dac", 38, 38),
    alpha("empresa_nome", 47, 76),
    const("banco", 77, 79, "341"),
    const("banco_nome", 80, 94, "BANCO ITAU SA"),
    ddmmyy("data_geracao", 95, 100),
    sequencial(),
))

REMITTANCE_DETAIL = Record("detalhe_remessa", W, (
    const("registro", 1, 1, "1"),
    num("empresa_tipo_inscricao", 2, 3),
    num("empresa_documento", 4, 17),
    num("agencia", 18, 21),
    num("zeros", 22, 23),
    num("conta", 24, 28),
    num("dac", 29, 29),
    num("instrucao_cancelada", 34, 37),
    alpha("uso_empresa", 38, 62),
    num("nosso_numero", 63, 70),
    num("quantidade_moeda", 71, 83),
    num("carteira", 84, 86),
    alpha("carteira_codigo", 108, 108, "I"),
    num("ocorrencia", 109, 110, "01"),
    alpha("numero_documento", 111, 120),
    ddmmyy("vencimento", 121, 126),
    cents("valor", 127, 139),
    const("banco", 140, 142, "341"),
    num("agencia_cobradora", 143, 147),
    num("especie", 148, 149, "01"),
    alpha("aceite", 150, 150, "N"),
    ddmmyy("emissao", 151, 156),
    alpha("instrucao1", 157, 158),
    alpha("instrucao2", 159, 160),
    cents("juros_dia", 161, 173),
    ddmmyy("desconto_ate", 174, 179),
    cents("desconto", 180, 192),
    cents("iof", 193, 205),
    cents("abatimento", 206, 218),
    num("pagador_tipo_inscricao", 219, 220),
    num("pagador_documento", 221, 234),
    alpha("pagador_nome", 235, 264),
    alpha("pagador_endereco", 275, 314),
    alpha("pagador_bairro", 315, 326),
    num("pagador_cep", 327, 334),
    alpha("pagador_cidade", 335, 349),
    alpha("pagador_uf", 350, 351),
    alpha("sacador", 352, 381),
    ddmmyy("data_mora", 386, 391),
    num("prazo", 392, 393),
    sequencial(),
))

RETURN_HEADER = Record("header_retorno", W, (
    *return_header_opening(),
    num("agencia", 27, 30),
    num("conta", 33, 37),
    num("dac", 38, 38),
    *bank_identity(),
    num("sequencial_retorno", 109, 113),
    ddmmyy("data_credito", 114, 119),
    sequencial(),
))

RETURN_DETAIL = Record("detalhe_retorno", W, (
    const("registro", 1, 1, "1"),
    num("empresa_tipo_inscricao", 2, 3),
    num("empresa_documento", 4, 17),
    num("agencia", 18, 21),
    num("conta", 24, 28),
    num("dac", 29, 29),
    alpha("uso_empresa", 38, 62),
    num("nosso_numero", 63, 70),
    num("carteira", 83, 85),
    alpha("nosso_numero_dv", 94, 94),
    alpha("carteira_codigo", 108, 108),
    num("ocorrencia", 109, 110),
    ddmmyy("data_ocorrencia", 111, 116),
    alpha("numero_documento", 117, 126),
    ddmmyy("vencimento", 147, 152),
    cents("valor_titulo", 153, 165),
    num("banco_cobrador", 166, 168),
    cents("tarifa", 176, 188),
    cents("iof", 215, 227),
    cents("abatimento", 228, 240),
    cents("desconto", 241, 253),
    cents("valor_pago", 254, 266),
    cents("juros", 267, 279),  # Itaú sends interest and fine summed in one field
    cents("outros_creditos", 280, 292),
    ddmmyy("data_credito", 296, 301),
    alpha("pagador_nome", 325, 354),
    alpha("motivos", 378, 385),
    alpha("codigo_liquidacao", 393, 394),
    sequencial(),
))

RETURN_TRAILER = Record("trailer_retorno", W, (
    const("registro", 1, 1, "9"),
    const("operacao", 2, 2, "2"),
    num("banco", 5, 7),
    num("quantidade_detalhes", 213, 220),
    cents("valor_detalhes", 221, 234),
    sequencial(),
))

Oc = Occurrence
OCCURRENCES = {
    "02": Oc.ENTRADA_CONFIRMADA,
    "03": Oc.REJEITADA,
    "06": Oc.LIQUIDACAO,
    "07": Oc.LIQUIDACAO,  # parcial
    "08": Oc.LIQUIDACAO,  # em cartório
    "09": Oc.BAIXA,
    "10": Oc.BAIXA,  # simples
    "11": Oc.OUTROS,  # em ser
    "15": Oc.REJEITADA,  # baixas rejeitadas
    "16": Oc.REJEITADA,  # instruções rejeitadas
    "17": Oc.REJEITADA,  # alteração de dados rejeitada
    "18": Oc.TARIFA,  # cobrança contratual
    "19": Oc.PROTESTO,  # instrução de protesto confirmada
    "20": Oc.PROTESTO,  # sustação de protesto confirmada
    "23": Oc.PROTESTO,  # remessa a cartório
    "24": Oc.REJEITADA,  # instrução de protesto rejeitada
    "25": Oc.BAIXA,  # protestado e baixado
    "28": Oc.TARIFA,  # débito de tarifas/custas
    "29": Oc.TARIFA,  # tarifa de mensageria
    "32": Oc.PROTESTO,  # baixa por ter sido protestado
    "33": Oc.TARIFA,  # custas de protesto
    "34": Oc.TARIFA,  # custas de sustação
    "35": Oc.TARIFA,  # custas de cartório distribuidor
    "36": Oc.TARIFA,  # custas de edital
    "47": Oc.BAIXA,  # baixa com transferência para desconto
    "54": Oc.TARIFA,  # tarifa mensal por baixas da carteira
    "57": Oc.REJEITADA,  # instrução cancelada
    "59": Oc.BAIXA,  # baixa por crédito em c/c
    "72": Oc.BAIXA,  # baixa por crédito em c/c através do SISPAG
}

LAYOUT = BankLayout(
    code="341",
    name="Itaú",
    width=W,
    remittance_header=REMITTANCE_HEADER,
    remittance_detail=REMITTANCE_DETAIL,
    remittance_trailer=REMITTANCE_TRAILER,
    return_header=RETURN_HEADER,
    return_detail=RETURN_DETAIL,
    return_trailer=RETURN_TRAILER,
    occurrences=OCCURRENCES,
    trailer_checks=(
        TrailerCheck("quantidade_detalhes"),
        TrailerCheck("valor_detalhes", amount_field="valor_titulo"),
    ),
)
