"""Santander (033) CNAB 400 cobrança: the layout, its remittance records and commands.

The return's records are in santander_return; the PIX records a hybrid boleto adds
(remittance "8", return "2") in santander_pix.
"""

from __future__ import annotations

from contoffice.banking.cnab.banks import santander_return
from contoffice.banking.cnab.banks.cnab400 import (
    W,
    due_and_value,
    payer,
    remittance_header_opening,
    sequencial,
    title_terms,
)
from contoffice.banking.cnab.banks.santander_pix import RETURN_PIX
from contoffice.banking.cnab.layout import (
    BankLayout,
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
    num("codigo_transmissao", 27, 46),
    alpha("empresa_nome", 47, 76),
    const("banco", 77, 79, "033"),
    const("banco_nome", 80, 94, "SANTANDER"),
    ddmmyy("data_geracao", 95, 100),
    num("zeros", 101, 116),
    num("versao", 392, 394, "058"),
    sequencial(),
))

REMITTANCE_DETAIL = Record("detalhe_remessa", W, (
    const("registro", 1, 1, "1"),
    num("empresa_tipo_inscricao", 2, 3),
    num("empresa_documento", 4, 17),
    num("codigo_transmissao", 18, 37),
    alpha("uso_empresa", 38, 62),
    num("nosso_numero", 63, 70),  # seven digits and the DV
    ddmmyy("segundo_desconto_ate", 71, 76),
    num("codigo_multa", 78, 78, "0"),  # 4: with a fine, 0: without
    num("multa_percentual", 79, 82),  # two decimals
    num("unidade_moeda", 83, 84),
    num("valor_outra_unidade", 85, 97),
    ddmmyy("multa_data", 102, 107),
    # 1 eletrônica com registro, 3 caucionada, 4 sem registro, 5 rápida, 7 descontada
    num("carteira", 108, 108, "1"),
    num("ocorrencia", 109, 110, "01"),
    alpha("numero_documento", 111, 120),
    *due_and_value(),
    const("banco_cobranca", 140, 142, "033"),
    num("agencia_cobradora", 143, 147),
    *title_terms(numeric_instructions=True),
    *payer(),
    alpha("sacador", 352, 381),
    alpha("complemento_tipo", 383, 383, "I"),
    # The account's last digit and its DV, which Beneficiary does not hold apart.
    alpha("complemento", 384, 385),
    num("prazo_protesto", 392, 393),
    sequencial(),
))

REMITTANCE_TRAILER = Record("trailer_remessa", W, (
    const("registro", 1, 1, "9"),
    num("quantidade_linhas", 2, 7),  # every line, header and trailer included
    cents("valor_total", 8, 20),
    num("zeros", 21, 394),
    sequencial(),
))

LAYOUT = BankLayout(
    code="033",
    name="Santander",
    width=W,
    remittance_header=REMITTANCE_HEADER,
    remittance_detail=REMITTANCE_DETAIL,
    remittance_trailer=REMITTANCE_TRAILER,
    return_header=santander_return.RETURN_HEADER,
    return_detail=santander_return.RETURN_DETAIL,
    return_trailer=santander_return.RETURN_TRAILER,
    occurrences=santander_return.OCCURRENCES,
    reasons_width=3,
    extra_records={"2": RETURN_PIX},
    # The trailer counts titles per kind of collection, not this file's details, and
    # the sample sends zeros: no check.
    trailer_checks=(),
    beneficiary_fields={
        "empresa_nome": "name",
        "empresa_tipo_inscricao": "document_kind",
        "empresa_documento": "document",
        "codigo_transmissao": "agreement",
        "carteira": "modality",
        "agencia": "agency",
        "conta": "account",
    },
    protest_instruction="06",  # protestar
    commands={
        Command.REGISTER: "01",
        Command.WRITE_OFF: "02",
        Command.CHANGE_DUE_DATE: "06",
        Command.PROTEST: "09",
        # No face-value change in the 400 layout.
    },
)
