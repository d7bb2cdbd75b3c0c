"""What the Mensagens area says to the clerk (pt-BR); refusals come from the services."""

from __future__ import annotations

SENT_GRID = "messages.sent"
CLIENT_GRID = "client.messages"
SENT_TITLE = "Mensagens enviadas"
NO_VIEW = "Seu perfil não permite ver as mensagens enviadas."

# Envio em massa
MASS = "Envio em massa"
WHAT = "O que enviar"
BY_COMPETENCE = "Boletos da competência"
OVERDUE = "Faturas vencidas"
FINDER = "Clientes selecionados no localizador ({n})"
FINDER_NONE = "Clientes selecionados no localizador (nenhum selecionado)"
CHANNEL = "Canal"
TEMPLATE = "Modelo"
ACCOUNT = "Conta para envio"
GATEWAY = "Gateway de SMS"
SIMULATE = "Simular"
SEND = "Enviar"
CLOSE = "Fechar"
SIMULATING = "Simulando…"
QUEUEING = "Preparando o envio…"
TO_SEND = "{n} mensagem(ns) a enviar"
SKIPPED = "{n} sem envio"
NOTHING_TO_SEND = "Nenhuma mensagem a enviar: confira os motivos abaixo."
STALE_PLAN = "As opções mudaram: clique em Simular novamente antes de enviar."
ASK_SEND = "Enviar {n} mensagens?"
LINE_COLUMNS = ("Cliente", "Fatura", "Destino", "Assunto")
SKIP_COLUMNS = ("Cliente", "Fatura", "Motivo")

# Sending and its report
SENDING = "Enviando mensagens"
RESENDING = "Reenviar mensagens"
REPORT_TITLE = "Relatório do envio"
SENT = "Enviadas"
FAILED = "Com falha"
PENDING = "Pendentes"
UNCERTAIN = "Interrompidas"
CONTINUE = "Continuar envio"
CANCELLED = "Envio cancelado pelo operador: {n} mensagem(ns) ficaram pendentes."
LEFT_PENDING = "{n} mensagem(ns) ficaram pendentes."
UNCERTAIN_HINT = ("{n} mensagem(ns) tiveram o envio interrompido no meio da conversa com o "
                  "servidor: confira com o cliente antes de reenviar.")
FAILURE_LINE = "Mensagem {code}: {reason}"

# Abrir mensagem
MESSAGE_TITLE = "Mensagem {code}"
WHEN = "Data e hora"
CLIENT = "Cliente"
DESTINATION = "Destinatário"
COPIES = "Cópias"
SUBJECT = "Assunto"
BODY = "Mensagem"
ATTACHMENTS = "Anexos"
STATUS = "Situação"
ERROR = "Motivo da falha"
NONE = "—"
