"""Sicoob (756) CNAB 400 cobrança: remittance and return records, occurrence codes.

Sicoob's 400 layout descends from Banco do Brasil's CBR641/CBR643: the return shares
columns 107-400 with CBR643.
"""

from __future__ import annotations

from contoffice.banking.cnab.banks.bb_cbr643 import cbr643_tail, cbr643_trailer
from contoffice.banking.cnab.banks.cnab400 import (
    REMITTANCE_TRAILER,
    W,
    bank_identity,
    remittance_header_opening,
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
from contoffice.banking.cnab.model import Command

REMITTANCE_HEADER = Record("header_remessa", W, (
    *remittance_header_opening(),
    num("agencia", 27, 30),  # prefixo da cooperativa
    alpha("agencia_dv", 31, 31),
    num("codigo_empresa", 32, 40),  # código do cliente (8) and its DV
    alpha("empresa_nome", 47, 76),
    const("banco", 77, 79, "756"),
    const("banco_nome", 80, 94, "BANCOOBCED"),
    ddmmyy("data_geracao", 95, 100),
    num("sequencial_remessa", 101, 107),
    sequencial(),
))

REMITTANCE_DETAIL = Record("detalhe_remessa", W, (
    const("registro", 1, 1, "1"),
    num("empresa_tipo_inscricao", 2, 3),
    num("empresa_documento", 4, 17),
    num("agencia", 18, 21),
    alpha("agencia_dv", 22, 22),
    num("conta", 23, 30),
    alpha("conta_dv", 31, 31),
    num("convenio_cobranca", 32, 37),  # always zeros
    alpha("uso_empresa", 38, 62),
    num("nosso_numero", 63, 74),  # eleven digits and the DV
    num("parcela", 75, 76, "01"),
    num("grupo_valor", 77, 78),
    alpha("indicativo_sacador", 82, 82),  # A: 352-391 names the sacador/avalista
    alpha("prefixo_titulo", 83, 85),
    num("variacao", 86, 88),
    num("conta_caucao", 89, 89),
    num("contrato", 90, 94),
    num("contrato_dv", 95, 95),
    num("bordero", 96, 101),
    num("tipo_emissao", 106, 106, "2"),  # 1: the cooperative prints, 2: the office
    num("carteira", 107, 108, "01"),  # modalidade: 01 simples com registro
    num("ocorrencia", 109, 110, "01"),
    alpha("numero_documento", 111, 120),
    ddmmyy("vencimento", 121, 126),
    cents("valor", 127, 139),
    const("banco_cobranca", 140, 142, "756"),
    num("agencia_cobradora", 143, 146),
    alpha("agencia_cobradora_dv", 147, 147),
    num("especie", 148, 149, "01"),
    num("aceite", 150, 150, "0"),  # 0: não aceite, 1: aceite
    ddmmyy("emissao", 151, 156),
    num("instrucao1", 157, 158),
    num("instrucao2", 159, 160),
    # Rates with four decimals (percent per month / of the face), not amounts: the
    # item's juros per day in cents has no place here.
    num("taxa_juros", 161, 166),
    num("taxa_multa", 167, 172),
    num("distribuicao", 173, 173, "2"),  # 1: the cooperative delivers, 2: the office
    ddmmyy("desconto_ate", 174, 179),
    cents("desconto", 180, 192),
    num("moeda", 193, 193, "9"),
    cents("iof", 194, 205),
    cents("abatimento", 206, 218),
    num("pagador_tipo_inscricao", 219, 220),
    num("pagador_documento", 221, 234),
    alpha("pagador_nome", 235, 274),
    alpha("pagador_endereco", 275, 311),
    alpha("pagador_bairro", 312, 326),
    num("pagador_cep", 327, 334),
    alpha("pagador_cidade", 335, 349),
    alpha("pagador_uf", 350, 351),
    alpha("observacoes", 352, 391),
    num("prazo_protesto", 392, 393),  # dias para protesto; 00: the cooperative's default
    sequencial(),
))

RETURN_HEADER = Record("header_retorno", W, (
    *return_header_opening(),
    num("agencia", 27, 30),
    alpha("agencia_dv", 31, 31),
    num("codigo_empresa", 32, 40),
    *bank_identity(),
    num("sequencial_retorno", 101, 107),
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
    num("convenio_cobranca", 32, 37),
    alpha("uso_empresa", 38, 62),
    num("nosso_numero", 63, 74),
    num("parcela", 75, 76),
    num("grupo_valor", 77, 78),
    alpha("motivos", 79, 81),  # código de baixa/recusa
    alpha("prefixo_titulo", 83, 85),
    num("variacao", 86, 88),
    *cbr643_tail(),
))

Oc = Occurrence
OCCURRENCES = {
    "02": Oc.ENTRADA_CONFIRMADA,
    "03": Oc.REJEITADA,  # comando recusado
    "05": Oc.LIQUIDACAO,  # sem registro
    "06": Oc.LIQUIDACAO,
    "09": Oc.BAIXA,
    "10": Oc.BAIXA,  # a pedido do beneficiário
    "11": Oc.OUTROS,  # em ser
    "14": Oc.OUTROS,  # vencimento alterado
    "15": Oc.LIQUIDACAO,  # em cartório
    "23": Oc.PROTESTO,  # encaminhado a protesto
    "27": Oc.OUTROS,  # alteração de dados confirmada
    "48": Oc.OUTROS,  # transferência de carteira/modalidade confirmada
}

LAYOUT = BankLayout(
    code="756",
    name="Sicoob",
    width=W,
    remittance_header=REMITTANCE_HEADER,
    remittance_detail=REMITTANCE_DETAIL,
    remittance_trailer=REMITTANCE_TRAILER,
    return_header=RETURN_HEADER,
    return_detail=RETURN_DETAIL,
    return_trailer=cbr643_trailer("756"),
    occurrences=OCCURRENCES,
    reasons_width=3,
    trailer_checks=(),  # per kind of collection, as in CBR643; no sample to hold them to
    beneficiary_fields={
        "empresa_nome": "name",
        "empresa_tipo_inscricao": "document_kind",
        "empresa_documento": "document",
        "agencia": "agency",
        "agencia_dv": "agency_dv",
        "agencia_cobradora": "agency",
        "agencia_cobradora_dv": "agency_dv",
        "conta": "account",
        "conta_dv": "account_dv",
        "codigo_empresa": "agreement",
        "carteira": "modality",
    },
    commands={
        Command.REGISTER: "01",
        Command.WRITE_OFF: "02",
        Command.CHANGE_DUE_DATE: "06",
        Command.PROTEST: "09",
        # 31 (alteração de outros dados) is the only way to a new amount; not mapped.
    },
)
