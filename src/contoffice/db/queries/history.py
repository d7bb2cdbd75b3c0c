"""The history a clerk reads, in pt-BR sentences: audit events and invoice events.

One table of templates turns an audit event (action, values before and after,
operator, justification) into a sentence such as "Vencimento alterado de
15/12/2026 para 10/01/2027 por Ana — pedido do cliente". Values are shown the
pt-BR way (dd/mm/aaaa, R$ 1.234,56, statuses by their label, Sim/Não, "fatura
123"); a field this table does not name is left out rather than shown by its
code, and an action without a template gets a generic sentence from its label.

It lives with the queries because the Atividade grid renders its rows here
(db may not import services); the services, the window and the command line
reach it through `invoice_history` and the grid.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from contoffice.core.format import (
    format_competence,
    format_date,
    format_datetime,
    format_money,
    format_percent,
)
from contoffice.core.vocab import (
    CancellationStatus,
    ChargeStatus,
    ContractStatus,
    InvoiceStatus,
    PersonKind,
    role_label,
)
from contoffice.db.queries.client_invoices import REMITTANCE_LABELS
from contoffice.db.queries.client_settlements import METHOD_LABELS

Values = Mapping[str, Any]

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

# --- How a value is shown.
_EMPTY = "(em branco)"
_DUE_RULES = {"fixed_day": "dia fixo do mês", "business_day": "dia útil do mês"}
_DUE_OFFSETS = {0: "no mês da competência", 1: "no mês seguinte", 2: "dois meses depois"}
_STATUS_LABELS: dict[str, dict[str, str]] = {
    "invoice": {s.value: s.label for s in InvoiceStatus},
    "contract": {s.value: s.label for s in ContractStatus},
    "charge": {s.value: s.label for s in ChargeStatus},
    "cancellation_request": {s.value: s.label for s in CancellationStatus},
}
_ENTITY_OF_PREFIX = {"invoice": "invoice", "charges": "invoice", "charge": "charge",
                     "payable": "charge", "contract": "contract", "person": "person"}


def _date(value: Any) -> str:
    """dd/mm/aaaa from a date or its ISO text (the audit trail keeps dates as text)."""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    text = str(value)
    try:
        return format_datetime(datetime.fromisoformat(text)) if len(text) > 10 \
            else format_date(date.fromisoformat(text))
    except ValueError:
        return text


def _competence(value: Any) -> str:
    if isinstance(value, date):
        return format_competence(value)
    try:
        return format_competence(date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value)


def _money(value: Any) -> str:
    try:
        return format_money(int(value))
    except (TypeError, ValueError):
        return str(value)


def _percent(value: Any) -> str:
    try:
        return format_percent(int(value))
    except (TypeError, ValueError):
        return str(value)


def _yes_no(value: Any) -> str:
    if isinstance(value, str):
        value = value.strip().lower() in ("1", "true", "sim")
    return "Sim" if value else "Não"


def _text(value: Any) -> str:
    return f"«{value}»"


def _number(value: Any) -> str:
    return str(value)


def _label(labels: Mapping[Any, str]) -> Callable[[Any], str]:
    return lambda value: labels.get(value, str(value))


def _ref(noun: str, plural: str | None = None) -> Callable[[Any], str]:
    """ "fatura 12", or for a list "faturas 12, 13"; a count reads "3 contas"."""
    many = plural or noun + "s"

    def show(value: Any) -> str:
        if isinstance(value, list | tuple):
            ids = ", ".join(str(v) for v in value)
            return f"{noun} {ids}" if len(value) == 1 else f"{many} {ids}"
        if isinstance(value, int) and not isinstance(value, bool) and noun == "conta":
            return f"{value} {noun if value == 1 else many}"  # a count, not an id
        return f"{noun} {value}"

    return show


def _status(entity: str) -> Callable[[Any], str]:
    return _label(_STATUS_LABELS.get(entity, {}))


def _roles(value: Any) -> str:
    try:
        return role_label(int(value))
    except (TypeError, ValueError):
        return str(value)


_PERSON_KINDS = {k.value: k.label for k in PersonKind}
_ROW = Callable[[Any], str]
# Field → (its pt-BR name, how its value is shown). `status` depends on the record: see _show.
FIELDS: dict[str, tuple[str, _ROW]] = {
    # Invoices and contas.
    "description": ("Descrição", _text),
    "due_date": ("Vencimento", _date),
    "our_number": ("Nosso número", _number),
    "amount_cents": ("Valor", _money),
    "paid_cents": ("Valor pago", _money),
    "value_cents": ("Valor liquidado", _money),
    "surcharge_cents": ("Acréscimo", _money),
    "settled_on": ("Data de liquidação", _date),
    "reversed_on": ("Data do estorno", _date),
    "method": ("Forma de pagamento", _label(METHOD_LABELS)),
    "discount_cents": ("Desconto", _money),
    "discount_until": ("Data limite do desconto", _date),
    "discount_days": ("Dias de desconto", _number),
    "instruction": ("Instrução", _text),
    "remittance_status": ("Remessa", _label(REMITTANCE_LABELS)),
    "in_spc": ("No SPC", _yes_no),
    "baixa_requested": ("Comando de baixa", _yes_no),
    "comment": ("Comentário", str),
    "reason": ("Motivo", _text),
    "notes": ("Observações", _text),
    "new_invoice_id": ("Nova fatura", _ref("fatura")),
    "invoice_id": ("Fatura", _ref("fatura")),
    "reissued_invoices": ("Faturas recriadas", _ref("fatura")),
    "charges": ("Contas", _ref("conta")),
    "charge_ids": ("Contas", _ref("conta")),
    "charges_removed": ("Contas removidas", _yes_no),
    "cash_account_id": ("Conta cofre/caixa/banco", _ref("conta cofre/caixa/banco",
                                                        "contas cofre/caixa/banco")),
    "period_start": ("Ref. inicial", _date),
    "period_end": ("Ref. final", _date),
    "installment": ("Parcela", _number),
    "ledger_account_id": ("Plano de contas", _ref("plano de contas", "planos de contas")),
    "composition": ("Composição", _text),
    "filename": ("Arquivo", _text),
    "attachment_id": ("Anexo", _ref("anexo")),
    "contract_id": ("Contrato", _ref("contrato")),
    "category": ("Categoria", _text),
    # Contracts.
    "plan": ("Plano", _text),
    "fee_cents": ("Valor do plano", _money),
    "due_rule": ("Regra de vencimento", _label(_DUE_RULES)),
    "due_day": ("Dia de vencimento", _number),
    "move_to_business_day": ("Mover para dia útil", _yes_no),
    "due_month_offset": ("Mês de vencimento", _label(_DUE_OFFSETS)),
    "payment_profile_id": ("Profile de pagamento", _ref("profile de pagamento",
                                                        "profiles de pagamento")),
    "grouping": ("Agrupamento", _text),
    "fees_created": ("Honorários gerados", _number),
    "start": ("Início", _competence),
    "times": ("Parcelas", _number),
    # Billing run.
    "competence": ("Competência", _competence),
    "invoices_created": ("Faturas criadas", _number),
    "charges_created": ("Contas criadas", _number),
    "already_billed": ("Já faturadas", _number),
    "refused": ("Recusados", _number),
    "resumed": ("Retomado", _yes_no),
    # People.
    "kind": ("Tipo de pessoa", _label(_PERSON_KINDS)),
    "name": ("Nome", _text),
    "roles": ("Classificação", _roles),
    "trade_name": ("Nome fantasia", _text),
    "document": ("CPF/CNPJ", _number),
    "state_registration": ("Inscrição estadual", _text),
    "municipal_registration": ("Inscrição municipal", _text),
    "email": ("E-mail", _text),
    "email_cc": ("E-mail (cópia)", _text),
    "phone": ("Telefone", _number),
    "mobile": ("Celular", _number),
    "street": ("Logradouro", _text),
    "number": ("Número", _text),
    "complement": ("Complemento", _text),
    "district": ("Bairro", _text),
    "city": ("Cidade", _text),
    "state": ("UF", _number),
    "postal_code": ("CEP", _number),
    "active": ("Ativo", _yes_no),
    "notes1": ("Observações 1", _text),
    "notes2": ("Observações 2", _text),
    "internal_notes": ("Observações internas", _text),
    "assigned_operator_id": ("Operador responsável", _ref("operador", "operadores")),
    "default_due_day": ("Dia de vencimento", _number),
    # Administration.
    "login": ("Login", _text),
    "role": ("Perfil de acesso", _text),
    "role_id": ("Perfil de acesso", _ref("perfil de acesso", "perfis de acesso")),
    "locked": ("Bloqueado", _yes_no),
    "failed_attempts": ("Tentativas sem sucesso", _number),
    "text": ("Motivo", _text),
    "bank_code": ("Banco", _number),
    "agency": ("Agência", _number),
    "agency_dv": ("DV da agência", _number),
    "account": ("Conta", _number),
    "account_dv": ("DV da conta", _number),
    "wallet": ("Carteira", _number),
    "agreement": ("Convênio", _number),
    "variation": ("Variação", _number),
    "modality": ("Modalidade", _number),
    "post": ("Posto", _number),
    "byte_idt": ("Byte de identificação", _number),
    "cnab_layout": ("Layout CNAB", _number),
    "instructions": ("Instruções", _text),
    "fine_bp": ("Multa", _percent),
    "interest_month_bp": ("Juros ao mês", _percent),
    "pix_key": ("Chave Pix", _text),
    "next_our_number": ("Próximo nosso número", _number),
    "baixa_enabled": ("Comando de baixa ativo", _yes_no),
    # Configuração Básica (setting.changed keeps {key: value}).
    "office.name": ("Nome do escritório", _text),
    "office.document": ("CNPJ do escritório", _number),
    "office.address": ("Endereço do escritório", _text),
    "office.city": ("Cidade do escritório", _text),
    "office.state": ("UF do escritório", _number),
    "office.phone": ("Telefone do escritório", _number),
    "office.site": ("Site do escritório", _text),
    "office.founded_on": ("Data de fundação", _date),
    "money.ceiling_cents": ("Limite por operação", _money),
    "money.confirm_cents": ("Confirmar valores acima de", _money),
    "ledger.fees": ("Plano de contas dos honorários", _ref("plano de contas")),
    "ledger.surcharge": ("Plano de contas dos acréscimos", _ref("plano de contas")),
    "ledger.discount": ("Plano de contas dos descontos", _ref("plano de contas")),
}
# Shown by their own clause of a template, never in the list of changes.
_NOT_LISTED = frozenset({"new_invoice_id", "reissued_invoices", "pix_emv", "keys", "status"})

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
}
# Invoice events: their text was written as a sentence already; only the frame is ours.
EVENT_TEMPLATES: dict[str, tuple[str, ...]] = {
    "comment": ("Comentário", "? de {who}", ": {text}"),
    "receipt": ("{text}{por}",),
}
_EVENT_DEFAULT = ("{label}{por}", "?: {text}")
_GENERIC = ("{label}{por}",)
# Python values an older version wrote into an event's text: "[1, 2]", "{'x': …}", "<Enum…>".
_PYTHON_VALUE = re.compile(r"[{}<>]|datetime\.|\w+\(")
_PYTHON_LIST = re.compile(r"\[([\d, ]*)\]")


def label(action: str) -> str:
    """The pt-BR name of an audit action or invoice-event kind (never the key itself)."""
    found = ACTION_LABELS.get(action)
    if found is not None:
        return found
    entity = ENTITY_LABELS.get(action.split(".", 1)[0])
    return f"{entity}: alteração registrada" if entity else "Alteração registrada"


def _loaded(values: Values | str | None) -> dict[str, Any]:
    """The audit trail keeps before/after as JSON text; accept that or a mapping."""
    if not values:
        return {}
    if isinstance(values, str):
        try:
            loaded = json.loads(values)
        except ValueError:
            return {}
        return loaded if isinstance(loaded, dict) else {}
    return dict(values)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


class _Side:
    """One side (before or after) of an event: `side.field` is the field's value, shown."""

    def __init__(self, values: dict[str, Any], entity: str, seen: list[bool]) -> None:
        self._values, self._entity, self._seen = values, entity, seen

    def __getattr__(self, key: str) -> str:
        value = self._values.get(key)
        if _empty(value) or value is False or value == 0:
            self._seen.append(False)  # an optional part about nothing (no acréscimo) is left out
        return show(key, value, self._entity)


def show(key: str, value: Any, entity: str = "") -> str:
    """One value the pt-BR way, by what its field is (a date, cents, a status, …)."""
    if _empty(value):
        return _EMPTY
    if key == "status":
        return _status(entity)(value)
    if isinstance(value, bool):
        return _yes_no(value)
    field = FIELDS.get(key)
    return field[1](value) if field else str(value)


def changes(before: Values, after: Values, entity: str = "") -> str:
    """ "vencimento de 15/12/2026 para 10/01/2027, valor de …": the named fields that changed."""
    parts: list[str] = []
    for key in [*after, *(k for k in before if k not in after)]:
        if key in _NOT_LISTED or key not in FIELDS:
            continue  # a field without a pt-BR name is left out, never shown by its code
        old, new = before.get(key), after.get(key)
        if old == new or (_empty(old) and _empty(new)):
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


def _entity(action: str) -> str:
    return _ENTITY_OF_PREFIX.get(action.split(".", 1)[0], "")


class _Formatter(string.Formatter):
    """str.format that notes an empty value (for the optional "?" parts)."""

    def __init__(self, seen: list[bool]) -> None:
        self._seen = seen

    def get_value(self, key: int | str, args: Any, kwargs: Mapping[str, Any]) -> Any:
        value = super().get_value(key, args, kwargs)
        if isinstance(value, str) and value == "":
            self._seen.append(False)
        return value


def _render(parts: tuple[str, ...], context: dict[str, Any],
            before: dict[str, Any], after: dict[str, Any], entity: str) -> str:
    out: list[str] = []
    for part in parts:
        optional = part.startswith("?")
        seen: list[bool] = []
        formatter = _Formatter(seen)
        text = formatter.format(part[1:] if optional else part,
                                b=_Side(before, entity, seen), a=_Side(after, entity, seen),
                                **context)
        if optional and seen:
            continue
        out.append(text)
    return "".join(out)


def sentence(action: str, before: Values | str | None, after: Values | str | None,
             operator: str | None, justification: str = "") -> str:
    """The pt-BR sentence of one audit event, e.g. "Vencimento alterado de … por Ana — motivo"."""
    old, new = _loaded(before), _loaded(after)
    entity = _entity(action)
    who = (operator or "").strip()
    context = {
        "who": who,
        "por": f" por {who}" if who else "",
        "label": label(action),
        "changes": changes(old, new, entity),
    }
    text = _render(TEMPLATES.get(action, _GENERIC), context, old, new, entity)
    note = (justification or "").strip()
    return f"{text} — {note}" if note else text


def event_sentence(kind: str, text: str, operator: str | None) -> str:
    """The pt-BR sentence of one invoice event (its journal text, framed by who did it)."""
    who = (operator or "").strip()
    cleaned = _PYTHON_LIST.sub(r"\1", (text or "").strip())
    if _PYTHON_VALUE.search(cleaned):
        cleaned = ""  # an older version wrote raw values here; the audit event tells them
    context = {"who": who, "por": f" por {who}" if who else "", "label": label(kind),
               "text": cleaned}
    return _render(EVENT_TEMPLATES.get(kind, _EVENT_DEFAULT), context, {}, {}, "invoice")
