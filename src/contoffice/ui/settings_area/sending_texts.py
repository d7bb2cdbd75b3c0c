"""What Configurações → Contas de envio says to the clerk (pt-BR)."""

from __future__ import annotations

TITLE = "Contas de envio"
MAIL_TAB = "Contas de e-mail"
SMS_TAB = "Gateways de SMS"

ACCOUNT_COLUMNS = ("Nome", "Servidor", "Porta", "Segurança", "Remetente", "Padrão", "Ativa",
                   "Senha guardada", "Enviadas hoje")
GATEWAY_COLUMNS = ("Nome", "URL", "Método", "Limite diário", "Por minuto", "Padrão", "Ativo",
                   "Token guardado")
NO_LOGIN = "Sem login"
NO_LIMIT = "Sem limite"

NEW_ACCOUNT = "Nova conta"
NEW_GATEWAY = "Novo gateway"
EDIT = "Editar"
TEST_ACCOUNT = "Testar conexão"
TEST_GATEWAY = "Testar envio"
SAVE = "Salvar"
CANCEL = "Cancelar"
OK = "OK"
SAVED = "Alterações salvas."

ACCOUNT_NEW_TITLE = "Nova conta de envio"
ACCOUNT_EDIT_TITLE = "Editar conta de envio"
GATEWAY_NEW_TITLE = "Novo gateway de SMS"
GATEWAY_EDIT_TITLE = "Editar gateway de SMS"

NAME = "Nome"
HOST = "Servidor"
PORT = "Porta"
SECURITY = "Segurança"
USER = "Usuário"
PASSWORD = "Senha"
SENDER_NAME = "Nome do remetente"
SENDER_ADDRESS = "E-mail do remetente"
DAILY_LIMIT = "Limite diário"
PER_MINUTE = "Mensagens por minuto"
DEFAULT_ACCOUNT = "Conta padrão"
ACTIVE_ACCOUNT = "Ativa"
LIMIT_HINT = "0 = sem limite"

PASSWORD_KEEP = "deixe em branco para manter a senha guardada"
PASSWORD_NONE = "nenhuma senha guardada neste computador"
TOKEN_KEEP = "deixe em branco para manter o token guardado"
TOKEN_NONE = "nenhum token guardado neste computador"

URL = "URL"
METHOD = "Método"
HEADERS = "Cabeçalhos"
BODY = "Corpo"
TOKEN = "Token"
DEFAULT_GATEWAY = "Gateway padrão"
ACTIVE_GATEWAY = "Ativo"
HEADERS_HINT = "Um cabeçalho por linha, no formato \"Nome: valor\"."
PLACEHOLDERS = ("Coringas que o contoffice troca em URL, Cabeçalhos e Corpo: #telefone# (o "
                "celular, com 55 e DDD), #mensagem# (o texto do SMS) e #token# (o token "
                "guardado no cofre de senhas deste computador).")

NO_KEYRING_TITLE = "Cofre de senhas indisponível"
NO_KEYRING = ("Este computador não tem cofre de senhas. A senha (ou o token) fica guardada só "
              "enquanto o programa estiver aberto e será pedida de novo da próxima vez.")

TEST_TO_LABEL = "Enviar a mensagem de teste para o e-mail:"
TEST_PHONE_LABEL = "Celular (com DDD) que recebe o SMS de teste:"
TEST_RESULT_TITLE = "Resultado do teste"
SELECT_FIRST = "Selecione uma linha da lista."
