"""What the Negativas de débito em lote dialog says (pt-BR)."""

from __future__ import annotations

BUTTON = "Negativas de débito em lote"
TITLE = "Negativas de débito em lote"
YEAR = "Ano de referência"
SIMULATE = "Simular"
GENERATE = "Gerar"
CLOSE = "Fechar"
HINT = ("Simule para ver quais clientes podem receber a declaração anual de quitação de "
        "débitos (Lei nº 12.007/2009) do ano escolhido; depois gere as negativas de todos "
        "os que podem receber.")
COLUMNS = ("Cliente", "Situação", "Motivo", "Faturas", "Valor")
CAN = "Pode receber"
CANNOT = "Não pode receber"
ISSUED = "Emitida"
ISSUED_REASON = "Negativa de débito nº {id} emitida."
SIMULATED = ("Simulação de {year}: {eligible} cliente(s) podem receber, "
             "{blocked} não podem receber.")
NOTHING = "Nenhum cliente com faturas com vencimento em {year}."
CONFIRM = "Gerar {n} negativas de débito de {year}?"
DONE = "Geração de {year} concluída: {issued} negativa(s) de débito emitida(s)."
CANCELLED = ("Geração de {year} interrompida: {issued} negativa(s) de débito emitida(s), "
             "{left} ficaram para gerar (gere de novo para continuar).")
REFUSED = "{n} cliente(s) deixaram de poder receber desde a simulação (veja o motivo)."
