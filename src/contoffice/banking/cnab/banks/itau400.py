"""Itaú (341) CNAB 400 cobrança: remittance and return records, occurrence codes."""

from __future__ import annotations

from contoffice.banking.cnab.banks.cnab400 import (
    REMITTANCE_TRAILER,
    W,
    bank_identity,
    due_and_value,
    payer,
    remittance_header_opening,
    return_header_opening,
    return_trailer_opening,
    sequencial,
    title_terms,
)
from contoffice.banking.cnab.banks.itau_codes import COMMANDS, OCCURRENCES
from contoffice.banking.cnab.layout import (
    BankLayout,
    Record,
    TrailerCheck,
    alpha,
    cents,
    const,
    ddmmyy,
    ddmmyyyy,
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
    *due_and_value(),
    const("banco", 140, 142, "341"),
    num("agencia_cobradora", 143, 147),
    *title_terms(),
    *payer(264),
    alpha("sacador", 352, 381),
    ddmmyy("data_mora", 386, 391),
    num("prazo_protesto", 392, 393),
    sequencial(),
))

# Written after a detail whose boleto has a fine.
REMITTANCE_FINE = Record("multa_remessa", W, (
    const("registro", 1, 1, "2"),
    num("multa_codigo", 2, 2),  # 2: percentage
    ddmmyyyy("multa_data", 3, 10),
    num("multa_percentual", 11, 23),  # two decimals: 200 is 2,00 %
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
    *return_trailer_opening(),
    num("banco", 5, 7),
    num("quantidade_detalhes", 213, 220),
    cents("valor_detalhes", 221, 234),
    sequencial(),
))

LAYOUT = BankLayout(
    code="341",
    name="Itaú",
    width=W,
    remittance_header=REMITTANCE_HEADER,
    remittance_detail=REMITTANCE_DETAIL,
    remittance_trailer=REMITTANCE_TRAILER,
    remittance_fine=REMITTANCE_FINE,
    return_header=RETURN_HEADER,
    return_detail=RETURN_DETAIL,
    return_trailer=RETURN_TRAILER,
    occurrences=OCCURRENCES,
    trailer_checks=(
        TrailerCheck("quantidade_detalhes"),
        TrailerCheck("valor_detalhes", amount_field="valor_titulo"),
    ),
    beneficiary_fields={
        "agencia": "agency",
        "conta": "account",
        "dac": "account_dv",
        "carteira": "wallet",
        "empresa_nome": "name",
        "empresa_tipo_inscricao": "document_kind",
        "empresa_documento": "document",
    },
    commands=COMMANDS,
    protest_instruction="09",  # protestar
)
