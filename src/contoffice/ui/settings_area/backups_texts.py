"""Words of Configurações → Cópias de segurança, the automatic backups and the idle lock."""

from __future__ import annotations

TITLE = "Cópias de segurança"
DAILY = "Fazer uma cópia por dia (ao abrir o contoffice)"
ON_CLOSE = "Fazer uma cópia ao fechar o contoffice"
KEEP = "Guardar as últimas"
KEEP_SUFFIX = " cópias"
KEEP_ALL = "todas"
FOLDER = "Pasta das cópias"
CHOOSE = "Escolher…"
CHOOSE_TITLE = "Pasta das cópias de segurança"
IDLE = "Bloquear a janela após"
IDLE_SUFFIX = " min sem uso"
IDLE_OFF = "nunca"
LAST = "Última cópia: {when}"
LAST_NONE = "Última cópia: nenhuma ainda"
BACKUP_NOW = "Fazer cópia agora"
RESTORE = "Restaurar…"
RESTORE_OTHER = "Restaurar de outro arquivo…"
OPEN_TITLE = "Cópia de segurança a restaurar"
OPEN_FILTER = "Cópias do contoffice (*.sqlite3 *.dump);;Todos os arquivos (*)"
HEADERS = ("Data", "Versão", "Tamanho", "Arquivo")
WORKING_BACKUP = "Fazendo a cópia de segurança…"
WORKING_RESTORE = "Restaurando a cópia de segurança…"
DONE_BACKUP = "Cópia gravada em {path}."
NONE_SELECTED = "Selecione uma cópia na lista."
CONFIRM_TITLE = "Restaurar cópia de segurança"
CONFIRM = (
    "Restaurar a cópia {name}?\n\nOs dados atuais do escritório serão trocados pelos desta "
    "cópia. Antes disso, os dados atuais são guardados numa cópia à parte, que também pode "
    "ser restaurada depois.\n\nFeche o contoffice nas outras estações antes de continuar."
)
RESTORED = (
    "A cópia {name} foi restaurada. Os dados anteriores foram guardados em {previous}.\n\n"
    "O contoffice precisa ser aberto de novo para mostrar os dados restaurados."
)
RESTART = "Reabrir o contoffice agora?"
CLOSING_BACKUP = "Fazendo a cópia de segurança antes de fechar…"
CLOSE_FAILED = "A cópia de segurança ao fechar não foi feita: {reason}"
DAILY_DONE = "Cópia de segurança diária gravada em {path}."
DAILY_FAILED = "A cópia de segurança diária não foi feita: {reason}"
