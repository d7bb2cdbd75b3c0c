"""The columns of every grid, in the seed's words (finder: INV-A-2; panel pages: INV-C-2)."""

from __future__ import annotations

from contoffice.core.grids import ColumnKind as K
from contoffice.core.grids import ColumnSpec as C
from contoffice.db.queries import (
    client_activity,
    client_charges,
    client_contracts,
    client_invoices,
    client_settlements,
    messages,
)
from contoffice.db.queries import fiscal_documents as fiscal

# The eight columns of "Últimos 1000 novos cadastros ativos" and of the search panels.
PEOPLE = (
    C("id", "Código", K.INT, "code", "id", width=70),
    C("registered_on", "Data de cadastro", K.DATE, "registered_on", "registered_on", width=100),
    C("name", "Cliente", K.TEXT, "name", "name", width=260),
    C("document", "Documento", K.DOCUMENT, "document", "document", width=150),
    C("email", "E-mail", K.TEXT, "email", "email", width=200),
    C("phone", "Telefone", K.PHONE, "phone", "phone", width=120),
    C("city", "Cidade", K.TEXT, "city", "city", width=140),
    C("district", "Bairro", K.TEXT, "district", "district", width=140),
)

CONTRACTS = (
    C("id", "Contrato", K.INT, "id", "id", width=70),
    C("plan", "Plano", K.TEXT, "plan", "plan", width=200),
    C("fee_cents", "Valor", K.MONEY, "fee_cents", "fee_cents", width=100),
    C("due_day", "Dia de vencimento", K.INT, "due_day", "due_day", width=90),
    C("starts_on", "Início", K.DATE, "starts_on", "starts_on", width=90),
    C("ends_on", "Fim", K.DATE, "ends_on", "ends_on", width=90),
    C("status", "Situação", K.LABEL, "status", "status", client_contracts.STATUS_LABELS, 150),
    C("profile", "Profile de pagamento", K.TEXT, "profile", "profile", width=200),
    C("grouping", "Agrupamento", K.TEXT, "grouping", "grouping", width=110),
)

_INVOICE_HEAD = (
    C("id", "Fatura", K.INT, "id", "id", width=70),
    C("our_number", "Nosso número", K.INT, "our_number", "our_number", width=90),
    C("description", "Descrição", K.TEXT, "description", "description", width=220),
    C("issue_date", "Emissão", K.DATE, "issue_date", "issue_date", width=90),
    C("due_date", "Vencimento", K.DATE, "due_date", "due_date", width=90),
    C("competence", "Competência", K.COMPETENCE, "competence", "competence", width=80),
    C("amount_cents", "Valor", K.MONEY, "amount_cents", "amount_cents", width=100),
)
_STATUS = C("status", "Situação", K.LABEL, "status", "status", client_invoices.STATUS_LABELS, 120)
INVOICES = (
    *_INVOICE_HEAD,
    C("paid_cents", "Pago", K.MONEY, "paid_cents", "paid_cents", width=100),
    C("balance_cents", "Saldo", K.MONEY, "balance_cents", "balance_cents", width=100),
    _STATUS,
    C("settled_on", "Liquidada em", K.DATE, "settled_on", "settled_on", width=90),
    C("remittance_status", "Remessa", K.LABEL, "remittance", "remittance_status",
      client_invoices.REMITTANCE_LABELS, 130),
    C("in_spc", "SPC", K.BOOL, None, None, width=50),
    C("profile", "Profile", K.TEXT, "profile", "profile", width=180),
)
REMOVED_INVOICES = (
    *_INVOICE_HEAD,
    C("removed_at", "Excluída em", K.DATETIME, None, "removed_at", width=120),
    C("removed_by", "Operador", K.TEXT, "removed_by", "removed_by", width=150),
    C("removal_reason", "Motivo", K.TEXT, "removal_reason", None, width=200),
    C("replaced_by_id", "Substituída pela fatura", K.INT, None, None, width=90),
)
# Documentos Fiscais Pendentes / Gerados (INV-K, INV-L), and the Fiscal area's lists.
_CLIENT = C("client", "Cliente", K.TEXT, "client", "client", width=220)
FISCAL_PENDING = (
    C("id", "Fatura", K.INT, "id", "id", width=70),
    *_INVOICE_HEAD[2:],
    C("status", "Situação", K.LABEL, "status", "status", fiscal.INVOICE_LABELS, 110),
    C("fiscal_state", "Documento fiscal", K.LABEL, "fiscal_state", None, fiscal.PENDING_LABELS,
      140),
    C("number", "Nº DPS", K.INT, None, None, width=70),
    C("codes", "Motivo da rejeição", K.TEXT, "codes", None, width=320),
)
FISCAL_ISSUED = (
    C("nfse_number", "Número NFS-e", K.INT, "nfse_number", "nfse_number", width=90),
    C("series", "Série DPS", K.INT, None, None, width=70),
    C("number", "Nº DPS", K.INT, "number", "number", width=70),
    C("issued_at", "Emissão", K.DATETIME, None, "issued_at", width=120),
    C("competence", "Competência", K.COMPETENCE, "competence", "competence", width=80),
    C("amount_cents", "Valor", K.MONEY, "amount_cents", "amount_cents", width=100),
    C("status", "Situação", K.LABEL, "status", "status", fiscal.STATUS_LABELS, 110),
    C("invoice_id", "Fatura", K.INT, "invoice_id", "invoice_id", width=70),
    C("key", "Chave de acesso", K.TEXT, "key", None, width=380),
)
OFFICE_FISCAL_PENDING = (FISCAL_PENDING[0], _CLIENT, *FISCAL_PENDING[1:])
OFFICE_FISCAL_ISSUED = (FISCAL_ISSUED[0], _CLIENT, *FISCAL_ISSUED[1:])

_CHARGE_HEAD = (
    C("id", "Conta", K.INT, "id", "id", width=70),
    C("kind", "Tipo", K.LABEL, "kind", "kind", client_charges.KIND_LABELS, 100),
    C("description", "Descrição", K.TEXT, "description", "description", width=220),
    C("amount_cents", "Valor", K.MONEY, "amount_cents", "amount_cents", width=100),
    C("due_date", "Vencimento", K.DATE, "due_date", "due_date", width=90),
    C("competence", "Competência", K.COMPETENCE, "competence", "competence", width=80),
    C("period_start", "Ref. inicial", K.DATE, width=90),
    C("period_end", "Ref. final", K.DATE, width=90),
    C("installment", "Parcela", K.INT, width=60),
    C("status", "Situação", K.LABEL, "status", "status", client_charges.STATUS_LABELS, 100),
)
UNBILLED = (
    *_CHARGE_HEAD,
    C("ledger", "Plano de contas", K.TEXT, "ledger", "ledger", width=180),
    C("suspension_reason", "Motivo de suspensão", K.TEXT, width=150),
)
PAYABLE_CHARGES = (
    *_CHARGE_HEAD,
    C("invoice_id", "Fatura", K.INT, "invoice_id", "invoice_id", width=70),
    C("ledger", "Plano de contas", K.TEXT, "ledger", "ledger", width=180),
)

SETTLEMENTS = (
    C("invoice_id", "Fatura", K.INT, "invoice_id", "invoice_id", width=70),
    C("description", "Descrição", K.TEXT, "description", "description", width=220),
    C("due_date", "Vencimento", K.DATE, "due_date", "due_date", width=90),
    C("invoice_cents", "Valor da fatura", K.MONEY, "invoice_cents", "invoice_cents", width=100),
    C("settled_on", "Liquidação", K.DATE, "settled_on", "settled_on", width=90),
    C("amount_cents", "Valor liquidado", K.MONEY, "amount_cents", "amount_cents", width=100),
    C("method", "Forma", K.LABEL, "method", "method", client_settlements.METHOD_LABELS, 130),
    C("operator", "Operador", K.TEXT, "operator", "operator", width=150),
    C("reversed", "Estornada", K.BOOL, width=70),
    C("justification", "Justificativa", K.TEXT, "justification", None, width=180),
)

ACTIVITY = (
    C("at", "Data e hora", K.DATETIME, None, "at", width=120),
    C("operator", "Operador", K.TEXT, "operator", "operator", width=150),
    C("action", "Ação", K.LABEL, "action", "action", client_activity.ACTION_LABELS, 150),
    C("entity", "Registro", K.LABEL, "entity", "entity", client_activity.ENTITY_LABELS, 90),
    C("entity_id", "Código", K.INT, "entity_id", "entity_id", width=70),
    C("detail", "Justificativa / detalhe", K.TEXT, "detail", None, width=300),
)
NOTES = (
    C("at", "Data e hora", K.DATETIME, None, "at", width=120),
    C("operator", "Operador", K.TEXT, "operator", "operator", width=150),
    C("invoice_id", "Fatura", K.INT, "invoice_id", "invoice_id", width=70),
    C("text", "Comentário", K.TEXT, "text", None, width=400),
)

# SMS, e-mail e Mensagens Enviadas (INV-M-1): per client, and office-wide with the client.
MESSAGES = (
    C("when", "Data e hora", K.DATETIME, "when", "when", width=120),
    C("channel", "Canal", K.LABEL, "channel", "channel", messages.CHANNEL_LABELS, 60),
    C("destination", "Destinatário", K.TEXT, "destination", "destination", width=200),
    C("subject", "Assunto", K.TEXT, "subject", "subject", width=250),
    C("attachments", "Anexos", K.TEXT, None, None, width=160),
    C("status", "Situação", K.LABEL, "status", "status", messages.STATUS_LABELS, 110),
    C("error", "Motivo da falha", K.TEXT, None, None, width=220),
    C("operator", "Operador", K.TEXT, "operator", "operator", width=120),
    C("invoice_id", "Fatura", K.INT, "invoice_id", "invoice_id", width=70),
)
SENT_MESSAGES = (MESSAGES[0], C("client", "Cliente", K.TEXT, "client", "client", width=200),
                 *MESSAGES[1:])
CLEARANCES = (  # Negativas de Débitos (INV-N)
    C("year", "Ano", K.INT, "year", "year", width=70),
    C("generated_at", "Gerada em", K.DATETIME, "generated_at", "generated_at", width=140),
    C("operator", "Operador", K.TEXT, "operator", "operator", width=140),
    C("invoices", "Faturas", K.INT, "invoices", "invoices", width=70),
    C("amount_cents", "Valor total", K.MONEY, "amount_cents", "amount_cents", width=110),
    C("sent_at", "Enviada em", K.DATETIME, None, None, width=140),
)

# Grids with their columns only: no query yet, and no page shows them.
RECURRENCE = (
    C("description", "Descrição", K.TEXT, "description", "description", width=220),
    C("amount_cents", "Valor", K.MONEY, "amount_cents", "amount_cents"),
    C("next_due", "Próximo vencimento", K.DATE, "next_due", "next_due"),
    C("frequency", "Periodicidade"),
    C("remaining", "Parcelas programadas", K.INT, None, "remaining"),
    C("profile", "Profile", K.TEXT, "profile", "profile", width=180),
)
CARDS = (
    C("brand", "Bandeira"), C("last_digits", "Final"), C("holder", "Titular", width=200),
    C("expiry", "Validade"), C("token", "Token do gateway", width=200),
    C("registered_at", "Cadastrado em", K.DATETIME),
)
