"""The sentence of each audit action and invoice event, as templates."""

from __future__ import annotations

import re

# Action → its sentence. `{por}` is " por <operador>"; `{b.x}`/`{a.x}` the value of x before
# and after; `{changes}` "vencimento de 15/12/2026 para 10/01/2027, …". A part starting with
# "?" is left out when a value it names is empty.
TEMPLATES: dict[str, tuple[str, ...]] = {
    # Invoices.
    "invoice.description_changed": (
        "Descrição alterada de {b.description} para {a.description}{por}",),
    "invoice.due_date_changed": (
        "Vencimento alterado de {b.due_date} para {a.due_date}",
        "? com acréscimo de {a.surcharge_cents}", "{por}",
        "?; a fatura foi recriada como {a.new_invoice_id}"),
    "invoice.value_changed": (
        "Valor alterado de {b.amount_cents} para {a.amount_cents}{por}",
        "?; a fatura foi recriada como {a.new_invoice_id}"),
    "invoice.discount_changed": ("Desconto alterado{por}", "?: {changes}"),
    "invoice.remittance_mark": (
        "Marcação de remessa alterada de {b.remittance_status} para {a.remittance_status}{por}",),
    "invoice.charge_changed": (
        "Conta da fatura alterada{por}", "?: {changes}",
        "?; a fatura foi recriada como {a.new_invoice_id}"),
    "invoice.additional_charge": (
        "Cobrança adicional incluída{por}: valor de {b.amount_cents} para {a.amount_cents}",
        "?; a fatura foi recriada como {a.new_invoice_id}"),
    "invoice.removed": (
        "Fatura removida{por}", "?; voltam a Contas não faturadas: {a.charges}"),
    "invoice.suspended": ("Fatura suspensa{por}", "?: motivo {a.reason}"),
    "invoice.unsuspended": ("Suspensão da fatura cancelada{por}",),
    "invoice.commented": ("Comentário", "? de {who}", ": {a.comment}"),
    "invoice.spc_added": ("Fatura adicionada ao SPC{por}",),
    "invoice.spc_removed": ("Fatura retirada do SPC{por}",),
    "invoice.baixa_requested": ("Comando de baixa pedido para a próxima remessa{por}",),
    "invoice.settled": (
        "Liquidação de {a.value_cents}", "? em {a.settled_on}", "? ({a.method})", "{por}",
        "?; situação de {b.status} para {a.status}"),
    "invoice.reversed": (
        "Liquidação estornada{por}", "? em {a.reversed_on}",
        "?; situação de {b.status} para {a.status}"),
    "invoice.bank_pix": ("Pix copia e cola do banco alterado{por}",),
    "invoice.boleto_attached": ("Boleto anexado{por}", "?: {a.filename}"),
    "charges.billed": (
        "Fatura criada{por} com {a.charges}", "? no valor de {a.amount_cents}",
        "?, nosso número {a.our_number}"),
    # Contas.
    "charge.billed": ("Conta faturada na {a.invoice_id}{por}",),
    "charge.inserted": (
        "Conta incluída{por}: {a.description}", "?, {a.amount_cents}",
        "?, vencimento {a.due_date}"),
    "charge.edited": (
        "Conta alterada{por}", "?: {changes}", "?; a fatura foi recriada como {a.new_invoice_id}"),
    "charge.removed": ("Conta removida{por}",),
    "charge.suspended": ("Conta suspensa{por}", "?: motivo {a.reason}"),
    "charge.unsuspended": ("Suspensão da conta cancelada{por}",),
    "payable.edited": ("Conta a pagar alterada{por}", "?: {changes}"),
    "payable.removed": ("Conta a pagar removida{por}",),
    "fees.generated": (
        "Honorários gerados{por}: {a.charges}", "? a partir de {a.start}"),
    "billing.run": (
        "Faturamento da competência {a.competence}{por}: {a.invoices_created} fatura(s) e "
        "{a.charges_created} conta(s) criadas", "?; {a.refused} recusado(s)"),
    # Contracts.
    "contract.created": ("Contrato criado{por}: plano {a.plan}", "?, {a.fee_cents}"),
    "contract.activated": ("Contrato ativado{por}", "?; {a.fees_created} honorário(s) gerado(s)"),
    "contract.due_rule_changed": (
        "Regra de vencimento do contrato alterada{por}", "?: {changes}",
        "?; recriadas: {a.reissued_invoices}"),
    "contract.profile_changed": (
        "Profile de pagamento do contrato alterado{por}", "?: {changes}",
        "?; recriadas: {a.reissued_invoices}"),
    "contract.plan_changed": (
        "Plano do contrato alterado{por}", "?: {changes}", "?; recriadas: {a.reissued_invoices}"),
    "contract.general_changed": ("Dados gerais do contrato alterados{por}", "?: {changes}"),
    "contract.grouping_changed": (
        "Agrupamento do contrato alterado de {b.grouping} para {a.grouping}{por}",),
    "contract.cancelled": ("Contrato cancelado{por}",),
    "contract.suspended": ("Contrato suspenso{por}",),
    "contract.unsuspended": ("Suspensão do contrato cancelada{por}",),
    "contract.awaiting_removed": ("Instrução de aguardando ativação removida{por}",),
    "contract.cancel_requested": ("Cancelamento do contrato solicitado{por}",),
    "contract.retained": ("Cliente retido: o contrato continua ativo{por}",),
    "contract.retention_attempt": ("Tentativa de retenção registrada{por}", "?: {a.notes}"),
    # People.
    "person.created": ("Cadastro criado{por}", "?: {a.name}"),
    "person.updated": ("Cadastro alterado{por}", "?: {changes}"),
    "person.activated": ("Cadastro ativado{por}",),
    "person.inactivated": ("Cadastro inativado{por}",),
    "person.access_changed": (
        "Informações de acesso alteradas{por}", "?: {changes}", "?; {a.password}"),
    "person.access_password_issued": ("Nova senha de acesso gerada{por}",),
    "person.access_unlocked": ("Acesso do cliente desbloqueado{por}",),
    # Administration.
    "operator.created": ("Operador {a.login} criado{por}",),
    "operator.saved": ("Operador {a.login} gravado{por}", "?: {changes}"),
    "operator.unlocked": ("Operador desbloqueado{por}",),
    "role.permissions": ("Permissões do perfil de acesso alteradas{por}",),
    "suspension_reason.saved": ("Motivo de suspensão {a.text} gravado{por}",),
    "attachment.added": ("Arquivo {a.filename} anexado{por}",),
    "attachment.removed": ("Anexo {b.filename} removido{por}",),
    "payment_profile.saved": ("Profile de pagamento gravado{por}", "?: {changes}"),
    "setting.changed": ("Configuração alterada{por}", "?: {changes}"),
    # Cobrança bancária.
    "bank.remittance_generated": (
        "Remessa {a.sequence_number} gerada{por}", "? com {a.titles} título(s)",
        "? no valor de {a.total_cents}"),
    "bank.remittance_transmitted": ("Remessa marcada como transmitida{por}",),
    "bank.remittance_undone": ("Remessa desfeita{por}",),
    "bank.return_imported": (
        "Retorno importado{por}", "?: {a.records} registro(s)", "?, {a.settled} liquidada(s)",
        "? no valor de {a.settled_cents}", "?, tarifas de {a.bank_fee_cents}"),
    # Mensagens.
    "messaging.account_saved": ("Conta de envio {a.name} gravada{por}",),
    "messaging.gateway_saved": ("Gateway de SMS {a.name} gravado{por}",),
    "messaging.template_saved": ("Modelo de mensagem {a.name} gravado{por}",),
    "messaging.resent": ("Mensagem para {a.destino} posta de novo na fila{por}",),
    # Negativas de Débitos.
    "clearance.generated": (
        "Negativa de débitos de {a.year} gerada{por}", "? com {a.invoice_count} fatura(s)",
        "? no valor de {a.total_cents}"),
    # Documentos fiscais (NFS-e).
    "fiscal.settings_changed": ("Dados fiscais alterados{por}", "?: {changes}"),
    "fiscal.certificate_installed": ("Certificado A1 de {a.subject} instalado{por}",
                                     "?, válido até {a.not_after}"),
    "fiscal.dps_sent": ("DPS nº {a.dps_number} da série {a.series} enviada à Sefin{por}",),
    "fiscal.authorised": ("NFS-e nº {a.nfse_number} autorizada", "? (DPS nº {a.dps_number})",
                          "{por}"),
    "fiscal.rejected": ("DPS nº {a.dps_number} rejeitada pela Sefin", "?: {a.codes}"),
    "fiscal.unknown": ("DPS nº {a.dps_number} sem resposta da Sefin: situação a consultar",),
    "fiscal.not_sent": ("DPS nº {a.dps_number} não chegou à Sefin",),
    "fiscal.annulled": ("DPS nº {a.dps_number} anulada{por}",),
    "fiscal.observations_changed": ("Observações do documento fiscal alteradas{por}",
                                    "?: {changes}"),
    "fiscal.cancelled": ("NFS-e cancelada{por}", "? (motivo {a.reason})"),
}
# Invoice events: their text was written as a sentence already; only the frame is ours.
EVENT_TEMPLATES: dict[str, tuple[str, ...]] = {
    "comment": ("Comentário", "? de {who}", ": {text}"),
    "receipt": ("{text}{por}",),
}
EVENT_DEFAULT = ("{label}{por}", "?: {text}")
GENERIC = ("{label}{por}",)
# Python values an older version wrote into an event's text: "[1, 2]", "{'x': …}", "<Enum…>".
PYTHON_VALUE = re.compile(r"[{}<>]|datetime\.|\w+\(")
PYTHON_LIST = re.compile(r"\[([\d, ]*)\]")
