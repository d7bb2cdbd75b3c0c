"""Every refusal and warning a clerk can read, in one catalogue.

The seed's messages (seed 002, inventoried in research/features.md §1.E–§1.J)
are kept word for word, including its inconsistent capitals; `{code}` stands
where the seed writes X. A test asserts each exact text.
"""

from __future__ import annotations

# Access and concurrency (ours: the seed has none for these).
PERMISSION_DENIED = "Você não tem permissão para usar a ferramenta \"{tool}\"."
LOGIN_FAILED = "Usuário ou senha inválidos."
LOGIN_LOCKED = "Usuário bloqueado após {attempts} tentativas sem sucesso. Procure o administrador."
LOGIN_EXPIRED = "O acesso deste usuário expirou em {date}."
LOGIN_INACTIVE = "Este usuário está inativo."
REQUIRED_FIELD = "O campo {field} é obrigatório."
DUPLICATE_DOCUMENT = "Já existe um cadastro com o documento {document} (código {code})."
DOCUMENT_KIND_MISMATCH = "{kind}: informe um {expected}."
PERSON_NOT_FOUND = "Cadastro {code} não encontrado (pode ter sido removido por outro usuário)."
