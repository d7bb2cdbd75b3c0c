"""Bradesco (237) CNAB 400 cobrança: remittance and return records, occurrence codes."""

from __future__ import annotations

from contoffice.banking.cnab.banks.cnab400 import (
    REMITTANCE_TRAILER,
    W,
    bank_identity,
    due_and_value,
    payer,
    remittance_header_opening,
    return_amounts,
    return_header_opening,
    return_trailer_opening,
    sequencial,
    title_terms,
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
from contoffice.banking.cnab.model import Command

REMITTANCE_HEADER = Record("header_remessa", W, (
    *remittance_header_opening(),
    num("codigo_empresa", 27, 46),
    alpha("empresa_nome", 47, 76),
    const("banco", 77, 79, "237"),
    const("banco_nome", 80, 94, "BRADESCO"),
    ddmmyy("data_geracao", 95, 100),
    const("sistema", 109, 110, "MX"),
    num("sequencial_remessa", 111, 117),
    sequencial(),
))

REMITTANCE_DETAIL = Record("detalhe_remessa", W, (
    const("registro", 1, 1, "1"),
    num("debito_agencia", 2, 6),
    num("debito_agencia_dv", 7, 7),
    num("debito_razao", 8, 12),
    num("debito_conta", 13, 19),
    num("debito_conta_dv", 20, 20),
    num("zero", 21, 21),
    num("carteira", 22, 24),
    num("agencia", 25, 29),
    num("conta", 30, 36),
    alpha("conta_dv", 37, 37),
    alpha("uso_empresa", 38, 62),
    num("banco_debito", 63, 65),
    num("multa_tipo", 66, 66),
    num("multa_percentual", 67, 70),  # two decimals: 0200 is 2,00 %
    num("nosso_numero", 71, 81),
    alpha("nosso_numero_dv", 82, 82),
    cents("desconto_dia", 83, 92),
    num("emissao_papeleta", 93, 93, "2"),
    alpha("debito_automatico", 94, 94, "N"),
    alpha("rateio", 105, 105),
    num("aviso_debito", 106, 106, "2"),
    num("ocorrencia", 109, 110, "01"),
    alpha("numero_documento", 111, 120),
    *due_and_value(),
    num("banco_cobranca", 140, 142),
    num("agencia_depositaria", 143, 147),
    *title_terms(),
    *payer(full_address=False),
    alpha("mensagem1", 315, 326),
    num("pagador_cep", 327, 334),
    alpha("sacador", 335, 394),
    sequencial(),
))

RETURN_HEADER = Record("header_retorno", W, (
    *return_header_opening(),
    num("codigo_empresa", 27, 46),
    *bank_identity(),
    num("aviso_bancario", 109, 113),
    ddmmyy("data_credito", 380, 385),
    sequencial(),
))

RETURN_DETAIL = Record("detalhe_retorno", W, (
    const("registro", 1, 1, "1"),
    num("empresa_tipo_inscricao", 2, 3),
    num("empresa_documento", 4, 17),
    num("carteira", 22, 24),
    num("agencia", 25, 29),
    num("conta", 30, 36),
    alpha("conta_dv", 37, 37),
    alpha("uso_empresa", 38, 62),
    alpha("nosso_numero", 71, 82),  # 11 digits and a check digit that may be "P"
    num("carteira_codigo", 108, 108),
    num("ocorrencia", 109, 110),
    ddmmyy("data_ocorrencia", 111, 116),
    alpha("numero_documento", 117, 126),
    ddmmyy("vencimento", 147, 152),
    cents("valor_titulo", 153, 165),
    num("banco_cobrador", 166, 168),
    cents("tarifa", 176, 188),
    cents("outras_despesas", 189, 201),
    cents("iof", 215, 227),
    *return_amounts(),
    cents("multa", 280, 292),
    ddmmyy("data_credito", 296, 301),
    alpha("motivos", 319, 328),
    sequencial(),
))

RETURN_TRAILER = Record("trailer_retorno", W, (
    *return_trailer_opening(),
    num("banco", 5, 7),
    num("quantidade_entradas", 58, 62),
    num("quantidade_liquidacoes", 87, 91),
    num("quantidade_baixas", 104, 108),
    sequencial(),
))

Oc = Occurrence
OCCURRENCES = {
    "02": Oc.ENTRADA_CONFIRMADA,
    "03": Oc.REJEITADA,
    "06": Oc.LIQUIDACAO,
    "09": Oc.BAIXA,  # baixado automaticamente
    "10": Oc.BAIXA,  # baixado conforme instruções
    "15": Oc.LIQUIDACAO,  # em cartório
    "17": Oc.LIQUIDACAO,  # após baixa
    "19": Oc.PROTESTO,  # instrução de protesto confirmada
    "20": Oc.PROTESTO,  # sustação de protesto confirmada
    "23": Oc.PROTESTO,  # entrada em cartório
    "24": Oc.REJEITADA,  # CEP irregular
    "27": Oc.REJEITADA,  # baixa rejeitada
    "28": Oc.TARIFA,  # débito de tarifas/custas
    "30": Oc.REJEITADA,  # alteração rejeitada
    "32": Oc.REJEITADA,  # instrução rejeitada
    "34": Oc.PROTESTO,  # retirado de cartório
    "55": Oc.PROTESTO,  # sustado judicial
}

COMMANDS = {
    Command.REGISTER: "01",
    Command.WRITE_OFF: "02",  # pedido de baixa
    Command.CHANGE_DUE_DATE: "06",
    Command.PROTEST: "09",
}

LAYOUT = BankLayout(
    code="237",
    name="Bradesco",
    width=W,
    remittance_header=REMITTANCE_HEADER,
    remittance_detail=REMITTANCE_DETAIL,
    remittance_trailer=REMITTANCE_TRAILER,
    return_header=RETURN_HEADER,
    return_detail=RETURN_DETAIL,
    return_trailer=RETURN_TRAILER,
    occurrences=OCCURRENCES,
    # Only counts: the sample file's amount totals do not add up to its details.
    trailer_checks=(
        TrailerCheck("quantidade_entradas", occurrences=frozenset({"02"})),
        TrailerCheck("quantidade_liquidacoes", occurrences=frozenset({"06"})),
        TrailerCheck("quantidade_baixas", occurrences=frozenset({"09", "10"})),
    ),
    beneficiary_fields={
        "codigo_empresa": "agreement",
        "empresa_nome": "name",
        "carteira": "wallet",
        "agencia": "agency",
        "conta": "account",
        "conta_dv": "account_dv",
        "empresa_tipo_inscricao": "document_kind",
        "empresa_documento": "document",
    },
    commands=COMMANDS,
    protest_instruction="06",  # protestar
)
