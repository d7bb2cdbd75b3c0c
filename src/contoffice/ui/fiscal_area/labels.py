"""What the Fiscal area says (pt-BR)."""

from __future__ import annotations

PENDING_GRID, ISSUED_GRID = "fiscal.pending", "fiscal.issued"
COMPETENCE = "Competência"
PENDING_TAB = "Faturas sem nota"
ISSUED_TAB = "Notas emitidas"
SIMULATE = "Simular"
GENERATE = "Gerar notas"
TITLE = "Emissão de notas da competência"
HINT = ("Simule para ver quais faturas da competência receberão a NFS-e e quais não podem "
        "(e por quê); depois gere as notas. Nada é transmitido na simulação.")
NO_SETTINGS = ("Os dados fiscais do escritório ainda não foram configurados "
               "(Configurações → Dados fiscais).")
COLUMNS = ("Fatura", "Cliente", "Valor", "Situação", "Detalhe")
WOULD_ISSUE = "Será emitida"
REFUSED = "Não pode ser emitida"
AUTHORISED = "Autorizada"
REJECTED = "Rejeitada"
UNCERTAIN = "Sem resposta"
NOT_DONE = "Não gerada"
SIMULATED = ("Simulação de {competence}: {ok} nota(s) serão emitidas, {refused} fatura(s) "
             "não podem receber nota.")
NOTHING = "Nenhuma fatura sem nota na competência {competence}."
CONFIRM = ("Gerar e transmitir {n} nota(s) fiscal(is) da competência {competence}? "
           "Uma nota autorizada só pode ser cancelada, não apagada.")
DONE = ("Emissão de {competence} concluída: {authorised} autorizada(s), {rejected} "
        "rejeitada(s), {uncertain} sem resposta.")
CANCELLED = ("Emissão de {competence} interrompida: {authorised} autorizada(s), {rejected} "
             "rejeitada(s), {uncertain} sem resposta; as demais ficaram para gerar.")
UNCERTAIN_HINT = ("As notas sem resposta serão consultadas na Sefin antes de qualquer novo "
                  "envio: gere de novo mais tarde.")
