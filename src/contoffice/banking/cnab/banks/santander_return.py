"""Santander (033) CNAB 400 return: header, detail, trailer and occurrence codes."""

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
    num("conta", 31, 38),  # conta movimento
    num("conta_cobranca", 39, 46),
    *bank_identity(),
    sequencial(),
))

RETURN_DETAIL = Record("detalhe_retorno", W, (
    const("registro", 1, 1, "1"),
    num("empresa_tipo_inscricao", 2, 3),
    num("empresa_documento", 4, 17),
    num("agencia", 18, 21),
    num("conta", 22, 29),
    num("conta_cobranca", 30, 37),
    alpha("uso_empresa", 38, 62),
    num("nosso_numero", 63, 70),
    alpha("carteira", 108, 108),
    num("ocorrencia", 109, 110),
    ddmmyy("data_ocorrencia", 111, 116),
    alpha("numero_documento", 117, 126),
    alpha("ocorrencia_original", 135, 136),  # the remittance command answered
    alpha("motivos", 137, 145),  # three error codes of three digits
    ddmmyy("vencimento", 147, 152),
    cents("valor_titulo", 153, 165),
    num("banco_cobrador", 166, 168),
    num("agencia_cobradora", 169, 173),
    num("especie", 174, 175),
    cents("tarifa", 176, 188),
    cents("outras_despesas", 189, 201),
    cents("juros_atraso", 202, 214),
    cents("iof", 215, 227),
    *return_amounts(),
    cents("outros_creditos", 280, 292),
    alpha("aceite", 294, 294),
    ddmmyy("data_credito", 296, 301),
    alpha("pagador_nome", 302, 337),
    sequencial(),
))

RETURN_TRAILER = Record("trailer_retorno", W, (
    *return_trailer_opening(),
    num("servico", 3, 4, "01"),
    num("banco", 5, 7, "033"),
    num("quantidade_simples", 18, 25),
    cents("valor_simples", 26, 39),
    num("aviso_simples", 40, 47),
    sequencial(),
))

Oc = Occurrence
OCCURRENCES = {
    "01": Oc.REJEITADA,  # título não existe
    "02": Oc.ENTRADA_CONFIRMADA,
    "03": Oc.REJEITADA,
    "06": Oc.LIQUIDACAO,
    "07": Oc.LIQUIDACAO,  # por conta
    "08": Oc.LIQUIDACAO,  # por saldo
    "09": Oc.BAIXA,  # automática
    "10": Oc.BAIXA,  # conforme instrução, or after a protest
    "11": Oc.OUTROS,  # em ser
    "12": Oc.OUTROS,  # abatimento concedido
    "13": Oc.OUTROS,  # abatimento cancelado
    "14": Oc.OUTROS,  # vencimento prorrogado
    "15": Oc.PROTESTO,  # enviado para cartório
    # 16 "título já baixado/liquidado" answers an instruction: not a new payment.
    "16": Oc.OUTROS,
    "17": Oc.LIQUIDACAO,  # em cartório
    "21": Oc.PROTESTO,  # entrada em cartório
    "22": Oc.PROTESTO,  # retirado de cartório
    "24": Oc.TARIFA,  # custas de cartório
    "25": Oc.PROTESTO,  # protestado
    "26": Oc.PROTESTO,  # protesto sustado
}
