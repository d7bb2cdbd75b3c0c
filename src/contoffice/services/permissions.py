"""Every tool of every panel has a permission key; roles grant sets of keys.

"Definição de permissão de acesso às funções desse painel" (seed 002): each
tool can be allowed or denied per operator. Services call `require()` before
changing anything, so a forbidden action is refused whatever the caller.
"""

from __future__ import annotations

from dataclasses import dataclass

from contoffice.errors import NotAllowed
from contoffice.services import messages


@dataclass(frozen=True, slots=True)
class PermissionSpec:
    key: str
    panel: str
    label: str  # the seed's tool caption


def _panel(panel: str, *tools: tuple[str, str]) -> tuple[PermissionSpec, ...]:
    return tuple(PermissionSpec(key, panel, label) for key, label in tools)


PERMISSIONS: tuple[PermissionSpec, ...] = (
    *_panel(
        "Cadastros",
        ("people.view", "Localizar cadastro"),
        ("people.create", "Novo cadastro"),
        ("people.edit", "Editar"),
        ("people.inactivate", "Inativar cadastro"),
        ("people.export", "Exportar planilha"),
        ("people.access_data", "Informações de acesso"),
    ),
    *_panel(
        "Contratos",
        ("contracts.create", "Cadastrar novo contrato"),
        ("contracts.edit", "Editar contrato"),
        ("contracts.cancel", "Cancelar contrato"),
        ("contracts.suspend", "Suspender Contrato"),
        ("contracts.unsuspend", "Cancelar Suspensão de Contrato"),
        ("contracts.activate", "Ativar contrato aguardando ativação"),
        ("contracts.remove_awaiting", "Remover instrução de aguardando ativação"),
        ("contracts.request_cancel", "Solicitar cancelamento do contrato"),
        ("contracts.images", "Banco de Imagens"),
        ("contracts.grouping", "Gerenciar agrupamentos"),
        ("contracts.attach", "Anexar arquivos"),
        ("contracts.change_due_rule", "Trocar Regra de Vencimento"),
        ("contracts.change_profile", "Trocar Profile de Pagamento"),
        ("contracts.change_plan", "Trocar Plano de Acesso"),
        ("contracts.general_changes", "Alterações Gerais"),
        ("contracts.cancellation_manager", "Gerenciador de cancelamentos"),
        ("fees.generate", "Gerar honorários"),
        ("billing.run", "Faturamento em massa"),
    ),
    *_panel(
        "Faturas a Receber",
        ("invoices.edit", "Alterar Fatura"),
        ("invoices.remove", "Remover Fatura"),
        ("invoices.suspend", "Suspender fatura"),
        ("invoices.images", "Banco de Imagens"),
        ("invoices.send_boleto", "Enviar Boleto Individual"),
        ("invoices.print", "Imprimir Fatura"),
        ("invoices.spc", "Adicionar Fatura Selecionada ao SPC"),
        ("invoices.comment", "Inserir comentários na fatura"),
        ("invoices.receipt", "Imprimir recibo de liquidação"),
        ("invoices.settle", "Liquidação avulsa de faturas"),
        ("invoices.reverse", "Estornar Liquidação"),
        ("invoices.additional_charge", "Incluir cobrança adicional as faturas selecionadas"),
        ("invoices.send", "Enviar fatura"),
        ("invoices.baixa", "Baixar Fatura selecionada"),
        ("invoices.remittance_mark", "Remover marcação de remessa transmitida"),
    ),
    *_panel(
        "Faturas a Pagar",
        ("payables.comment", "Inserir comentários na fatura"),
        ("payables.settle", "Liquidação avulsa de faturas"),
    ),
    *_panel(
        "Contas não faturadas",
        ("charges.insert", "Inserir conta"),
        ("charges.edit", "Editar conta"),
        ("charges.remove", "Remover conta"),
        ("charges.suspend", "Suspender conta"),
        ("charges.unsuspend", "Cancelar suspensão de conta"),
        ("charges.bill", "Faturar contas"),
    ),
    *_panel(
        "Contas a pagar",
        ("payable_charges.edit", "Editar conta"),
        ("payable_charges.remove", "Remover conta"),
    ),
    *_panel(
        "Faturas Excluídas",
        ("removed_invoices.comment", "Inserir comentários na fatura"),
    ),
    *_panel(
        "Documentos Fiscais",
        ("fiscal.edit", "Editar informações do documento fiscal"),
        ("fiscal.cancel", "Cancelar Documento"),
        ("fiscal.annul", "Anular Documento"),
        ("fiscal.print", "Imprimir documento fiscal"),
        ("fiscal.send", "Enviar documento fiscal"),
        ("fiscal.generate", "Gerar documentos fiscais"),
    ),
    *_panel(
        "Negativas de Débitos",
        ("clearance.generate", "Gerar nova negativa de débito"),
        ("clearance.print", "Imprimir negativa de débito selecionada"),
        ("clearance.send", "Enviar negativa de débito selecionada por e-mail"),
    ),
    *_panel(
        "Cobrança bancária",
        ("bank.remittance", "Gerar remessa"),
        ("bank.import_return", "Importar retorno"),
    ),
    *_panel(
        "Configurações",
        ("settings.operators", "Operadores e permissões"),
        ("settings.payment_profiles", "Profiles de pagamento"),
        ("settings.office", "Configuração Básica"),
        ("settings.suspension_reasons", "Configuração Motivos de Suspensão"),
    ),
)

PERMISSIONS_BY_KEY: dict[str, PermissionSpec] = {p.key: p for p in PERMISSIONS}
ALL_KEYS: frozenset[str] = frozenset(PERMISSIONS_BY_KEY)


@dataclass(frozen=True, slots=True)
class Actor:
    """The operator acting, as a plain value the window, the CLI and workers can hold."""

    id: int
    login: str
    name: str
    is_admin: bool = False
    permissions: frozenset[str] = frozenset()

    def can(self, key: str) -> bool:
        """Whether this operator may use the tool with `key`."""
        return self.is_admin or key in self.permissions


def require(actor: Actor, key: str) -> None:
    """Refuse with NotAllowed unless the actor holds the permission key."""
    if key not in PERMISSIONS_BY_KEY:
        raise KeyError(f"unknown permission key {key!r}")
    if not actor.can(key):
        label = PERMISSIONS_BY_KEY[key].label
        raise NotAllowed(messages.PERMISSION_DENIED.format(tool=label), key=key)
