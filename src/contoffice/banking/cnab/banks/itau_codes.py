"""Itaú's (341) own occurrence and command codes, shared by its CNAB 400 and 240."""

from __future__ import annotations

from contoffice.banking.cnab.layout import Occurrence
from contoffice.banking.cnab.model import Command

Oc = Occurrence
# Itaú's own codes (its CNAB 400 manual; laravel-boleto `Cnab400/Banco/Itau.php`), not
# FEBRABAN's: 25 is "alegações do pagador" here, not "protestado e baixado".
OCCURRENCES = {
    "02": Oc.ENTRADA_CONFIRMADA,
    "03": Oc.REJEITADA,
    "05": Oc.BAIXA,  # alteração de dados – baixa
    "06": Oc.LIQUIDACAO,
    "07": Oc.LIQUIDACAO,  # parcial (cobrança inteligente)
    "08": Oc.LIQUIDACAO,  # em cartório
    "09": Oc.BAIXA,  # simples
    "10": Oc.LIQUIDACAO,  # baixa por ter sido liquidado
    "15": Oc.REJEITADA,  # baixas rejeitadas
    "16": Oc.REJEITADA,  # instruções rejeitadas
    "17": Oc.REJEITADA,  # alteração/exclusão de dados rejeitada
    "18": Oc.REJEITADA,  # cobrança contratual: instruções/alterações rejeitadas/pendentes
    "19": Oc.PROTESTO,  # instrução de protesto confirmada
    "20": Oc.PROTESTO,  # sustação de protesto confirmada
    "21": Oc.PROTESTO,  # instrução de não protestar confirmada
    "23": Oc.PROTESTO,  # enviado a cartório
    "24": Oc.REJEITADA,  # instrução de protesto rejeitada/sustada/pendente
    "32": Oc.PROTESTO,  # baixa por ter sido protestado
    "47": Oc.BAIXA,  # baixa com transferência para desconto
    "59": Oc.LIQUIDACAO,  # baixa por crédito em c/c através do SISPAG
    "60": Oc.REJEITADA,  # entrada rejeitada (carnê)
    "63": Oc.PROTESTO,  # sustado judicialmente
    "64": Oc.ENTRADA_CONFIRMADA,  # com rateio de crédito
    "71": Oc.ENTRADA_CONFIRMADA,  # registrada, aguardando avaliação
    "72": Oc.BAIXA,  # crédito via SISPAG sem título correspondente
    "73": Oc.ENTRADA_CONFIRMADA,  # na cobrança simples
    "74": Oc.REJEITADA,  # negativação expressa rejeitada
    # Tarifas and custas: 26-30 tarifas, 33-36 custas de cartório, 37-46 tarifas e débitos
    # mensais, 48 custas de sustação judicial, 51-56 tarifas mensais e custas, 61-62 aviso
    # de movimentação, 80-93 negativação expressa e cobrança ativa.
    **{code: Oc.TARIFA for code in (
        "26", "27", "28", "29", "30", "33", "34", "35", "36", "37", "38", "39", "40", "41",
        "42", "43", "44", "45", "46", "48", "51", "52", "53", "54", "55", "56", "61", "62",
        "80", "82", "83", "85", "86", "87", "88", "89", "90", "91", "92", "93",
    )},
}

COMMANDS = {
    Command.REGISTER: "01",
    Command.WRITE_OFF: "02",  # pedido de baixa
    Command.CHANGE_DUE_DATE: "06",
    Command.PROTEST: "09",
}
