"""Sicredi (748) CNAB 400 cobrança: remittance and return records, occurrence codes.

Sicredi writes some dates as AAAAMMDD, a form the engine's DATE fields (DDMMYY,
DDMMYYYY) do not hold: those are plain digit fields (`*_aaaammdd`).
"""

from __future__ import annotations

from contoffice.banking.cnab.banks.cnab400 import (
    W,
    remittance_header_opening,
    return_amounts,
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
from contoffice.banking.cnab.model import Command

REMITTANCE_HEADER = Record("header_remessa", W, (
    *remittance_header_opening(),
    num("codigo_empresa", 27, 31),  # código do beneficiário (the account's code)
    num("empresa_documento", 32, 45),
    const("banco", 77, 79, "748"),
    const("banco_nome", 80, 94, "SICREDI"),
    num("data_geracao_aaaammdd", 95, 102),
    num("sequencial_remessa", 111, 117),
    const("versao", 391, 394, "2.00"),
    sequencial(),
))

REMITTANCE_DETAIL = Record("detalhe_remessa", W, (
    const("registro", 1, 1, "1"),
    const("tipo_cobranca", 2, 2, "A"),  # com registro
    alpha("tipo_carteira", 3, 3, "A"),  # simples
    alpha("tipo_impressao", 4, 4, "A"),  # A normal, B carnê
    const("tipo_moeda", 17, 17, "A"),  # real
    const("tipo_desconto", 18, 18, "A"),  # an amount, not a rate
    const("tipo_juros", 19, 19, "A"),  # an amount, not a rate
    num("nosso_numero", 48, 55),  # yy + byte + sequence
    num("nosso_numero_dv", 56, 56),
    num("data_instrucao_aaaammdd", 63, 70),
    alpha("campo_alterado", 71, 71),  # what instrução 31 changes
    alpha("postagem", 72, 72, "N"),
    alpha("emissao_boleto", 74, 74, "B"),  # A: Sicredi prints, B: the office
    cents("desconto_dia", 83, 92),
    num("multa_percentual", 93, 96),  # two decimals: 0200 is 2,00 %
    num("ocorrencia", 109, 110, "01"),
    alpha("numero_documento", 111, 120),  # seu número
    ddmmyy("vencimento", 121, 126),
    cents("valor", 127, 139),
    alpha("especie", 149, 149, "A"),  # A duplicata mercantil por indicação
    alpha("aceite", 150, 150, "N"),
    ddmmyy("emissao", 151, 156),
    num("instrucao1", 157, 158),  # 06: protestar; 00: não protestar
    num("prazo_protesto", 159, 160),
    cents("juros_dia", 161, 173),
    ddmmyy("desconto_ate", 174, 179),
    cents("desconto", 180, 192),
    num("zeros", 193, 205),
    cents("abatimento", 206, 218),
    num("pagador_tipo_inscricao", 219, 219),  # 1 CPF, 2 CNPJ: one digit, then a zero
    const("zero", 220, 220, "0"),
    num("pagador_documento", 221, 234),
    alpha("pagador_nome", 235, 274),
    alpha("pagador_endereco", 275, 314),
    num("codigo_pagador", 315, 319),
    num("zeros_pagador", 320, 325),
    num("pagador_cep", 327, 334),
    num("codigo_pagador_cliente", 335, 339),
    alpha("sacador_documento", 340, 353),
    alpha("sacador", 354, 394),
    sequencial(),
))

REMITTANCE_TRAILER = Record("trailer_remessa", W, (
    const("registro", 1, 1, "9"),
    const("operacao", 2, 2, "1"),
    const("banco", 3, 5, "748"),
    num("codigo_empresa", 6, 10),
    sequencial(),
))

RETURN_HEADER = Record("header_retorno", W, (
    *return_header_opening(),
    num("codigo_empresa", 27, 31),
    num("empresa_documento", 32, 45),
    num("banco", 77, 79),
    alpha("banco_nome", 80, 94),
    num("data_geracao_aaaammdd", 95, 102),
    num("sequencial_retorno", 111, 117),
    alpha("versao", 390, 394),
    sequencial(),
))

RETURN_DETAIL = Record("detalhe_retorno", W, (
    const("registro", 1, 1, "1"),
    alpha("tipo_cobranca", 14, 14),
    num("codigo_pagador", 15, 19),
    num("codigo_pagador_cliente", 20, 24),
    alpha("dda", 25, 25),
    num("nosso_numero", 48, 55),  # yy + byte + sequence
    num("nosso_numero_dv", 56, 56),
    num("ocorrencia", 109, 110),
    ddmmyy("data_ocorrencia", 111, 116),
    alpha("numero_documento", 117, 126),
    ddmmyy("vencimento", 147, 152),
    cents("valor_titulo", 153, 165),
    alpha("especie", 175, 175),
    cents("tarifa", 176, 188),
    cents("outras_despesas", 189, 201),  # custas de protesto
    *return_amounts(),
    cents("multa", 280, 292),
    alpha("confirmacao_protesto", 294, 294),  # on 19: A aceito, D desprezado
    alpha("motivos", 319, 328),
    num("data_credito_aaaammdd", 329, 336),  # when the payment reaches the account
    sequencial(),
))

RETURN_TRAILER = Record("trailer_retorno", W, (
    *return_trailer_opening(),
    num("banco", 3, 5, "748"),
    num("codigo_empresa", 6, 10),
    sequencial(),
))

Oc = Occurrence
OCCURRENCES = {
    "02": Oc.ENTRADA_CONFIRMADA,
    "03": Oc.REJEITADA,
    "06": Oc.LIQUIDACAO,
    "07": Oc.OUTROS,  # intenção de pagamento: not yet paid
    "09": Oc.BAIXA,  # automática
    "10": Oc.BAIXA,  # conforme instruções da cooperativa
    "12": Oc.OUTROS,  # abatimento concedido
    "13": Oc.OUTROS,  # abatimento cancelado
    "14": Oc.OUTROS,  # vencimento alterado
    "15": Oc.LIQUIDACAO,  # em cartório
    "17": Oc.LIQUIDACAO,  # após baixa
    "19": Oc.PROTESTO,  # instrução de protesto recebida
    "20": Oc.PROTESTO,  # sustação de protesto recebida
    "23": Oc.PROTESTO,  # entrada em cartório
    "24": Oc.REJEITADA,  # entrada rejeitada, CEP irregular
    "27": Oc.REJEITADA,  # baixa rejeitada
    "28": Oc.TARIFA,
    "29": Oc.OUTROS,  # rejeição do pagador
    "30": Oc.REJEITADA,  # alteração rejeitada
    "32": Oc.REJEITADA,  # instrução rejeitada
    "33": Oc.OUTROS,  # alteração de outros dados confirmada
    "34": Oc.PROTESTO,  # retirado de cartório, mantido em carteira
    "35": Oc.OUTROS,  # aceite do pagador
}

LAYOUT = BankLayout(
    code="748",
    name="Sicredi",
    width=W,
    remittance_header=REMITTANCE_HEADER,
    remittance_detail=REMITTANCE_DETAIL,
    remittance_trailer=REMITTANCE_TRAILER,
    return_header=RETURN_HEADER,
    return_detail=RETURN_DETAIL,
    return_trailer=RETURN_TRAILER,
    occurrences=OCCURRENCES,
    trailer_checks=(),  # the trailer carries no count or total
    beneficiary_fields={
        "codigo_empresa": "agreement",
        "empresa_documento": "document",
    },
    protest_instruction="06",  # protestar
    commands={
        Command.REGISTER: "01",
        Command.WRITE_OFF: "02",
        Command.CHANGE_DUE_DATE: "06",
        Command.PROTEST: "09",
        # Sicredi's 31 changes other data, not the face value.
    },
)
