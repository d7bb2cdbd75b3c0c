"""The pages of the client panel and their tools, in the seed's order and words."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QStyle

from contoffice.ui.actions import ActionSpec

SP = QStyle.StandardPixmap
EXPORT = ActionSpec(
    "export", "Exportar planilha", SP.SP_DialogSaveButton, needs_selection=False, read_only=True
)
HISTORY = ActionSpec(
    "history", "Histórico da fatura", SP.SP_FileDialogInfoView, multi=False, read_only=True
)


def _attachments(permission: str | None, *, needs_selection: bool = True) -> ActionSpec:
    """Banco de Imagens: the selected row's files (or, on Contratos, the client's)."""
    return ActionSpec(
        "attachment",
        "Banco de Imagens",
        SP.SP_DirOpenIcon,
        needs_selection=needs_selection,
        multi=False,
        permission=permission,
        read_only=True,
    )


ATTACH = ActionSpec(
    "attach", "Anexar arquivos", SP.SP_FileLinkIcon, multi=False, permission="contracts.attach"
)


def _tool(
    key: str,
    text: str,
    *,
    id: str | None = None,
    multi: bool = True,
    needs_selection: bool = True,
    icon: QStyle.StandardPixmap | None = None,
) -> ActionSpec:
    """A tool that changes data; its id is the key's last part unless given."""
    return ActionSpec(
        id or key.split(".")[-1],
        text,
        icon,
        needs_selection=needs_selection,
        multi=multi,
        permission=key,
    )


def _tools(prefix: str, *tools: tuple[str, str]) -> tuple[ActionSpec, ...]:
    """Tools that change data: declared now, enabled when their service arrives."""
    return tuple(_tool(key, text) for key, text in tools if key.startswith(prefix))


@dataclass(frozen=True, slots=True)
class PageSpec:
    grid: str
    title: str
    actions: tuple[ActionSpec, ...]
    arrives_with: str | None = None  # the delivery that creates this page's table


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "client.contracts",
        "Contratos",
        (
            _tool(
                "contracts.create",
                "Cadastrar novo contrato",
                needs_selection=False,
                icon=SP.SP_FileIcon,
            ),
            _tool(
                "contracts.edit", "Editar contrato", multi=False, icon=SP.SP_FileDialogDetailedView
            ),
            *_tools(
                "contracts.",
                ("contracts.cancel", "Cancelar contrato"),
                ("contracts.suspend", "Suspender Contrato"),
                ("contracts.unsuspend", "Cancelar Suspensão de Contrato"),
                ("contracts.activate", "Ativar contrato aguardando ativação"),
                ("contracts.remove_awaiting", "Remover instrução de aguardando ativação"),
                ("contracts.request_cancel", "Solicitar cancelamento do contrato"),
                ("contracts.grouping", "Gerenciar agrupamentos"),
            ),
            ATTACH,
            _attachments("contracts.images", needs_selection=False),
            EXPORT,
        ),
    ),
    PageSpec(
        "client.receivable",
        "Faturas a Receber",
        (
            HISTORY,
            _attachments("invoices.images"),
            _tool("invoices.edit", "Alterar Fatura", icon=SP.SP_FileDialogDetailedView),
            *_tools(
                "invoices.",
                ("invoices.remove", "Remover Fatura"),
                ("invoices.suspend", "Suspender fatura"),
            ),
            _tool("invoices.suspend", "Cancelar suspensão de fatura", id="unsuspend"),
            _tool("invoices.print", "Imprimir Fatura", icon=SP.SP_DialogSaveButton),
            _tool("invoices.send_boleto", "Enviar Boleto Individual", multi=False),
            _tool("invoices.receipt", "Imprimir recibo de liquidação", icon=SP.SP_FileIcon),
            *_tools(
                "invoices.",
                ("invoices.settle", "Liquidação avulsa de faturas"),
                ("invoices.reverse", "Estornar Liquidação"),
                ("invoices.comment", "Inserir comentários na fatura"),
                ("invoices.spc", "Adicionar Fatura Selecionada ao SPC"),
            ),
            _tool("invoices.spc", "Remover Fatura do SPC", id="spc_remove"),
            *_tools(
                "invoices.",
                ("invoices.baixa", "Baixar Fatura selecionada"),
                ("invoices.remittance_mark", "Remover marcação de remessa transmitida"),
                (
                    "invoices.additional_charge",
                    "Incluir cobrança adicional as faturas selecionadas",
                ),
            ),
            EXPORT,
        ),
    ),
    PageSpec(
        "client.payable",
        "Faturas a Pagar",
        (
            HISTORY,
            *_tools(
                "payables.",
                ("payables.comment", "Inserir comentários na fatura"),
                ("payables.settle", "Liquidação avulsa de faturas"),
            ),
            EXPORT,
        ),
    ),
    PageSpec(
        "client.unbilled",
        "Contas a Receber não faturadas",
        (
            _tool("charges.insert", "Inserir conta", needs_selection=False, icon=SP.SP_FileIcon),
            _tool("charges.edit", "Editar conta", multi=False),
            *_tools(
                "charges.",
                ("charges.remove", "Remover conta"),
                ("charges.suspend", "Suspender conta"),
                ("charges.unsuspend", "Cancelar suspensão de conta"),
                ("charges.bill", "Faturar contas"),
            ),
            EXPORT,
        ),
    ),
    PageSpec(
        "client.payable_charges",
        "Contas a pagar",
        (
            _tool("payable_charges.edit", "Editar conta", multi=False),
            _tool("payable_charges.remove", "Remover conta"),
            EXPORT,
        ),
    ),
    PageSpec(
        "client.removed",
        "Faturas Excluídas",
        (
            HISTORY,
            *_tools(
                "removed_invoices.", ("removed_invoices.comment", "Inserir comentários na fatura")
            ),
            EXPORT,
        ),
    ),
    PageSpec("client.settled_receivable", "Contas a Receber Liquidadas", (EXPORT,)),
    PageSpec("client.settled_payable", "Contas a Pagar Liquidadas", (EXPORT,)),
    PageSpec(
        "client.fiscal_issued",
        "Documentos Fiscais Gerados",
        (
            *_tools(
                "fiscal.",
                ("fiscal.edit", "Editar informações do documento fiscal"),
                ("fiscal.cancel", "Cancelar Documento"),
                ("fiscal.annul", "Anular Documento"),
                ("fiscal.print", "Imprimir documento fiscal"),
                ("fiscal.send", "Enviar documento fiscal"),
            ),
            EXPORT,
        ),
        "NFS-e",
    ),
    PageSpec(
        "client.fiscal_pending",
        "Documentos Fiscais Pendentes",
        (HISTORY, *_tools("fiscal.", ("fiscal.generate", "Gerar documentos fiscais")), EXPORT),
    ),
    PageSpec("client.messages", "SMS, e-mail e Mensagens Enviadas", (EXPORT,), "mensagens"),
    PageSpec(
        "client.clearances",
        "Negativas de Débitos",
        (
            *_tools(
                "clearance.",
                ("clearance.generate", "Gerar nova negativa de débito"),
                ("clearance.print", "Imprimir negativa de débito selecionada"),
                ("clearance.send", "Enviar negativa de débito selecionada por e-mail"),
            ),
            EXPORT,
        ),
        "negativas de débito",
    ),
    PageSpec("client.recurrence", "Faturas programadas para recorrência automática", (EXPORT,)),
    PageSpec("client.cards", "Cartões de créditos cadastrados", (EXPORT,), "cartões"),
    PageSpec("client.activity", "Atividade", (EXPORT,)),
    PageSpec("client.notes", "Notas", (EXPORT,)),
)
