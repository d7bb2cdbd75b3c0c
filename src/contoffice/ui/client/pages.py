"""The pages of the client panel, in the seed's order; their tools come from the tool registry."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QStyle

from contoffice.services.kernel.toolbox import REGISTRY
from contoffice.services.kernel.tools import Rows, Tool
from contoffice.ui.actions import ActionSpec

SP = QStyle.StandardPixmap
EXPORT = ActionSpec(
    "export", "Exportar planilha", SP.SP_DialogSaveButton, needs_selection=False, read_only=True
)
HISTORY = ActionSpec(
    "history", "Histórico da fatura", SP.SP_FileDialogInfoView, multi=False, read_only=True
)
_ICONS = {
    "new": SP.SP_FileIcon,
    "edit": SP.SP_FileDialogDetailedView,
    "save": SP.SP_DialogSaveButton,
    "file": SP.SP_FileIcon,
    "folder": SP.SP_DirOpenIcon,
    "link": SP.SP_FileLinkIcon,
}


def tool_action(tool: Tool) -> ActionSpec:
    """The toolbar action of a registered tool."""
    return ActionSpec(
        tool.action_id,
        tool.label,
        _ICONS.get(tool.icon),
        needs_selection=tool.rows is not Rows.NONE,
        multi=tool.rows is Rows.MANY,
        permission=tool.permission,
    )


@dataclass(frozen=True, slots=True)
class PageSpec:
    grid: str
    title: str
    history: bool = False  # Histórico da fatura comes first on invoice pages

    @property
    def actions(self) -> tuple[ActionSpec, ...]:
        """History (invoice pages), the registry's tools of this page, then Exportar planilha."""
        tools = tuple(tool_action(t) for t in REGISTRY.on_page(self.grid))
        return ((HISTORY,) if self.history else ()) + tools + (EXPORT,)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("client.contracts", "Contratos"),
    PageSpec("client.receivable", "Faturas a Receber", history=True),
    PageSpec("client.payable", "Faturas a Pagar", history=True),
    PageSpec("client.unbilled", "Contas a Receber não faturadas"),
    PageSpec("client.payable_charges", "Contas a pagar"),
    PageSpec("client.removed", "Faturas Excluídas", history=True),
    PageSpec("client.settled_receivable", "Contas a Receber Liquidadas"),
    PageSpec("client.settled_payable", "Contas a Pagar Liquidadas"),
    PageSpec("client.fiscal_issued", "Documentos Fiscais Gerados"),
    PageSpec("client.fiscal_pending", "Documentos Fiscais Pendentes", history=True),
    PageSpec("client.messages", "SMS, e-mail e Mensagens Enviadas"),
    PageSpec("client.clearances", "Negativas de Débitos"),
    PageSpec("client.recurrence", "Faturas programadas para recorrência automática"),
    PageSpec("client.activity", "Atividade"),
    PageSpec("client.notes", "Notas"),
)
