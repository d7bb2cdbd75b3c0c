"""What the Mensagens services say to the clerk (pt-BR)."""

from __future__ import annotations

NO_ACCOUNT = ("Nenhuma conta de envio de e-mail cadastrada. Cadastre uma em Configurações → "
              "Contas de envio.")
NO_GATEWAY = ("Nenhum gateway de SMS cadastrado. Cadastre um em Configurações → Contas de envio.")
ACCOUNT_UNKNOWN = "Conta de envio {name} não encontrada."
ACCOUNT_INACTIVE = "A conta de envio {name} está inativa."
ACCOUNT_NAME_USED = "Já existe uma conta de envio chamada {name}."
NO_PASSWORD = ("A senha da conta de envio {name} não está guardada neste computador. "
               "Informe a senha em Configurações → Contas de envio.")
NO_TOKEN = ("O token do gateway de SMS {name} não está guardado neste computador. "
            "Informe o token em Configurações → Contas de envio.")
PORT_RANGE = "Porta deve estar entre 1 e 65535."
LIMIT_RANGE = "{field} não pode ser negativo."
REQUIRED = "Informe {field}."
TEST_SUBJECT = "Teste da conta de envio {name}"
TEST_BODY = ("Esta é uma mensagem de teste enviada pelo contoffice para conferir a conta de "
             "envio {name}. Se você a recebeu, a conta está funcionando.")
TEST_SENT = "Mensagem de teste enviada para {to}."
DAILY_LIMIT = ("Limite diário da conta {name} atingido ({limit} mensagens hoje); "
               "o restante fica pendente para amanhã.")
NO_EMAIL = "Cliente sem e-mail cadastrado."
BAD_EMAIL = "E-mail inválido: {address}."
NO_PHONE = "Cliente sem celular cadastrado."
NOTHING_TO_SEND = "Nada a enviar: nenhuma fatura em aberto para este cliente."
NO_RECIPIENT = "Informe o e-mail de destino."
EMPTY_MESSAGE = "Informe o assunto e o corpo da mensagem."
TEMPLATE_NAME = "Informe o nome do modelo."
TEMPLATE_UNKNOWN = "Modelo {name} não encontrado."
ATTACHMENT_FAILED = "Não foi possível gerar o anexo {name}: {reason}"
RETRIED = "{reason} (tentou {attempts} vezes)"
INTERRUPTED = ("O envio foi interrompido no meio da conversa com o servidor: confira com o "
               "cliente se a mensagem chegou antes de reenviar.")
NOT_RESENDABLE = ("A mensagem {code} está {status}: só mensagens que falharam ou foram "
                  "interrompidas são reenviadas.")
CANCELLED = "Envio cancelado pelo operador."
MASKED_PASSWORD = "••••••••"
NO_BOLETO = "Fatura {code} sem profile de pagamento: não há boleto para anexar."
ONE_CLIENT = "Selecione faturas de um só cliente para enviar por e-mail."
UNKNOWN_WILDCARD = "Coringa desconhecido: {names}. Use só os coringas da lista."
UNKNOWN_WILDCARDS = "Coringas desconhecidos: {names}. Use só os coringas da lista."
