"""Every field the history names: its pt-BR name and how its value is shown; the list of changes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contoffice.db.queries.client_invoices import REMITTANCE_LABELS
from contoffice.db.queries.client_settlements import METHOD_LABELS
from contoffice.db.queries.history.values import (
    DUE_OFFSETS,
    DUE_RULES,
    EMPTY,
    PERSON_KINDS,
    Show,
    as_competence,
    as_date,
    as_money,
    as_number,
    as_percent,
    as_roles,
    by_label,
    is_empty,
    quoted,
    ref,
    status_of,
    yes_no,
)

Values = Mapping[str, Any]

# Field → (its pt-BR name, how its value is shown). `status` depends on the record: see `show`.
FIELDS: dict[str, tuple[str, Show]] = {
    # Invoices and contas.
    "description": ("Descrição", quoted),
    "due_date": ("Vencimento", as_date),
    "our_number": ("Nosso número", as_number),
    "amount_cents": ("Valor", as_money),
    "paid_cents": ("Valor pago", as_money),
    "value_cents": ("Valor liquidado", as_money),
    "surcharge_cents": ("Acréscimo", as_money),
    "settled_on": ("Data de liquidação", as_date),
    "reversed_on": ("Data do estorno", as_date),
    "method": ("Forma de pagamento", by_label(METHOD_LABELS)),
    "discount_cents": ("Desconto", as_money),
    "discount_until": ("Data limite do desconto", as_date),
    "discount_days": ("Dias de desconto", as_number),
    "instruction": ("Instrução", quoted),
    "remittance_status": ("Remessa", by_label(REMITTANCE_LABELS)),
    "in_spc": ("No SPC", yes_no),
    "baixa_requested": ("Comando de baixa", yes_no),
    "comment": ("Comentário", str),
    "reason": ("Motivo", quoted),
    # Documentos fiscais.
    "dps_number": ("Número da DPS", as_number),
    "nfse_number": ("Número da NFS-e", as_number),
    "series": ("Série", as_number),
    "subject": ("Titular", str),
    "not_after": ("Validade", as_date),
    "codes": ("Códigos da Sefin", str),
    "notes": ("Observações", quoted),
    "new_invoice_id": ("Nova fatura", ref("fatura")),
    "invoice_id": ("Fatura", ref("fatura")),
    "reissued_invoices": ("Faturas recriadas", ref("fatura")),
    "charges": ("Contas", ref("conta")),
    "charge_ids": ("Contas", ref("conta")),
    "charges_removed": ("Contas removidas", yes_no),
    "cash_account_id": ("Conta cofre/caixa/banco", ref("conta cofre/caixa/banco",
                                                        "contas cofre/caixa/banco")),
    "period_start": ("Ref. inicial", as_date),
    "period_end": ("Ref. final", as_date),
    "installment": ("Parcela", as_number),
    "ledger_account_id": ("Plano de contas", ref("plano de contas", "planos de contas")),
    "composition": ("Composição", quoted),
    "filename": ("Arquivo", quoted),
    "attachment_id": ("Anexo", ref("anexo")),
    "contract_id": ("Contrato", ref("contrato")),
    "category": ("Categoria", quoted),
    # Contracts.
    "plan": ("Plano", quoted),
    "fee_cents": ("Valor do plano", as_money),
    "due_rule": ("Regra de vencimento", by_label(DUE_RULES)),
    "due_day": ("Dia de vencimento", as_number),
    "move_to_business_day": ("Mover para dia útil", yes_no),
    "due_month_offset": ("Mês de vencimento", by_label(DUE_OFFSETS)),
    "payment_profile_id": ("Profile de pagamento", ref("profile de pagamento",
                                                        "profiles de pagamento")),
    "grouping": ("Agrupamento", quoted),
    "fees_created": ("Honorários gerados", as_number),
    "start": ("Início", as_competence),
    "times": ("Parcelas", as_number),
    # Billing run.
    "competence": ("Competência", as_competence),
    "invoices_created": ("Faturas criadas", as_number),
    "charges_created": ("Contas criadas", as_number),
    "already_billed": ("Já faturadas", as_number),
    "refused": ("Recusados", as_number),
    "resumed": ("Retomado", yes_no),
    # People.
    "kind": ("Tipo de pessoa", by_label(PERSON_KINDS)),
    "name": ("Nome", quoted),
    "roles": ("Classificação", as_roles),
    "trade_name": ("Nome fantasia", quoted),
    "document": ("CPF/CNPJ", as_number),
    "state_registration": ("Inscrição estadual", quoted),
    "municipal_registration": ("Inscrição municipal", quoted),
    "email": ("E-mail", quoted),
    "email_cc": ("E-mail (cópia)", quoted),
    "phone": ("Telefone", as_number),
    "mobile": ("Celular", as_number),
    "street": ("Logradouro", quoted),
    "number": ("Número", quoted),
    "complement": ("Complemento", quoted),
    "district": ("Bairro", quoted),
    "city": ("Cidade", quoted),
    "state": ("UF", as_number),
    "postal_code": ("CEP", as_number),
    "active": ("Ativo", yes_no),
    "notes1": ("Observações 1", quoted),
    "notes2": ("Observações 2", quoted),
    "internal_notes": ("Observações internas", quoted),
    "assigned_operator_id": ("Operador responsável", ref("operador", "operadores")),
    "default_due_day": ("Dia de vencimento", as_number),
    "access_login": ("Login de acesso", quoted),
    "access_expires_on": ("Validade do acesso", as_date),
    "access_max_attempts": ("Tentativas antes de bloquear", as_number),
    "access_failed_attempts": ("Tentativas sem sucesso", as_number),
    "access_active": ("Acesso ativo", yes_no),
    # Administration.
    "login": ("Login", quoted),
    "role": ("Perfil de acesso", quoted),
    "role_id": ("Perfil de acesso", ref("perfil de acesso", "perfis de acesso")),
    "locked": ("Bloqueado", yes_no),
    "failed_attempts": ("Tentativas sem sucesso", as_number),
    "text": ("Motivo", quoted),
    "bank_code": ("Banco", as_number),
    "agency": ("Agência", as_number),
    "agency_dv": ("DV da agência", as_number),
    "account": ("Conta", as_number),
    "account_dv": ("DV da conta", as_number),
    "wallet": ("Carteira", as_number),
    "agreement": ("Convênio", as_number),
    "protest_days": ("Dias para protesto", as_number),
    # Cobrança bancária.
    "sequence_number": ("Número da remessa", as_number),
    "titles": ("Títulos", as_number),
    "total_cents": ("Valor total", as_money),
    "records": ("Registros", as_number),
    "settled": ("Liquidadas", as_number),
    "settled_cents": ("Valor liquidado", as_money),
    "bank_fee_cents": ("Tarifas", as_money),
    "profile": ("Profile de pagamento", as_number),
    "variation": ("Variação", as_number),
    "modality": ("Modalidade", as_number),
    "post": ("Posto", as_number),
    "byte_idt": ("Byte de identificação", as_number),
    "cnab_layout": ("Layout CNAB", as_number),
    "instructions": ("Instruções", quoted),
    "fine_bp": ("Multa", as_percent),
    "interest_month_bp": ("Juros ao mês", as_percent),
    "pix_key": ("Chave Pix", quoted),
    "next_our_number": ("Próximo nosso número", as_number),
    "baixa_enabled": ("Comando de baixa ativo", yes_no),
    # Configuração Básica (setting.changed keeps {key: value}).
    "office.name": ("Nome do escritório", quoted),
    "office.document": ("CNPJ do escritório", as_number),
    "office.address": ("Endereço do escritório", quoted),
    "office.city": ("Cidade do escritório", quoted),
    "office.state": ("UF do escritório", as_number),
    "office.phone": ("Telefone do escritório", as_number),
    "office.site": ("Site do escritório", quoted),
    "office.founded_on": ("Data de fundação", as_date),
    "money.ceiling_cents": ("Limite por operação", as_money),
    "money.confirm_cents": ("Confirmar valores acima de", as_money),
    "ledger.fees": ("Plano de contas dos honorários", ref("plano de contas")),
    "ledger.surcharge": ("Plano de contas dos acréscimos", ref("plano de contas")),
    "ledger.discount": ("Plano de contas dos descontos", ref("plano de contas")),
}
# Shown by their own clause of a template, never in the list of changes.
NOT_LISTED = frozenset({"new_invoice_id", "reissued_invoices", "pix_emv", "keys", "status"})


def show(key: str, value: Any, entity: str = "") -> str:
    """One value the pt-BR way, by what its field is (a date, cents, a status, …)."""
    if is_empty(value):
        return EMPTY
    if key == "status":
        return status_of(entity)(value)
    if isinstance(value, bool):
        return yes_no(value)
    field = FIELDS.get(key)
    return field[1](value) if field else str(value)


def changes(before: Values, after: Values, entity: str = "") -> str:
    """ "vencimento de 15/12/2026 para 10/01/2027, valor de …": the named fields that changed."""
    parts: list[str] = []
    for key in [*after, *(k for k in before if k not in after)]:
        if key in NOT_LISTED or key not in FIELDS:
            continue  # a field without a pt-BR name is left out, never shown by its code
        old, new = before.get(key), after.get(key)
        if old == new or (is_empty(old) and is_empty(new)):
            continue
        name = _lower(FIELDS[key][0])
        if key not in before:
            parts.append(f"{name}: {show(key, new, entity)}")
        else:
            parts.append(f"{name} de {show(key, old, entity)} para {show(key, new, entity)}")
    return "; ".join(parts)


def _lower(name: str) -> str:
    """A field's name inside a sentence: "Data limite" → "data limite", "CPF/CNPJ" kept."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name
