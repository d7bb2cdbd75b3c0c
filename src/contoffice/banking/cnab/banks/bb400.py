"""Banco do Brasil (001) CNAB 400: CBR641 remittance (convênio of 7 digits), CBR643 return."""

from __future__ import annotations

from contoffice.banking.cnab.banks import bb_cbr643
from contoffice.banking.cnab.banks.cnab400 import (
    REMITTANCE_TRAILER,
    W,
    due_and_value,
    payer,
    remittance_header_opening,
    sequencial,
    title_terms,
)
from contoffice.banking.cnab.layout import (
    BankLayout,
    Record,
    alpha,
    const,
    ddmmyy,
    num,
)
from contoffice.banking.cnab.model import Command

REMITTANCE_HEADER = Record("header_remessa", W, (
    *remittance_header_opening(),
    num("agencia", 27, 30),
    alpha("agencia_dv", 31, 31),  # may be X
    num("conta", 32, 39),
    alpha("conta_dv", 40, 40),
    num("zeros", 41, 46),
    alpha("empresa_nome", 47, 76),
    const("banco", 77, 79, "001"),
    const("banco_nome", 80, 94, "BANCODOBRASIL"),
    ddmmyy("data_geracao", 95, 100),
    num("sequencial_remessa", 101, 107),
    num("convenio_lider", 130, 136),  # optional; a convênio that leads itself repeats it
    sequencial(),
))

REMITTANCE_DETAIL = Record("detalhe_remessa", W, (
    # BB numbers its 7-digit-convênio detail "7", not "1".
    const("registro", 1, 1, "7"),
    num("empresa_tipo_inscricao", 2, 3),
    num("empresa_documento", 4, 17),
    num("agencia", 18, 21),
    alpha("agencia_dv", 22, 22),
    num("conta", 23, 30),
    alpha("conta_dv", 31, 31),
    num("codigo_empresa", 32, 38),  # the convênio
    alpha("uso_empresa", 39, 63),
    num("nosso_numero", 64, 80),  # convênio (7) and the sequence (10): no DV in CBR641
    num("prestacao", 81, 82),
    num("grupo_valor", 83, 84),
    alpha("indicativo_sacador", 88, 88),
    alpha("prefixo_titulo", 89, 91),
    num("variacao", 92, 94),
    num("conta_caucao", 95, 95),
    num("bordero", 96, 101),
    # Blank: cobrança simples. 04DSC/08VDR/02VIN are credit operations with the bank,
    # not an office's own billing: left unmapped.
    alpha("tipo_cobranca", 102, 106),
    num("carteira", 107, 108),
    num("ocorrencia", 109, 110, "01"),
    alpha("numero_documento", 111, 120),
    *due_and_value(),
    const("banco_cobranca", 140, 142, "001"),
    num("agencia_cobradora", 143, 146),
    alpha("agencia_cobradora_dv", 147, 147),
    *title_terms(numeric_instructions=True),
    *payer(271),
    alpha("sacador", 352, 391),
    num("prazo_protesto", 392, 393),  # dias para protesto (instrução 06)
    sequencial(),
))

# The optional type-5 record after a detail: the fine, from the day after the due date.
REMITTANCE_FINE = Record("multa_remessa", W, (
    const("registro", 1, 1, "5"),
    const("servico", 2, 3, "99"),
    num("multa_codigo", 4, 4),  # 1: amount, 2: percentage, 9: waived
    ddmmyy("multa_data", 5, 10),
    num("multa_percentual", 11, 22),  # two decimals
    sequencial(),
))

LAYOUT = BankLayout(
    code="001",
    name="Banco do Brasil",
    width=W,
    remittance_header=REMITTANCE_HEADER,
    remittance_detail=REMITTANCE_DETAIL,
    remittance_trailer=REMITTANCE_TRAILER,
    remittance_fine=REMITTANCE_FINE,
    return_header=bb_cbr643.RETURN_HEADER,
    return_detail=bb_cbr643.RETURN_DETAIL,
    return_trailer=bb_cbr643.RETURN_TRAILER,
    occurrences=bb_cbr643.OCCURRENCES,
    detail_type="7",
    # The trailer's counts are per kind of collection and the sample sends them as
    # zeros: checking them would refuse the bank's own file.
    trailer_checks=(),
    beneficiary_fields={
        "empresa_nome": "name",
        "empresa_tipo_inscricao": "document_kind",
        "empresa_documento": "document",
        "agencia": "agency",
        "agencia_dv": "agency_dv",
        "conta": "account",
        "conta_dv": "account_dv",
        "codigo_empresa": "agreement",
        "convenio_lider": "agreement",
        "carteira": "wallet",
        "variacao": "variation",
    },
    protest_instruction="06",  # protestar
    commands={
        Command.REGISTER: "01",
        Command.WRITE_OFF: "02",
        Command.CHANGE_DUE_DATE: "06",
        Command.PROTEST: "09",
        # CBR641 has no command to change the face value.
    },
)
