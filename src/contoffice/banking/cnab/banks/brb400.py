"""BRB, Banco de Brasília (070), CNAB 400 return: records and occurrence codes.

Only returns are read: BRB's remittance is its own "DCB" file, not a CNAB 400 one.
The return follows Bradesco's detail shifted right as its dates grow to DDMMYYYY.
"""

from __future__ import annotations

from contoffice.banking.cnab.banks.cnab400 import (
    W,
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
    ddmmyyyy,
    num,
)

RETURN_HEADER = Record("header_retorno", W, (
    *return_header_opening(),
    num("codigo_empresa", 27, 46),
    alpha("empresa_nome", 47, 76),
    num("banco", 77, 79),
    alpha("banco_nome", 80, 94),
    ddmmyyyy("data_geracao", 95, 102),
    ddmmyyyy("data_credito", 380, 387),
    sequencial(),
))

RETURN_DETAIL = Record("detalhe_retorno", W, (
    const("registro", 1, 1, "1"),
    num("empresa_tipo_inscricao", 2, 3),
    num("empresa_documento", 4, 17),
    num("codigo_empresa", 21, 37),
    alpha("uso_empresa", 38, 62),
    num("nosso_numero", 71, 82),
    num("carteira", 108, 108),
    num("ocorrencia", 109, 110),
    ddmmyyyy("data_ocorrencia", 111, 118),
    alpha("numero_documento", 119, 128),
    num("nosso_numero_confirmacao", 129, 140),
    ddmmyyyy("vencimento", 149, 156),
    cents("valor_titulo", 157, 169),
    num("banco_cobrador", 170, 172),
    num("agencia_cobradora", 173, 177),
    num("especie", 178, 179),
    cents("tarifa", 180, 192),
    cents("outras_despesas", 193, 205),
    cents("iof", 219, 231),
    cents("abatimento", 232, 244),
    cents("desconto", 245, 257),
    cents("valor_pago", 258, 270),
    cents("outros_creditos", 284, 296),
    ddmmyyyy("data_credito", 300, 307),
    alpha("motivos", 365, 394),
    sequencial(),
))

RETURN_TRAILER = Record("trailer_retorno", W, (
    *return_trailer_opening(),
    num("servico", 3, 4, "01"),
    num("banco", 5, 7, "070"),
    sequencial(),
))

Oc = Occurrence
OCCURRENCES = {
    "02": Oc.ENTRADA_CONFIRMADA,
    "03": Oc.REJEITADA,
    "05": Oc.LIQUIDACAO,  # título sem registro pago (the sample's only kind)
    "06": Oc.LIQUIDACAO,
    "09": Oc.BAIXA,
    "10": Oc.BAIXA,  # conforme instrução
}

LAYOUT = BankLayout(
    code="070",
    name="BRB",
    width=W,
    return_header=RETURN_HEADER,
    return_detail=RETURN_DETAIL,
    return_trailer=RETURN_TRAILER,
    occurrences=OCCURRENCES,
    # The trailer carries no count or total of this file's details.
    trailer_checks=(),
)
