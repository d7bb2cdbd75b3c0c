"""What Cobrança bancária says to a clerk (pt-BR), in one place."""

from __future__ import annotations

PROFILE_NOT_FOR_FILES = (
    "O profile {profile} é do banco {bank}, que não tem arquivo de remessa CNAB {layout}."
)
PROFILE_INACTIVE = "O profile {profile} está inativo."
NOTHING_TO_SEND = "Nenhuma fatura aguarda remessa no profile {profile}."
OFFICE_DOCUMENT_MISSING = (
    "Informe o CNPJ do escritório em Configuração Básica antes de gerar remessas."
)
REMITTANCE_TRANSMITTED = "A remessa {number} já foi transmitida e não pode ser desfeita."
REMITTANCE_UNDONE = "A remessa {number} já foi desfeita."
REMITTANCE_NOT_GENERATED = "A remessa {number} não está gerada (situação: {status})."
RETURN_ALREADY_IMPORTED = "Este arquivo de retorno já foi importado em {when} (retorno {code})."
RETURN_UNREADABLE = "Arquivo de retorno recusado, {reason}. Nada foi importado."
RETURN_NO_PROFILE = (
    "Nenhum profile de pagamento ativo do banco {bank} com agência {agency} e conta {account}"
    " corresponde a este retorno. Nada foi importado."
)
RETURN_MANY_PROFILES = (
    "Mais de um profile de pagamento corresponde a este retorno ({profiles}); escolha o profile."
)
RETURN_WRONG_PROFILE = (
    "Este retorno é do banco {bank}, agência {agency}, conta {account}: não pertence ao profile"
    " {profile}. Nada foi importado."
)
RETURN_CANCELLED = "Importação cancelada: nada foi importado."
RETURN_CHANGED_MEANWHILE = (
    "Outra mesa alterou faturas deste retorno durante a importação; nada foi importado."
    " Importe o arquivo de novo."
)
INVOICE_CLOSED = "Fatura {code} {state}: a liquidação do banco não foi aplicada; verifique."
# History of an invoice.
EVENT_SENT = "Incluída na remessa {number} ({command})"
EVENT_UNDONE = "Remessa {number} desfeita: a fatura volta a aguardar remessa"
EVENT_TRANSMITTED = "Remessa {number} transmitida ao banco"
EVENT_CONFIRMED = "Entrada confirmada pelo banco (retorno {code}, ocorrência {occurrence})"
EVENT_REJECTED = "Rejeitada pelo banco (retorno {code}, ocorrência {occurrence}): motivos {reasons}"
EVENT_WRITTEN_OFF = "Baixa confirmada pelo banco (retorno {code}, ocorrência {occurrence})"
EVENT_OTHER = "Ocorrência {occurrence} do banco (retorno {code})"
SETTLED_BY_RETURN = "Liquidação pelo retorno {code} (ocorrência {occurrence}), crédito em {credit}"
RECONCILED_BY_RETURN = "Conciliada pelo retorno {code}: já estava liquidada"
SPC_FLAG = "Fatura no SPC liquidada pelo banco: retire-a do SPC."
FEE_DESCRIPTION = "Tarifas de cobrança do retorno {code} ({count} ocorrência(s))"
FEE_SUPPLIER = "{bank} (tarifas de cobrança)"
COMMANDS = {"registrar": "entrada", "baixar": "pedido de baixa"}
