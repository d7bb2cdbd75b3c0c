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

# Ours: printing a boleto needs a bank profile (Baixar fatura says INVOICE_WITHOUT_PROFILE).
INVOICE_WITHOUT_PROFILE_BOLETO = (
    "A fatura {code} não tem profile de pagamento: não é possível gerar o boleto."
)

# --- Seed 002, Faturas a Receber (INV-E-7 remover, INV-E-8 suspender, INV-E-10 alterar,
# INV-E-16 liquidação avulsa). Word for word, capitals and final periods as in the seed.
CHARGE_NOT_YET_BILLED = "A Conta {code} ainda não foi faturada"
INVOICE_ALREADY_SETTLED = "A Fatura {code} já está liquidada"
INVOICE_REMOVED_STATUS = "A fatura {code} está com status de excluída"
INVOICE_REMOVED_STATUS_CAP = "A Fatura {code} está com status de excluída"
INVOICE_REMITTANCE_TRANSMITTED = "A fatura {code} está com remessa transmitida"
INVOICE_HAS_FISCAL_DOCUMENTS = "A fatura {code} já possui documentos fiscais gerados."
INVOICE_AWAITS_RECONCILIATION = "Fatura aguarda conciliação na profile"
INVOICE_PROFILE_SCHEDULE_SUSPENDED = "Fatura com programação suspensa na profile"
INVOICE_ALREADY_RECONCILED = "Fatura já conciliada"
INVOICE_HAS_PARTIAL_SETTLEMENTS = "Esta fatura possui liquidações parciais"
INVOICE_AWAITS_FISCAL_DOCUMENTS = "Esta fatura aguarda efetivação de geração de documentos fiscais"
INVOICE_AWAITS_REMITTANCE = "Esta fatura aguarda efetivação de remessa"
SUSPEND_REMITTANCE_WARNING = (
    "ATENÇÃO: Suspensão autorizada, porém essa fatura já tem remessa gerada."
)
INVOICE_ALREADY_SUSPENDED = "A fatura {code} já está com o status de suspenso."
INVOICE_AWAITS_PROFILE_CHANGE = "Esta fatura aguarda efetivação de alteração de profile."
INVOICE_HAS_FISCAL_DOCUMENTS_ALTER = "A Fatura já possui documentos fiscais gerados"
INVOICE_REMITTANCE_TRANSMITTED_ALTER = "A Fatura está com remessa transmitida"
INVOICE_PARTIAL_ALTER = "A fatura está com liquidação parcial"

# --- Seed 002, Contas não faturadas (INV-G-2 editar, INV-G-3 remover, INV-G-4 suspender,
# INV-G-5 cancelar suspensão). The seed's trailing spaces are trimmed.
CHARGE_EDIT_SETTLED = "ERRO! Você não pode efetuar alterações em contas liquidadas."
CHARGE_EDIT_FROZEN = "ERRO! Essa conta não pode mais sofrer nenhum tipo de alteração."
CHARGE_EDIT_RECONCILED = "ERRO! Essa conta está associada a movimento bancário já conciliado."
CHARGE_EDIT_IN_INVOICE_CONFIRM = "ERRO! Essa conta participa de uma fatura. Confirme seu interesse."
CHARGE_EDIT_PENDING_BILLING = (
    "ERRO! Esta conta está vinculada a um faturamento pendente cód. {code} "
    "e não pode ser alterada."
)
CHARGE_EDIT_CONTRACT_COMPOSITION = (
    "ERRO! Contas de contrato, não podem utilizar nenhuma plano de composição avulso."
)
CHARGE_ALREADY_SETTLED = "A Conta {code} já está liquidada"
CHARGE_IN_INVOICE = "A Conta {code} faz parte de uma fatura"
CHARGE_AWAITS_BILLING = "A Conta {code} aguarda efetivação de faturamento."
CHARGE_HAS_PARTIAL_PAYMENT = "Esta Conta possui pagamento parcial."
CHARGE_SUSPEND_AWAITS_BILLING = "Esta conta aguarda efetivação de faturamento"
CHARGE_ALREADY_SUSPENDED = "A Conta {code} já está com o status de suspenso."
CHARGE_SUSPEND_IN_INVOICE = "Esta conta já faz parte de uma fatura"
CHARGE_NOT_SUSPENDED = "A Conta {code} não está mais suspensa"

# --- Seed 002, Contas a pagar (INV-H-1).
PAYABLE_BILLED_WARNING = (
    "ATENÇÃO! Esta conta já está faturada e não pode sofrer alteração de valor ou vencimento."
)
PAYABLE_EDIT_IN_INVOICE = (
    "ERRO! Essa conta participa de uma fatura. Impossível efetuar a alteração."
)

# The seed's messages, by id, for the catalogue test and the dry-run preview.
SEED_MESSAGE_IDS = (
    "CHARGE_NOT_YET_BILLED", "INVOICE_ALREADY_SETTLED", "INVOICE_REMOVED_STATUS",
    "INVOICE_REMOVED_STATUS_CAP", "INVOICE_REMITTANCE_TRANSMITTED",
    "INVOICE_HAS_FISCAL_DOCUMENTS", "INVOICE_AWAITS_RECONCILIATION",
    "INVOICE_PROFILE_SCHEDULE_SUSPENDED", "INVOICE_ALREADY_RECONCILED",
    "INVOICE_HAS_PARTIAL_SETTLEMENTS", "INVOICE_AWAITS_FISCAL_DOCUMENTS",
    "INVOICE_AWAITS_REMITTANCE", "SUSPEND_REMITTANCE_WARNING", "INVOICE_ALREADY_SUSPENDED",
    "INVOICE_AWAITS_PROFILE_CHANGE", "INVOICE_HAS_FISCAL_DOCUMENTS_ALTER",
    "INVOICE_REMITTANCE_TRANSMITTED_ALTER", "INVOICE_PARTIAL_ALTER", "CHARGE_EDIT_SETTLED",
    "CHARGE_EDIT_FROZEN", "CHARGE_EDIT_RECONCILED", "CHARGE_EDIT_IN_INVOICE_CONFIRM",
    "CHARGE_EDIT_PENDING_BILLING", "CHARGE_EDIT_CONTRACT_COMPOSITION", "CHARGE_ALREADY_SETTLED",
    "CHARGE_IN_INVOICE", "CHARGE_AWAITS_BILLING", "CHARGE_HAS_PARTIAL_PAYMENT",
    "CHARGE_SUSPEND_AWAITS_BILLING", "CHARGE_ALREADY_SUSPENDED", "CHARGE_SUSPEND_IN_INVOICE",
    "CHARGE_NOT_SUSPENDED", "PAYABLE_BILLED_WARNING", "PAYABLE_EDIT_IN_INVOICE",
)

# --- Ours, in the seed's style, where the seed is silent (features.md §1.Z).
# Estorno (INV-E-13): the seed announces a list and gives none (§1.Z.1).
REVERSAL_NOT_SETTLED = "A Fatura {code} não está liquidada"
REVERSAL_HAS_FISCAL_DOCUMENTS = "Esta fatura possui documentos fiscais gerados"
REVERSAL_OTHER_ACCOUNT_WARNING = (
    "ATENÇÃO: Estorno lançado em conta diferente da que recebeu o pagamento ({account})."
)
CASH_ACCOUNT_INACTIVE = "A conta cofre/caixa/banco {name} está inativa."
# Invoices.
INVOICE_NOT_SUSPENDED = "A fatura {code} não está suspensa."
INVOICE_NO_REMITTANCE = "A fatura {code} não possui remessa gerada."
INVOICE_ALREADY_MARKED_TRANSMITTED = "A fatura {code} já está com remessa transmitida."
BAIXA_DISABLED = (
    "O comando de baixa não está ativo na profile de pagamento {profile}; "
    "ative-o na configuração da profile."
)
INVOICE_WITHOUT_PROFILE = "A fatura {code} não tem profile de pagamento."
INVOICE_NOT_IN_SPC = "A fatura {code} não está no SPC."
INVOICE_ALREADY_IN_SPC = "A fatura {code} já está no SPC."
INVOICE_NOT_REMOVED = "A fatura {code} não está excluída."
INVOICE_WRONG_DIRECTION = "A fatura {code} não pertence a este painel."
REISSUE_WARNING = (
    "As faturas {codes} serão removidas e recriadas com novo nosso número; se o boleto já foi "
    "entregue ao cliente, será necessário enviá-lo novamente."
)
PARTIAL_EXCEEDS_BALANCE = (
    "O pagamento parcial ({value}) não pode ser maior que o saldo da fatura {code} ({balance})."
)
AMOUNT_NOT_POSITIVE = "O valor deve ser maior que zero."
DUE_BEFORE_ISSUE = "O vencimento ({due}) não pode ser anterior à emissão ({issue})."
SETTLEMENT_IN_FUTURE = "A data de liquidação ({date}) não pode ser futura."
PROFILE_REQUIRED = "Informe a profile de pagamento para o método \"Profile bancária\"."
JUSTIFICATION_REQUIRED = "Informe a justificativa."
DESCRIPTION_REQUIRED = "Informe a descrição."
SUSPENSION_REASON_UNKNOWN = "Motivo de suspensão \"{reason}\" não está cadastrado."
NOTHING_TO_CHANGE = "Nada a alterar: informe ao menos um campo."
INVOICE_TOTAL_NOT_POSITIVE = "O total da fatura {code} ficaria zero ou negativo."
# Charges.
CHARGE_REMOVED = "A Conta {code} foi removida."
CHARGES_OF_MANY_PEOPLE = "Todas as contas em uma fatura: as contas devem ser do mesmo cliente."
# Contracts.
CONTRACT_ALREADY_CANCELLED = "O contrato {code} já está cancelado."
CONTRACT_ALREADY_SUSPENDED = "O contrato {code} já está suspenso."
CONTRACT_NOT_SUSPENDED = "O contrato {code} não está suspenso."
CONTRACT_NOT_AWAITING = "O contrato {code} não está aguardando ativação."
CONTRACT_NOT_ACTIVE = "O contrato {code} não está ativo."
CONTRACT_CANCEL_ALREADY_REQUESTED = "O contrato {code} já tem cancelamento solicitado."
CANCELLATION_REQUEST_CLOSED = "A solicitação de cancelamento {code} já foi resolvida."
# Billing run (Faturamento em massa).
RUN_CONTRACT_SUSPENDED = "Contrato {code} suspenso: não será faturado."
RUN_KEEPS_CONFLICTING = (
    "Outra estação continua faturando estas mesmas contas; o faturamento parou sem faturar "
    "nada em dobro. Execute-o de novo para concluir."
)
RUN_CONTRACT_AWAITING = "Contrato {code} aguardando ativação: não será faturado."
RUN_CONTRACT_NO_PROFILE = "Contrato {code} sem profile de pagamento: não será faturado."
RUN_CONTRACT_NO_FEE = "Contrato {code} sem valor de honorários: não será faturado."
RUN_FEE_SUSPENDED = "Honorário {competence} do contrato {code} está suspenso: não será faturado."
RUN_FEE_REMOVED = "Honorário {competence} do contrato {code} foi removido: não será faturado."
FEES_TIMES_INVALID = "Número de vezes deve estar entre 1 e 120."
FEES_NO_ACTIVE_CONTRACT = "O cliente {code} não tem contrato ativo."

# --- Ours: Imprimir recibo de liquidação (INV-E-14), in the seed's style.
RECEIPT_NO_SETTLEMENT = "A Fatura {code} não possui liquidação"
RECEIPT_OFFICE_NOT_CONFIGURED = (
    "Configure o nome e o CNPJ do escritório (Configuração Básica) para emitir recibos."
)

# --- Ours: money bounds and dates (services/money_limits.py, Configuração Básica).
AMOUNT_ABOVE_CEILING = (
    "{field}: o valor passa do limite de {ceiling} por operação (Configuração Básica)."
)
AMOUNT_LARGE_CONFIRM = (
    "{field}: {value} é maior que {threshold}. Tenho certeza de que o valor está correto?"
)
DATE_BEFORE_OFFICE = "{field}: {date} é anterior à fundação do escritório ({founded})."
DATE_TOO_FAR = "{field}: {date} passa de {latest}; confira o ano."
MONEY_SETTING_RANGE = "{field} deve estar entre {low} e {high}."
CONFIRM_ABOVE_CEILING = (
    "O valor que pede confirmação não pode passar do limite por operação ({ceiling})."
)
FOUNDED_INVALID = "Data de fundação inválida: use uma data entre 01/01/1900 e hoje."
REPLICATION_INTERVAL_INVALID = "Intervalo entre as contas deve ser de até {limit}."
CONTRACT_FEE_ABOVE_CEILING = (
    "O valor do plano do contrato {code} passa do limite de {ceiling} por operação; "
    "altere o plano antes de gerar honorários."
)

# The PostgreSQL password kept in the OS keyring (`contoffice db password`).
DB_PASSWORD_NOT_POSTGRES = "Só um banco PostgreSQL tem senha: a URL indicada não é de PostgreSQL."
DB_PASSWORD_IN_URL = (
    "A URL já traz a senha; tire a senha da URL (ela ficaria à vista) e repita o comando."
)
DB_PASSWORD_EMPTY = "Nenhuma senha informada; nada foi guardado."
DB_PASSWORD_NO_KEYRING = (
    "Esta estação não tem um cofre de senhas utilizável ({reason}); guarde a senha no "
    "arquivo de senhas do PostgreSQL (PGPASSFILE ou ~/.pgpass)."
)

# --- Ours: what the services used to write inline, gathered here (wording kept; a Python
# repr such as 'x' became «x», the quotes a clerk reads elsewhere).
# Operators and access profiles.
OPERATOR_NOT_FOUND_OR_INACTIVE = "Operador «{login}» não encontrado ou inativo."
FIRST_ADMIN_EXISTS = "O primeiro administrador já foi criado."
PERMISSIONS_UNKNOWN = "Permissões desconhecidas: {keys}"
PASSWORD_TOO_SHORT = "A senha deve ter pelo menos {length} caracteres."
LOGIN_RESERVED = "O login «{login}» é reservado."
LOGIN_TAKEN = "Já existe um operador com o login «{login}»."
# Motivos de suspensão.
SUSPENSION_REASON_TOO_LONG = "O motivo deve ter no máximo {length} caracteres."
SUSPENSION_REASON_EXISTS = "O motivo «{reason}» já existe."
# Anexos.
ATTACHMENT_NAME_REQUIRED = "Informe o nome do arquivo."
ATTACHMENT_TOO_LARGE = "O arquivo {name} tem {size:.1f} MB; o limite é {limit} MB por arquivo."
ATTACHMENT_EMPTY = "O arquivo {name} está vazio."
ATTACHMENT_NOT_FOUND = "Anexo {code} não encontrado (pode ter sido removido)."
ATTACHMENT_ALREADY_REMOVED = "O anexo {code} já foi removido."
ATTACHMENT_WRONG_PERSON = "{what} {code} não pertence ao cadastro {person}."
FILE_CANNOT_READ = "Não foi possível ler {path}: {error}."
FILE_CANNOT_WRITE = "Não foi possível gravar {path}: {error}."
# Contas and billing.
BILLING_METHOD_INVALID = "Método inválido: «{method}»."
REPLICATIONS_OUT_OF_RANGE = "Número de replicações deve estar entre {low} e {high}."
INTERVAL_TOO_SHORT = "Intervalo deve ser de ao menos 1 dia."
PERIOD_END_BEFORE_START = "Ref. final anterior à ref. inicial."
RUN_WAITING_OTHER_DESK = "Aguardando outra estação terminar o faturamento desta competência"
# Boletos and payment profiles.
INVOICE_PAYABLE_NO_BOLETO = "A fatura {code} é a pagar: não tem boleto."
PROFILE_INVALID = "Profile de pagamento «{name}»: {detail}"
INVOICES_NONE_SELECTED = "Selecione ao menos uma fatura."
CNAB_LAYOUT_INVALID = "Layout CNAB deve ser 240 ou 400."
CNAB_LAYOUT_UNAVAILABLE = "O banco {bank} não tem remessa CNAB {layout}; use o layout {other}."
PROTEST_DAYS_OUT_OF_RANGE = "Dias para protesto deve estar entre 0 (não protestar) e 99."
FINE_OUT_OF_RANGE = "Multa deve estar entre 0% e 10%."
INTEREST_OUT_OF_RANGE = "Juros devem estar entre 0% e 10% ao mês."
DISCOUNT_NEGATIVE = "Desconto não pode ser negativo."
NEXT_OUR_NUMBER_NOT_POSITIVE = "Próximo nosso número deve ser positivo."
NEXT_OUR_NUMBER_USED = "O próximo nosso número deve ser maior que o último já usado ({used})."
# Contracts and people.
DUE_RULE_INVALID = "Regra de vencimento inválida: «{rule}»."
DUE_DAY_OUT_OF_RANGE = "Dia de vencimento deve estar entre 1 e {limit}."
DUE_OFFSET_OUT_OF_RANGE = "O vencimento deve cair no mês da competência ou até 2 meses depois."
PERSON_KIND_INVALID = "Tipo de pessoa inválido."
STATE_INVALID = "UF inválida: «{state}»."
ROLES_INVALID = "Classificação inválida."
# Invoices.
COMMENT_CONFIRM = "Confirma a inserção desse comentário?"
DISCOUNT_UNTIL_AFTER_DUE = "A data limite do desconto não pode passar do vencimento."
CHARGE_NOT_IN_INVOICE = "A Conta {code} não pertence à fatura {invoice}."
# Settlements.
PAYMENT_METHOD_INVALID = "Método de pagamento inválido: «{method}»."
# A row the database itself refused (a constraint the rules above did not foresee).
DATABASE_REFUSED = "Recusado pelo banco de dados: {detail}"
