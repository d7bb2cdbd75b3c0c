"""What importing contracts from a spreadsheet says to a clerk (pt-BR), beside its service."""

from __future__ import annotations

CLIENT_UNKNOWN = "Cliente com CPF/CNPJ {document} não cadastrado: importe os clientes antes."
CLIENT_DOCUMENT_EMPTY = "Informe o CPF/CNPJ do cliente."
PLAN_EMPTY = "Informe o plano do contrato."
PLAN_TOO_LONG = "Plano: no máximo {limit} caracteres (tem {length})."
DUE_DAY_INVALID = "Dia de vencimento inválido: «{day}» (use de 1 a 31)."
ALREADY_ACTIVE = "O cliente já tem o contrato {code} ativo do plano «{plan}»."
REPEATED = "Contrato repetido na planilha (mesmo cliente e plano da linha {first})."
HAS_REFUSED = (
    "{count} linha(s) da planilha foram recusadas; nada foi importado. Corrija-as, ou importe "
    "só as linhas aceitas (opção de ignorar as recusadas)."
)
NOTHING_TO_IMPORT = "Nenhuma linha da planilha pode ser importada; nada foi gravado."
CANCELLED = "Importação cancelada: nenhum contrato foi gravado."
AUDIT_NOTE = "Importado da planilha {file}, linha {row}"
CHECKING = "Conferindo a planilha"
WRITING = "Gravando os contratos"
