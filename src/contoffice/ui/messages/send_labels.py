"""What the individual send dialog says to the clerk (pt-BR)."""

from __future__ import annotations

TITLE = "Enviar e-mail"
TO = "E-mail de destino"
TO_HINT = "Vários e-mails separados por ;"
CC = "Destinos em cópia"
ACCOUNT = "Conta para envio"
TEMPLATE = "Modelo"
SUBJECT = "Título"
BODY = "Corpo da mensagem"
ATTACHMENTS = "Anexos"
WILDCARDS = "Coringas"
WILDCARDS_HINT = "Clique duas vezes para inserir no texto."
SAVE_AS_TEMPLATE = "Deseja salvar esse e-mail como modelo"
TEMPLATE_NAME = "Nome do modelo"
SURE = "Tem certeza que deseja enviar este e-mail?"
PREVIEW = "Pré-visualizar"
PREVIEW_TITLE = "Pré-visualização do e-mail"
PREVIEW_SUBJECT = "Título: {subject}"
SEND = "Enviar"
CANCEL = "Cancelar"
CLOSE = "Fechar"
SENDING = "Enviando e-mail"
SENT = "E-mail enviado para {to}."
NOT_SENT = ("O e-mail não foi enviado: {reason}\n\nA mensagem ficou registrada como falha em "
            "SMS, e-mail e Mensagens Enviadas.")
NOT_SENT_YET = ("O e-mail não foi enviado agora: {reason}\n\nA mensagem ficou pendente em "
                "SMS, e-mail e Mensagens Enviadas.")
INTERRUPTED = ("O envio foi interrompido no meio da conversa com o servidor. Confira com o "
               "cliente se a mensagem chegou antes de reenviar.")
TEMPLATE_SAVED = "Modelo {name} salvo."
