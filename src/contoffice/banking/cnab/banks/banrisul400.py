"""Banrisul (041) CNAB 400 cobrança: remittance and return records, occurrence codes.

The código do beneficiário is 13 digits: agência (4), código (7) and the código's
"duplo dígito" (2), which the profile carries in `account_dv` as the boleto does.
"""

from __future__ import annotations

from contoffice.banking.cnab.banks.cnab400 import (
    W,
    bank_identity,
    return_amounts,
    return_header_opening,
    return_trailer_opening,
    sequencial,
)
from contoffice.banking.cnab.layout import (
    BankLayout,
    Field,
    Occurrence,
    Record,
    alpha,
    cents,
    const,
    ddmmyy,
    num,
)
from contoffice.banking.cnab.model import Command


def beneficiary_code(start: int) -> tuple[Field, ...]:
    """The 13-digit código do beneficiário from `start`: agência, código, duplo dígito."""
    return (
        num("agencia", start, start + 3),
        num("codigo_empresa", start + 4, start + 10),
        num("codigo_empresa_dv", start + 11, start + 12),
    )


REMITTANCE_HEADER = Record("header_remessa", W, (
    # Banrisul leaves 10-26 blank where the FEBRABAN frame writes "01COBRANCA".
    const("registro", 1, 1, "0"),
    const("operacao", 2, 2, "1"),
    const("literal_remessa", 3, 9, "REMESSA"),
    *beneficiary_code(27),
    alpha("empresa_nome", 47, 76),
    const("banco", 77, 79, "041"),
    const("banco_nome", 80, 94, "BANRISUL"),
    ddmmyy("data_geracao", 95, 100),
    sequencial(),
))

REMITTANCE_DETAIL = Record("detalhe_remessa", W, (
    const("registro", 1, 1, "1"),
    *beneficiary_code(18),
    alpha("uso_empresa", 38, 62),
    num("nosso_numero", 63, 70),
    num("nosso_numero_dv", 71, 72),  # the duplo dígito
    alpha("mensagem", 73, 104),
    # 1 cobrança simples; 3 caucionada, R/S/X desconto and vendor need more fields.
    alpha("carteira", 108, 108, "1"),
    num("ocorrencia", 109, 110, "01"),
    alpha("numero_documento", 111, 120),
    ddmmyy("vencimento", 121, 126),
    cents("valor", 127, 139),
    const("banco_cobranca", 140, 142, "041"),
    num("tipo_cobranca", 148, 149, "08"),  # 08: credenciada (the office prints)
    alpha("aceite", 150, 150, "N"),
    ddmmyy("emissao", 151, 156),
    num("instrucao1", 157, 158),
    num("instrucao2", 159, 160),
    num("juros_tipo", 161, 161, "0"),  # 0: an amount per day, 1: a monthly rate
    cents("juros_dia", 162, 173),
    ddmmyy("desconto_ate", 174, 179),
    cents("desconto", 180, 192),
    cents("iof", 193, 205),
    cents("abatimento", 206, 218),
    num("pagador_tipo_inscricao", 219, 220),
    num("pagador_documento", 221, 234),
    alpha("pagador_nome", 235, 269),
    alpha("pagador_endereco", 275, 314),
    num("multa_decimos", 322, 324),  # percent with one decimal: 020 is 2,0 %
    num("multa_dias", 325, 326),
    num("pagador_cep", 327, 334),
    alpha("pagador_cidade", 335, 349),
    alpha("pagador_uf", 350, 351),
    num("taxa_antecipacao", 352, 355),
    cents("valor_base_desconto", 357, 369),
    num("prazo_protesto", 370, 371),  # days for instrução 09 (protesto) or 15 (devolução)
    sequencial(),
))

REMITTANCE_TRAILER = Record("trailer_remessa", W, (
    const("registro", 1, 1, "9"),
    cents("valor_total", 28, 40),
    sequencial(),
))

RETURN_HEADER = Record("header_retorno", W, (
    *return_header_opening(),
    *beneficiary_code(27),
    *bank_identity(),
    sequencial(),
))

RETURN_DETAIL = Record("detalhe_retorno", W, (
    const("registro", 1, 1, "1"),
    num("empresa_tipo_inscricao", 2, 3),
    num("empresa_documento", 4, 17),
    *beneficiary_code(18),
    alpha("uso_empresa", 38, 62),
    num("nosso_numero", 63, 70),
    num("nosso_numero_dv", 71, 72),  # the duplo dígito, apart as the invoice keeps none
    alpha("carteira", 108, 108),
    num("ocorrencia", 109, 110),
    ddmmyy("data_ocorrencia", 111, 116),
    alpha("numero_documento", 117, 126),
    ddmmyy("vencimento", 147, 152),
    cents("valor_titulo", 153, 165),
    num("banco_cobrador", 166, 168),
    num("agencia_cobradora", 169, 172),
    alpha("agencia_cobradora_dv", 173, 173),
    num("especie", 174, 175),
    cents("tarifa", 176, 188),
    cents("outras_despesas", 189, 201),
    *return_amounts(),
    cents("multa", 280, 292),
    ddmmyy("data_credito", 296, 301),
    alpha("motivos", 383, 392),
    sequencial(),
))

RETURN_TRAILER = Record("trailer_retorno", W, (
    *return_trailer_opening(),
    num("servico", 3, 4, "01"),
    num("banco", 5, 7, "041"),
    num("quantidade_simples", 18, 25),
    cents("valor_simples", 26, 39),
    num("aviso_simples", 40, 47),
    sequencial(),
))

Oc = Occurrence
OCCURRENCES = {
    "02": Oc.ENTRADA_CONFIRMADA,
    "03": Oc.REJEITADA,  # reasons in 383-392
    "04": Oc.BAIXA,  # título liquidado por edital
    "06": Oc.LIQUIDACAO,
    "07": Oc.LIQUIDACAO,  # parcial
    "08": Oc.LIQUIDACAO,  # pelo saldo, com baixa
    "09": Oc.BAIXA,  # devolução automática
    "10": Oc.BAIXA,  # conforme instrução
    "11": Oc.OUTROS,  # arquivo levantamento (em ser)
    "12": Oc.OUTROS,  # abatimento concedido
    "13": Oc.OUTROS,  # abatimento cancelado
    "14": Oc.OUTROS,  # vencimento alterado
    "15": Oc.LIQUIDACAO,  # em cartório
    "16": Oc.OUTROS,  # dados alterados
    "18": Oc.OUTROS,  # instruções alteradas
    "19": Oc.PROTESTO,  # instrução de protesto confirmada
    "20": Oc.PROTESTO,  # sustação de protesto confirmada
    "21": Oc.PROTESTO,  # aguardando autorização para protesto por edital
    "22": Oc.PROTESTO,  # protesto sustado por alteração de vencimento
    "23": Oc.PROTESTO,  # entrada em cartório
    "24": Oc.OUTROS,  # dados do sacador alterados
    "25": Oc.BAIXA,  # devolução, liquidado anteriormente
    "26": Oc.PROTESTO,  # devolvido pelo cartório
    "30": Oc.OUTROS,  # liquidação em trânsito, credited later as 06
    "31": Oc.OUTROS,  # em trânsito, pago em cartório
    "40": Oc.BAIXA,  # baixa de título protestado
    "41": Oc.TARIFA,  # despesa de aponte
    "44": Oc.TARIFA,  # manutenção mensal
    "46": Oc.TARIFA,  # formulário pré-impresso
    "47": Oc.ENTRADA_CONFIRMADA,  # entrada confirmada, pagador DDA
}

LAYOUT = BankLayout(
    code="041",
    name="Banrisul",
    width=W,
    remittance_header=REMITTANCE_HEADER,
    remittance_detail=REMITTANCE_DETAIL,
    remittance_trailer=REMITTANCE_TRAILER,
    return_header=RETURN_HEADER,
    return_detail=RETURN_DETAIL,
    return_trailer=RETURN_TRAILER,
    occurrences=OCCURRENCES,
    # The trailer counts the whole cobrança simples portfolio (the sample: 13 titles
    # for one detail), not this file: no check.
    trailer_checks=(),
    beneficiary_fields={
        "empresa_nome": "name",
        "agencia": "agency",
        "codigo_empresa": "agreement",
        "codigo_empresa_dv": "account_dv",
    },
    protest_instruction="09",  # protestar
    commands={
        Command.REGISTER: "01",
        Command.WRITE_OFF: "02",
        Command.CHANGE_DUE_DATE: "06",
        Command.PROTEST: "09",
        # Banrisul has no command to change the face value.
    },
)
