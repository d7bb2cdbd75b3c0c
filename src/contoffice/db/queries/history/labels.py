"""What each audit action and invoice-event kind is called on screen, and which ones pair up."""

from __future__ import annotations

# What each audit action and invoice-event kind is called on screen (Atividade's "Ação").
ACTION_LABELS: dict[str, str] = {
    # Invoice events (the invoice's own journal, `invoice_event.kind`).
    "created": "Fatura criada",
    "altered": "Fatura alterada",
    "settled": "Fatura liquidada",
    "removed": "Fatura removida",
    "comment": "Comentário",
    "suspended": "Fatura suspensa",
    "unsuspended": "Suspensão da fatura cancelada",
    "reversed": "Liquidação estornada",
    "receipt": "Recibo impresso",
    "spc": "SPC",
    "baixa": "Comando de baixa",
    "remittance": "Remessa",
    "bank": "Retorno do banco",
    "reconciled": "Fatura conciliada",
    # Audit actions: invoices.
    "invoice.description_changed": "Descrição alterada",
    "invoice.due_date_changed": "Vencimento alterado",
    "invoice.value_changed": "Valor alterado",
    "invoice.discount_changed": "Desconto alterado",
    "invoice.remittance_mark": "Marcação de remessa",
    "invoice.charge_changed": "Conta da fatura alterada",
    "invoice.additional_charge": "Cobrança adicional",
    "invoice.removed": "Fatura removida",
    "invoice.suspended": "Fatura suspensa",
    "invoice.unsuspended": "Suspensão da fatura cancelada",
    "invoice.commented": "Comentário",
    "invoice.spc_added": "Adicionada ao SPC",
    "invoice.spc_removed": "Retirada do SPC",
    "invoice.baixa_requested": "Comando de baixa",
    "invoice.settled": "Fatura liquidada",
    "invoice.reversed": "Liquidação estornada",
    "invoice.bank_pix": "Pix do banco",
    "invoice.boleto_attached": "Boleto anexado",
    "charges.billed": "Contas faturadas",
    # Contas a receber e a pagar.
    "charge.billed": "Conta faturada",
    "charge.inserted": "Conta incluída",
    "charge.edited": "Conta alterada",
    "charge.removed": "Conta removida",
    "charge.suspended": "Conta suspensa",
    "charge.unsuspended": "Suspensão da conta cancelada",
    "payable.edited": "Conta a pagar alterada",
    "payable.removed": "Conta a pagar removida",
    "fees.generated": "Honorários gerados",
    "billing.run": "Faturamento em massa",
    # Contracts.
    "contract.created": "Contrato criado",
    "contract.activated": "Contrato ativado",
    "contract.due_rule_changed": "Regra de vencimento alterada",
    "contract.profile_changed": "Profile de pagamento alterado",
    "contract.plan_changed": "Plano alterado",
    "contract.general_changed": "Contrato alterado",
    "contract.grouping_changed": "Agrupamento alterado",
    "contract.cancelled": "Contrato cancelado",
    "contract.suspended": "Contrato suspenso",
    "contract.unsuspended": "Suspensão do contrato cancelada",
    "contract.awaiting_removed": "Aguardando ativação removido",
    "contract.cancel_requested": "Cancelamento solicitado",
    "contract.retained": "Cliente retido",
    "contract.retention_attempt": "Tentativa de retenção",
    # People.
    "person.created": "Cadastro criado",
    "person.updated": "Cadastro alterado",
    "person.activated": "Cadastro ativado",
    "person.inactivated": "Cadastro inativado",
    "person.access_changed": "Informações de acesso alteradas",
    "person.access_password_issued": "Senha de acesso gerada",
    "person.access_unlocked": "Acesso desbloqueado",
    # Administration.
    "operator.created": "Operador criado",
    "operator.saved": "Operador gravado",
    "operator.unlocked": "Operador desbloqueado",
    "role.permissions": "Permissões alteradas",
    "suspension_reason.saved": "Motivo de suspensão gravado",
    "attachment.added": "Arquivo anexado",
    "attachment.removed": "Anexo removido",
    "payment_profile.saved": "Profile de pagamento gravado",
    "setting.changed": "Configuração alterada",
    # Audit actions: Cobrança bancária.
    "bank.remittance_generated": "Remessa gerada",
    "bank.remittance_transmitted": "Remessa transmitida",
    "bank.remittance_undone": "Remessa desfeita",
    "bank.return_imported": "Retorno importado",
    "messaging.account_saved": "Conta de envio gravada",
    "messaging.gateway_saved": "Gateway de SMS gravado",
    "messaging.template_saved": "Modelo de mensagem gravado",
    "messaging.resent": "Mensagem reenviada",
    # Negativas de Débitos.
    "clearance.generated": "Negativa de débitos gerada",
    # Documentos fiscais (NFS-e).
    "fiscal.settings_changed": "Dados fiscais alterados",
    "fiscal.certificate_installed": "Certificado A1 instalado",
    "fiscal.dps_sent": "DPS enviada à Sefin",
    "fiscal.authorised": "NFS-e autorizada",
    "fiscal.rejected": "DPS rejeitada",
    "fiscal.unknown": "DPS sem resposta da Sefin",
    "fiscal.not_sent": "DPS não enviada",
    "fiscal.annulled": "DPS anulada",
    "fiscal.observations_changed": "Observações do documento fiscal alteradas",
    "fiscal.cancelled": "NFS-e cancelada",
}
ENTITY_LABELS: dict[str, str] = {
    "person": "Cadastro",
    "invoice": "Fatura",
    "contract": "Contrato",
    "charge": "Conta",
    "settlement": "Liquidação",
    "attachment": "Anexo",
    "cancellation_request": "Cancelamento",
    "billing_run": "Faturamento",
    "operator": "Operador",
    "operator_role": "Perfil de acesso",
    "payment_profile": "Profile de pagamento",
    "suspension_reason": "Motivo de suspensão",
    "office_setting": "Configuração",
    "clearance_declaration": "Negativa de débitos",
    "fiscal_document": "Documento fiscal",
    "fiscal_certificate": "Certificado A1",
}

# Audit actions that say what an invoice event of another kind also says: the invoice's
# history and Atividade show one of the pair. "altered" events are written next to these
# alterations with the raw values, so the audit event (with before and after) is the one shown.
ALTERATIONS = frozenset({
    "invoice.description_changed", "invoice.due_date_changed", "invoice.value_changed",
    "invoice.discount_changed", "invoice.remittance_mark", "invoice.charge_changed",
    "invoice.additional_charge", "invoice.bank_pix", "invoice.boleto_attached",
})
# Invoice events with no audit event of the invoice beside them (the rest are told by one).
UNAUDITED_EVENTS = frozenset({"created", "receipt"})


def label(action: str) -> str:
    """The pt-BR name of an audit action or invoice-event kind (never the key itself)."""
    found = ACTION_LABELS.get(action)
    if found is not None:
        return found
    entity = ENTITY_LABELS.get(action.split(".", 1)[0])
    return f"{entity}: alteração registrada" if entity else "Alteração registrada"
