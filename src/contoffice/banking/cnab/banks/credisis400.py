"""CrediSIS (097) CNAB 400 return: records and occurrence codes.

Only returns are read; remittances to CrediSIS are not written. No manual was at hand:
the positions are the FEBRABAN ones the published parser and the sample agree on, and
the sample leaves the occurrence columns (109-110) blank.
"""

from __future__ import annotations

from contoffice.banking.cnab.banks.cnab400 import (
    W,
    bank_identity,
    return_header_opening,
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
    num("conta", 32, 39),
    alpha("conta_dv", 40, 40),
    *bank_identity(),
    num("sequencial_retorno", 101, 107),
    sequencial(),
))

RETURN_DETAIL = Record("detalhe_retorno", W, (
    const("registro", 1, 1, "1"),
    num("empresa_tipo_inscricao", 2, 3),
    num("empresa_documento", 4, 17),
    num("agencia", 18, 21),
    num("conta", 23, 30),
    alpha("conta_dv", 31, 31),
    alpha("uso_empresa", 38, 62),
    num("nosso_numero", 63, 73),  # 0 + código do beneficiário (4) + sequence (6)
    num("ocorrencia", 109, 110),
    alpha("numero_documento", 111, 120),
    ddmmyy("vencimento", 147, 152),
    cents("valor_titulo", 153, 165),
    ddmmyy("data_credito", 176, 181),
    num("pagador_tipo_inscricao", 219, 220),
    num("pagador_documento", 221, 234),
    cents("valor_pago", 254, 266),
    sequencial(),
))

RETURN_TRAILER = Record("trailer_retorno", W, (const("registro", 1, 1, "9"), sequencial()))

Oc = Occurrence
# The FEBRABAN codes; CrediSIS's own table was not available to confirm them.
OCCURRENCES = {
    "02": Oc.ENTRADA_CONFIRMADA,
    "03": Oc.REJEITADA,
    "06": Oc.LIQUIDACAO,
    "09": Oc.BAIXA,
    "10": Oc.BAIXA,
}

LAYOUT = BankLayout(
    code="097",
    name="CrediSIS",
    width=W,
    return_header=RETURN_HEADER,
    return_detail=RETURN_DETAIL,
    return_trailer=RETURN_TRAILER,
    occurrences=OCCURRENCES,
    trailer_checks=(),  # the trailer holds nothing but its sequence
)
