"""Banco do Nordeste (004) CNAB 400 return: records and occurrence codes.

Only returns are read; remittances to BNB are not written.
"""

from __future__ import annotations

from contoffice.banking.cnab.banks.cnab400 import (
    W,
    bank_identity,
    return_header_opening,
    return_trailer_opening,
    sequencial,
)
from contoffice.banking.cnab.layout import (
    BankLayout,
    Occurrence,
    Record,
    alpha,
    cents,
    const,
    ddmmyy,
    num,
)

RETURN_HEADER = Record("header_retorno", W, (
    *return_header_opening(),
    num("agencia", 27, 30),
    num("zeros", 31, 32),
    num("conta", 33, 39),
    alpha("conta_dv", 40, 40),
    *bank_identity(),
    num("sequencial_retorno", 109, 113),
    ddmmyy("data_credito", 120, 125),
    sequencial(),
))

RETURN_DETAIL = Record("detalhe_retorno", W, (
    const("registro", 1, 1, "1"),
    num("empresa_tipo_inscricao", 2, 3),
    num("empresa_documento", 4, 17),
    num("agencia", 18, 21),
    num("zeros", 22, 23),
    num("conta", 24, 30),
    alpha("conta_dv", 31, 31),
    alpha("uso_empresa", 38, 62),
    num("nosso_numero", 63, 69),
    num("nosso_numero_dv", 70, 70),
    num("contrato", 71, 80),
    alpha("carteira", 108, 108),
    num("ocorrencia", 109, 110),
    # BNB sends no credit date: on a liquidação this is the day it was paid.
    ddmmyy("data_ocorrencia", 111, 116),
    alpha("numero_documento", 117, 126),
    num("nosso_numero_confirmacao", 127, 134),
    ddmmyy("vencimento", 147, 152),
    cents("valor_titulo", 153, 165),
    num("banco_cobrador", 166, 168),
    num("agencia_cobradora", 169, 172),
    num("especie", 174, 175),
    cents("tarifa", 176, 188),
    cents("outras_despesas", 189, 201),
    cents("juros_atraso", 202, 214),
    cents("iof", 215, 227),
    cents("abatimento", 228, 240),
    cents("desconto", 241, 253),
    cents("valor_pago", 254, 266),
    cents("juros", 267, 279),  # juros de mora and multa, summed by the bank
    cents("outros_creditos", 280, 292),
    # A row of 0/1 flags, one per BNB error, not two-character codes: kept raw
    # rather than as `motivos`, which would cut it into meaningless pairs.
    alpha("indicadores_erro", 293, 356),
    sequencial(),
))

RETURN_TRAILER = Record("trailer_retorno", W, (
    *return_trailer_opening(),
    num("servico", 3, 4, "01"),
    num("banco", 5, 7, "004"),
    num("quantidade_titulos", 18, 25),
    cents("valor_titulos", 26, 39),
    num("aviso_bancario", 40, 47),
    sequencial(),
))

Oc = Occurrence
OCCURRENCES = {
    "02": Oc.ENTRADA_CONFIRMADA,
    "04": Oc.OUTROS,  # alteração
    "06": Oc.LIQUIDACAO,
    "07": Oc.LIQUIDACAO,  # pagamento por conta (parcial)
    "08": Oc.LIQUIDACAO,  # pagamento em cartório
    "09": Oc.BAIXA,  # simples
    "10": Oc.PROTESTO,  # devolvido, protestado
    "11": Oc.OUTROS,  # em ser
    "12": Oc.OUTROS,  # abatimento concedido
    "13": Oc.OUTROS,  # abatimento cancelado
    "14": Oc.OUTROS,  # vencimento alterado
    "15": Oc.BAIXA,  # automática
    "18": Oc.OUTROS,  # alteração de depositária
    "19": Oc.PROTESTO,  # instrução de protesto recebida
    "20": Oc.PROTESTO,  # sustação de protesto recebida
    "21": Oc.OUTROS,  # alteração do controle da empresa
    "22": Oc.OUTROS,  # alteração do seu número
    "51": Oc.REJEITADA,  # entrada rejeitada
    # 52-72: "erro na ocorrência NN", the command NN = code - 50 refused.
    **{str(code): Oc.REJEITADA for code in (52, 54, *range(56, 66), *range(68, 73))},
}

LAYOUT = BankLayout(
    code="004",
    name="Banco do Nordeste",
    width=W,
    return_header=RETURN_HEADER,
    return_detail=RETURN_DETAIL,
    return_trailer=RETURN_TRAILER,
    occurrences=OCCURRENCES,
    # The sample's trailer counts 0 titles worth R$ 280,00 for one detail of R$ 175,00:
    # it sums something other than this file, so it is not checked.
    trailer_checks=(),
)
