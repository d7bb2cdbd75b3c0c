"""Unicred (136) CNAB 400: the return read, the remittance only described.

Only returns are read into the office: the remittance records below describe Unicred's
file so one can be read back and checked, but no command is mapped, so none is written.
"""

from __future__ import annotations

from contoffice.banking.cnab.banks.cnab400 import (
    W,
    bank_identity,
    remittance_header_opening,
    return_amounts,
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

REMITTANCE_HEADER = Record("header_remessa", W, (
    *remittance_header_opening(),
    num("codigo_empresa", 27, 46),
    alpha("empresa_nome", 47, 76),
    const("banco", 77, 79, "136"),
    const("banco_nome", 80, 94, "UNICRED"),
    ddmmyy("data_geracao", 95, 100),
    num("sequencial_remessa", 111, 117),
    sequencial(),
))

REMITTANCE_DETAIL = Record("detalhe_remessa", W, (
    const("registro", 1, 1, "1"),
    num("agencia", 2, 6),
    alpha("agencia_dv", 7, 7),
    num("conta", 8, 19),
    alpha("conta_dv", 20, 20),
    num("zero", 21, 21),
    num("carteira", 22, 24),
    num("zeros", 25, 37),
    alpha("uso_empresa", 38, 62),
    const("banco_cobranca", 63, 65, "136"),
    num("codigo_multa", 94, 94, "3"),  # 1 valor, 2 taxa, 3 isento
    num("multa_percentual", 95, 104),  # two decimals
    num("codigo_mora", 105, 105, "5"),  # 1 valor diário … 5 isento
    alpha("descontavel", 106, 106, "N"),
    num("ocorrencia", 109, 110, "01"),
    alpha("numero_documento", 111, 120),
    ddmmyy("vencimento", 121, 126),
    cents("valor", 127, 139),
    num("desconto_codigo", 150, 150),  # 0 isento, 1 valor fixo
    ddmmyy("emissao", 151, 156),
    num("protesto_codigo", 158, 158, "3"),  # 1 corridos, 2 úteis, 3 não protestar
    num("prazo_protesto", 159, 160),
    cents("juros_dia", 161, 173),
    ddmmyy("desconto_ate", 174, 179),
    cents("desconto", 180, 192),
    num("nosso_numero", 193, 203),
    cents("abatimento", 206, 218),
    num("pagador_tipo_inscricao", 219, 220),
    num("pagador_documento", 221, 234),
    alpha("pagador_nome", 235, 274),
    alpha("pagador_endereco", 275, 314),
    alpha("pagador_bairro", 315, 326),
    num("pagador_cep", 327, 334),
    alpha("pagador_cidade", 335, 354),
    alpha("pagador_uf", 355, 356),
    alpha("sacador", 357, 394),
    sequencial(),
))

REMITTANCE_TRAILER = Record("trailer_remessa", W, (const("registro", 1, 1, "9"), sequencial()))

RETURN_HEADER = Record("header_retorno", W, (
    *return_header_opening(),
    num("agencia", 27, 30),
    alpha("agencia_dv", 31, 31),
    num("conta", 32, 39),
    alpha("conta_dv", 40, 40),
    *bank_identity(),
    num("sequencial_retorno", 101, 107),
    alpha("codigo_empresa", 108, 121),
    sequencial(),
))

RETURN_DETAIL = Record("detalhe_retorno", W, (
    const("registro", 1, 1, "1"),
    num("empresa_tipo_inscricao", 2, 3),
    num("empresa_documento", 4, 17),
    num("agencia", 18, 21),
    alpha("agencia_dv", 22, 22),
    num("conta", 23, 30),
    alpha("conta_dv", 31, 31),
    num("codigo_empresa", 32, 45),
    num("nosso_numero", 46, 62),  # eleven digits, zero-padded to seventeen
    num("ocorrencia", 109, 110),
    # The settlement day on a payment, zeros otherwise: Unicred sends no other date.
    ddmmyy("data_ocorrencia", 111, 116),
    ddmmyy("vencimento", 147, 152),
    cents("valor_titulo", 153, 165),
    num("banco_cobrador", 166, 168),
    num("agencia_cobradora", 169, 172),
    alpha("agencia_cobradora_dv", 173, 173),
    num("especie", 174, 175),
    ddmmyy("data_credito", 176, 181),
    cents("tarifa", 182, 188),
    *return_amounts(),
    alpha("numero_documento", 280, 305),  # seu número
    cents("valor_lancamento", 306, 318),
    alpha("motivos", 319, 326),  # complemento do movimento
    alpha("instrucao_origem", 327, 328),  # the remittance command a 02/03 answers
    sequencial(),
))

RETURN_TRAILER = Record("trailer_retorno", W, (const("registro", 1, 1, "9"), sequencial()))

Oc = Occurrence
OCCURRENCES = {
    "01": Oc.LIQUIDACAO,  # título protestado pago em cartório
    # "Instrução confirmada": mostly the entrada, but also any other command, which
    # `instrucao_origem` names (01 is the entrada).
    "02": Oc.ENTRADA_CONFIRMADA,
    "03": Oc.REJEITADA,  # instrução rejeitada, reasons in `motivos`
    "04": Oc.PROTESTO,  # sustado judicial
    "06": Oc.LIQUIDACAO,
    "07": Oc.LIQUIDACAO,  # em condicional (em cartório, cheque do devedor)
    "08": Oc.PROTESTO,  # sustado definitivo
    "09": Oc.LIQUIDACAO,  # de título descontado
    "10": Oc.PROTESTO,  # protesto solicitado
    "11": Oc.PROTESTO,  # em cartório
    "12": Oc.PROTESTO,  # sustação solicitada
    "13": Oc.OUTROS,  # descontado (garantia de desconto)
    "14": Oc.OUTROS,  # descontável (garantia desistida)
}

LAYOUT = BankLayout(
    code="136",
    name="Unicred",
    width=W,
    remittance_header=REMITTANCE_HEADER,
    remittance_detail=REMITTANCE_DETAIL,
    remittance_trailer=REMITTANCE_TRAILER,
    return_header=RETURN_HEADER,
    return_detail=RETURN_DETAIL,
    return_trailer=RETURN_TRAILER,
    occurrences=OCCURRENCES,
    trailer_checks=(),  # Unicred's trailer holds nothing but its sequence
)
