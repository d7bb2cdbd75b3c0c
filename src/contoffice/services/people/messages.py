"""What the people services say to a clerk about the clients' access data (pt-BR).

Kept beside the services that say it: the kernel catalogue (services.kernel.messages)
is past its size; these are ours, in the seed's style.
"""

from __future__ import annotations

ACCESS_LOGIN_TAKEN = "Login de acesso já usado por outro cadastro."
ACCESS_LOGIN_LENGTH = "O login de acesso deve ter de {low} a {high} caracteres."
ACCESS_LOGIN_SPACES = "O login de acesso não pode ter espaços."
ACCESS_PASSWORD_TOO_SHORT = "A senha de acesso deve ter pelo menos {length} caracteres."
ACCESS_PASSWORD_WITHOUT_LOGIN = "Informe o login de acesso antes de cadastrar a senha."
ACCESS_ACTIVE_WITHOUT_LOGIN = "Informe o login de acesso antes de ativar o acesso."
ACCESS_ACTIVE_WITHOUT_PASSWORD = "Informe a senha de acesso antes de ativar o acesso."
ACCESS_ATTEMPTS_RANGE = "Tentativas antes de bloquear deve estar entre {low} e {high}."
ACCESS_NO_LOGIN = "Cliente sem login de acesso: cadastre o login em Informações de acesso."
# What the audit trail keeps instead of a password: never the password, never its hash.
PASSWORD_CHANGED = "senha alterada"
