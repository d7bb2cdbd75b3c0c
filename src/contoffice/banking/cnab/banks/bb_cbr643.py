"""Banco do Brasil's CNAB 400 return, CBR643 (convênio of 7 digits): records and codes.

Sicoob's CNAB 400 return descends from it and shares everything from column 107 on.
"""

from __future__ import annotations

from contoffice.banking.cnab.banks.cnab400 import (
    W,
    bank_identity,
    return_header_opening,
    sequencial,
)
from contoffice.banking.cnab.layout import (
    Field,
    Occurrence,
    Record,
    alpha,
    cents,
    const,
    ddmmyy,
    num,
)


def cbr643_tail() -> tuple[Field, ...]:
    """Columns 107-400 of a CBR643 detail: wallet, occurrence, amounts, settlement."""
    return (
        num("carteira", 107, 108),
        num("ocorrencia", 109, 110),
        ddmmyy("data_ocorrencia", 111, 116),  # the settlement day on a liquidação
        alpha("numero_documento", 117, 126),
        ddmmyy("vencimento", 147, 152),
        cents("valor_titulo", 153, 165),
        num("banco_cobrador", 166, 168),
        num("agencia_cobradora", 169, 172),
        alpha("agencia_cobradora_dv", 173, 173),
        num("especie", 174, 175),
        ddmmyy("data_credito", 176, 181),
        cents("tarifa", 182, 188),  # seven columns only: the fee never reaches R$ 100 000
        cents("outras_despesas", 189, 201),
        cents("juros_desconto", 202, 214),
        cents("iof", 215, 227),
        cents("abatimento", 228, 240),
        cents("desconto", 241, 253),
        cents("valor_pago", 254, 266),
        cents("juros", 267, 279),  # juros de mora and multa, summed by the bank
        cents("outros_creditos", 280, 292),
        cents("abatimento_nao_aproveitado", 293, 305),
        cents("valor_lancamento", 306, 318),  # what reached the account: paid less the fee
        num("indicativo_lancamento", 319, 319),
        num("indicador_valor", 320, 320),
        cents("valor_ajuste", 321, 332),
        alpha("liquidacao_parcial", 391, 391),
        alpha("canal_liquidacao", 393, 394),
        sequencial(),
    )


def cbr643_trailer(bank: str) -> Record:
    """The return trailer: per kind of collection a count, a total and a notice number."""
    return Record("trailer_retorno", W, (
        const("registro", 1, 1, "9"),
        const("operacao", 2, 2, "2"),
        num("servico", 3, 4, "01"),
        num("banco", 5, 7, bank),
        num("quantidade_simples", 18, 25),
        cents("valor_simples", 26, 39),
        num("aviso_simples", 40, 47),
        sequencial(),
    ))


RETURN_HEADER = Record("header_retorno", W, (
    *return_header_opening(),
    num("agencia", 27, 30),
    alpha("agencia_dv", 31, 31),
    num("conta", 32, 39),
    alpha("conta_dv", 40, 40),
    *bank_identity(),
    num("sequencial_retorno", 101, 107),
    num("codigo_empresa", 150, 156),  # the convênio
    sequencial(),
))

RETURN_DETAIL = Record("detalhe_retorno", W, (
    const("registro", 1, 1, "7"),
    num("empresa_tipo_inscricao", 2, 3),
    num("empresa_documento", 4, 17),
    num("agencia", 18, 21),
    alpha("agencia_dv", 22, 22),
    num("conta", 23, 30),
    alpha("conta_dv", 31, 31),
    num("codigo_empresa", 32, 38),
    alpha("uso_empresa", 39, 63),
    num("nosso_numero", 64, 80),  # convênio (7) and the sequence (10)
    num("tipo_cobranca", 81, 81),
    num("tipo_cobranca_anterior", 82, 82),
    num("dias_calculo", 83, 86),
    # On a refused command (03) the reason; otherwise the nature of the payment.
    alpha("motivos", 87, 88),
    alpha("prefixo_titulo", 89, 91),
    num("variacao", 92, 94),
    num("conta_caucao", 95, 95),
    num("taxa_desconto", 96, 100),
    num("taxa_iof", 101, 105),
    *cbr643_tail(),
))

RETURN_TRAILER = cbr643_trailer("001")

Oc = Occurrence
OCCURRENCES = {
    "02": Oc.ENTRADA_CONFIRMADA,
    "03": Oc.REJEITADA,  # comando recusado, reason in 87-88
    "05": Oc.LIQUIDACAO,  # sem registro
    "06": Oc.LIQUIDACAO,
    "07": Oc.LIQUIDACAO,  # por conta (parcial)
    "08": Oc.LIQUIDACAO,  # por saldo
    "09": Oc.BAIXA,
    "10": Oc.BAIXA,  # solicitada
    "11": Oc.OUTROS,  # em ser
    "12": Oc.OUTROS,  # abatimento concedido
    "13": Oc.OUTROS,  # abatimento cancelado
    "14": Oc.OUTROS,  # vencimento alterado
    "15": Oc.LIQUIDACAO,  # em cartório
    "19": Oc.PROTESTO,  # instrução de protesto recebida
    "23": Oc.PROTESTO,  # encaminhado a cartório
    "24": Oc.PROTESTO,  # sustação de protesto
    "44": Oc.OUTROS,  # pago com cheque devolvido
    "46": Oc.OUTROS,  # pago com cheque, aguardando compensação
    "96": Oc.TARIFA,  # despesas de protesto
    "97": Oc.TARIFA,  # despesas de sustação de protesto
    "98": Oc.TARIFA,  # custas antecipadas
}
