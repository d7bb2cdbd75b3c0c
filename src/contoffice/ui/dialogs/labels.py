"""Titles and field labels of the tool dialogs, in the seed's words (refusals: messages.py)."""

from __future__ import annotations

# Shared.
SURE = "Tenho certeza que desejo realizar este procedimento"
SURE_APPLY = "Tem certeza que deseja aplicar as alterações"
SURE_COMMENT = "Confirma a inserção desse comentário?"
CANCEL = "Cancelar"
JUSTIFICATION = "Justificativa"
NOTES = "Observações adicionais"
SUSPENSION_REASON = "Motivo de suspensão"
DESCRIPTION = "Descrição"
VALUE = "Valor"
DUE_DATE = "Vencimento"
PROFILE = "Profile de pagamento"
LEDGER = "Referência da unidade de plano de contas"
NO_LEDGER = "(padrão)"
NO_PROFILE = "(do contrato / da conta)"
PERIOD_START = "Data inicial de referência"
PERIOD_END = "Data final de referência"
INSTALLMENT = "Parcela"
COMMENT = "Comentário"
NEXT = "Avance para a próxima etapa"
BACK = "Voltar"

# Faturas a Receber.
ALTER_TITLE = "Alterar Fatura"
WHAT_TO_ALTER = "O que alterar"
ALTER_OPTIONS = (
    ("description", "Descrição da fatura"),
    ("due_date", "Data de vencimento da fatura"),
    ("charges", "Editar contas associadas a faturas"),
    ("mark", "Incluir marcação de remessa transmitida"),
    ("unmark", "Remover marcação de remessa transmitida"),
    ("value", "Alteração de valor da fatura"),
    ("discount", "Alteração de desconto/instrução"),
)
NEW_DUE_DATE = "Nova data de vencimento"
ADD_SURCHARGE = "Adicionar acréscimo pelo novo vencimento"
SURCHARGE = "Valor do acréscimo"
INVOICE_DESCRIPTION = "Descrição da fatura"
INVOICE_VALUE = "Novo valor da fatura"
DISCOUNT = "Valor do desconto"
DISCOUNT_UNTIL = "Data máxima para concessão do desconto"
INSTRUCTION = "Instrução do boleto"
CHARGE = "Conta"
REISSUE_HINT = (
    "Alteração de data de vencimento e valor da fatura fará com que essa fatura seja "
    "removida e criada uma nova fatura com os novos parâmetros: novo nosso número."
)
REMOVE_TITLE = "Remover Fatura"
ALSO_REMOVE_CHARGES = "Remover também as contas da fatura (evita o bloqueio do cliente)"
SUSPEND_INVOICE_TITLE = "Suspender fatura"
UNSUSPEND_INVOICE_TITLE = "Cancelar suspensão de fatura"
COMMENT_TITLE = "Inserir comentários na fatura"
SETTLE_TITLE = "Liquidação avulsa de faturas"
METHOD = "Método de pagamento"
METHODS = (
    ("bank_profile", "Profile bancária (aguarda conciliação)"),
    ("other", "Outros (sem integração)"),
)
SETTLED_ON = "Data de liquidação"
SETTLE_VALUE = "Valor de liquidação"
SETTLE_VALUE_HINT = "vazio: valor total da fatura"
PARTIAL = "Pagamento parcial (o saldo continua em aberto)"
REVERSE_TITLE = "Estornar Liquidação"
REVERSE_JUSTIFICATION = "Justifique brevemente o estorno"
CASH_ACCOUNT = "Conta cofre/caixa/banco"
EVENT_DATE = "Data evento"
SPC_ADD_TITLE = "Adicionar Fatura Selecionada ao SPC"
SPC_REMOVE_TITLE = "Remover Fatura do SPC"
BAIXA_TITLE = "Baixar Fatura selecionada"
UNMARK_TITLE = "Remover marcação de remessa transmitida"
UNMARK_HINT = (
    "Após as alterações na fatura serem concluídas deve ser gerado um novo arquivo "
    "de remessa para que ele seja enviado para a agência bancária."
)
ADDITIONAL_TITLE = "Incluir cobrança adicional as faturas selecionadas"
PRINT_TITLE = "Imprimir Fatura"

# Contas não faturadas and contas a pagar.
INSERT_CHARGE_TITLE = "Inserir conta"
CHARGE_DESCRIPTION = "Descrição da conta"
REF_START = "Ref inicial"
REF_END = "Ref final"
HAS_PERIOD = "Informar período de referência"
COMPOSITION = "Plano de composição de derivação avulsa"
REPLICATIONS = "Número de replicações"
INTERVAL = "Intervalo"
INTERVAL_DAYS = "dias"
INTERVAL_MONTHS = "meses (mesmo dia do mês)"
SETTLE_NOW = "Liquidar agora"
EDIT_CHARGE_TITLE = "Editar conta"
REMOVE_CHARGE_TITLE = "Remover conta"
SUSPEND_CHARGE_TITLE = "Suspender conta"
UNSUSPEND_CHARGE_TITLE = "Cancelar suspensão de conta"
BILL_TITLE = "Faturar contas"
BILL_METHOD = "Método"
BILL_METHODS = (
    ("per_charge", "Uma fatura por conta"),
    ("all_in_one", "Todas as contas em uma fatura"),
)
BILL_PROFILE = "Profile"
BILL_LOCKED = "Vencimento e descrição vêm da conta (bloqueados)."

# Contratos.
NEW_CONTRACT_TITLE = "Cadastrar novo contrato"
EDIT_CONTRACT_TITLE = "Editar contrato {code}"
PLAN = "Plano"
FEE = "Valor do plano (honorários)"
STARTS_ON = "Início"
DUE_RULE = "Regra de vencimento"
DUE_RULES = (("fixed_day", "Dia fixo do mês"), ("business_day", "N-ésimo dia útil do mês"))
DUE_DAY = "Dia de vencimento"
DUE_OFFSET = "Vencimento"
DUE_OFFSETS = ("no mês da competência", "no mês seguinte", "dois meses depois")
MOVE_BUSINESS = "Vencimento em dia não útil passa para o próximo dia útil"
CONTRACT_DESCRIPTION = "Descrição"
GROUPING = "Agrupamento"
AWAITING = "Aguardando ativação (as parcelas são geradas ao ativar)"
REMOVE_LATER_INVOICES = "Remover as faturas em aberto de competências após o fim"
GENERATE_MONTHS = "Gerar honorários dos próximos meses (0 = não gerar)"
ALTERATION_TOOLS = (
    ("due_rule", "Trocar Regra de Vencimento"),
    ("profile", "Trocar Profile de Pagamento"),
    ("plan", "Trocar Plano de Acesso"),
    ("general", "Alterações Gerais"),
)
CONTRACT_CHARGES_TAB = "Contas associadas ao contrato"
ALTERATION_TAB = "Alterar contrato"
CONTRACT_CHARGE_TOOLS = (
    ("print", "Imprimir boleto"),
    ("suspend", "Suspender contas"),
    ("edit", "Alterar contas"),
    ("remove", "Remover Contas"),
    ("insert", "Inserir nova conta"),
    ("renew", "Renovar parcelas manualmente"),
)
CHARGE_COLUMNS = ("Conta", "Descrição", "Valor", "Vencimento", "Situação", "Fatura")
CANCEL_CONTRACT_TITLE = "Cancelar contrato"
REASON = "Motivo"
ENDS_ON = "Data de encerramento"
SUSPEND_CONTRACT_TITLE = "Suspender Contrato"
UNSUSPEND_CONTRACT_TITLE = "Cancelar Suspensão de Contrato"
ACTIVATE_TITLE = "Ativar contrato aguardando ativação"
ACTIVATE_MONTHS = "Parcelas a gerar (meses)"
REMOVE_AWAITING_TITLE = "Remover instrução de aguardando ativação"
REQUEST_CANCEL_TITLE = "Solicitar cancelamento do contrato"
GROUPING_TITLE = "Gerenciar agrupamentos"
GROUPING_HINT = "Deixe vazio para retirar os contratos do agrupamento."

# The result view of a mass tool.
RESULT_COLUMNS = ("Código", "Situação", "Mensagem", "Novo código")
RESULT_DONE = "Feito"
RESULT_REFUSED = "Recusado"
RESULT_WILL_DO = "Será feito"
RESULT_WILL_REFUSE = "Será recusado"
RESULT_PREVIEW = (
    "Prévia: {done} registro(s) serão alterados e {refused} serão recusados. "
    "Continuar com os autorizados?"
)
RESULT_NONE_ALLOWED = "Prévia: nenhum dos {refused} registro(s) selecionados pode ser alterado."
RESULT_SUMMARY = "{done} registro(s) alterado(s), {refused} recusado(s)."
CONTINUE = "Continuar"
CLOSE = "Fechar"
CONFIRM_TITLE = "Confirme"
STALE_TITLE = "Registro alterado por outro usuário"

# Gerar honorários and the Faturamento area.
FEES_TITLE = "Gerar honorários"
FEES_COLUMNS = ("Código", "Cliente", "Último honorário agendado", "Vencimento", "Valor")
NO_FEE_YET = "nenhum"
START_MONTH = "Mês de início"
START_YEAR = "Ano de início"
REPEAT_OPTIONS = (("yes", "Repetição de honorários: Sim"), ("no", "Repetição de honorários: Não"))
TIMES = "Número de vezes"
RENEW_TITLE = "Renovar parcelas manualmente"
BILLING_TITLE = "Faturamento"
RUN_TAB = "Faturamento em massa"
CANCELLATIONS_TAB = "Gerenciador de cancelamentos"
COMPETENCE = "Competência"
PREVIEW_RUN = "Simular (prévia)"
RUN = "Faturar competência"
FEES_FOR_SELECTED = "Gerar honorários (clientes selecionados em Clientes)"
SELECT_CLIENTS = "Selecione um ou mais clientes em Clientes para gerar honorários."
RUN_COLUMNS = ("Contrato", "Cliente", "Motivo")
RUN_PREVIEW = (
    "Prévia de {competence}: {contracts} contrato(s); {invoices} fatura(s) a gerar, "
    "{charges} honorário(s) a criar, {billed} já faturado(s)."
)
RUN_DONE = (
    "Faturamento de {competence}: {invoices} fatura(s) geradas, {charges} honorário(s) "
    "criados, {billed} já faturado(s)."
)
RUN_CANCELLED = (
    "Faturamento de {competence} interrompido: {invoices} fatura(s) geradas até "
    "aqui. Rode de novo para continuar de onde parou."
)
RUN_REFUSED = "{n} contrato(s) não serão faturados:"
CANCELLATION_COLUMNS = (
    "Solicitação",
    "Contrato",
    "Cliente",
    "Plano",
    "Motivo",
    "Solicitada em",
    "Tratativa",
)
RETENTION = "Registrar tratativa"
RETENTION_LABEL = "Tratativa (tentativa de retenção)"
KEEP = "Manter contrato"
CANCEL_FOR_REAL = "Cancelar contrato"
RESOLUTION_NOTES = "Observações"
