"""What importing clients from a spreadsheet says to a clerk (pt-BR), beside its service."""

from __future__ import annotations

FILE_UNREADABLE = "Não foi possível abrir a planilha: {reason}"
# Why one row is refused (the row number is shown beside it).
DUPLICATE_IN_FILE = "CPF/CNPJ {document} repetido na planilha: já aparece na linha {first}."
DUPLICATE_IN_DATABASE = "CPF/CNPJ {document} já cadastrado (código {code})."
CITY_UNKNOWN = "Cidade desconhecida: «{city}» não está na lista de municípios do IBGE."
CITY_AMBIGUOUS = "A cidade «{city}» existe em mais de uma UF: informe a UF."
KIND_UNKNOWN = "Tipo de pessoa «{kind}» não reconhecido: use PF, PJ ou Pré-cadastro."
TOO_LONG = "{field}: no máximo {limit} caracteres (tem {length})."
# The import as a whole.
HAS_REFUSED = (
    "{count} linha(s) da planilha foram recusadas; nada foi importado. Corrija-as, ou importe "
    "só as linhas aceitas (opção de ignorar as recusadas)."
)
NOTHING_TO_IMPORT = "Nenhuma linha da planilha pode ser importada; nada foi gravado."
CANCELLED = "Importação cancelada: nenhum cadastro foi gravado."
AUDIT_NOTE = "Importado da planilha {file}, linha {row}"
EXTERNAL_CODE_NOTE = "Código no sistema anterior: {code}"
CHECKING = "Conferindo a planilha"
WRITING = "Gravando os cadastros"
