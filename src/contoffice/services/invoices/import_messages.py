"""What importing open invoices from a spreadsheet says to a clerk (pt-BR), beside its service."""

from __future__ import annotations

CLIENT_UNKNOWN = "Cliente com CPF/CNPJ {document} não cadastrado: importe os clientes antes."
CLIENT_DOCUMENT_EMPTY = "Informe o CPF/CNPJ do cliente."
ALREADY_OPEN = "O cliente já tem a fatura {code} em aberto com o mesmo vencimento e valor."
REPEATED = "Fatura repetida na planilha (mesmo cliente, vencimento e valor da linha {first})."
DEFAULT_DESCRIPTION = "Fatura em aberto importada"
HAS_REFUSED = (
    "{count} linha(s) da planilha foram recusadas; nada foi importado. Corrija-as, ou importe "
    "só as linhas aceitas (opção de ignorar as recusadas)."
)
NOTHING_TO_IMPORT = "Nenhuma linha da planilha pode ser importada; nada foi gravado."
CANCELLED = "Importação cancelada: nenhuma fatura foi gravada."
EVENT_TEXT = "Importada da planilha {file}, linha {row}"
CHECKING = "Conferindo a planilha"
WRITING = "Gravando as faturas"
