"""Mensagens: the office's sent messages (open, resend, export) and Envio em massa."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QStyle, QToolBar, QVBoxLayout, QWidget

from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.results import Changes
from contoffice.services.kernel.toolbox import REGISTRY
from contoffice.services.panels import grids
from contoffice.ui import texts
from contoffice.ui.actions import ActionSpec, PanelActions
from contoffice.ui.client.pages import EXPORT, tool_action
from contoffice.ui.context import WindowContext
from contoffice.ui.export import export_view
from contoffice.ui.messages_area import labels as t
from contoffice.ui.messages_area.mass_dialog import MassDialog, read_lists
from contoffice.ui.messages_area.sending import SendFlow
from contoffice.ui.messages_area.tools import MessageTools
from contoffice.ui.models.table_model import PagedTableModel
from contoffice.ui.operations import Operation, show_error
from contoffice.ui.widgets.grid_view import GridView

VIEW, MASS = "messages.view", "messages.mass"
MASS_ACTION = ActionSpec("mass", t.MASS, QStyle.StandardPixmap.SP_FileDialogNewFolder,
                         needs_selection=False, permission=MASS)


def can_open(actor: Actor) -> bool:
    """Whether the operator may see the sent messages or send in mass (else it is hidden)."""
    return actor.can(VIEW) or actor.can(MASS)


class MessagesArea(QWidget):
    """The navigation's Mensagens entry: the Mensagens enviadas grid under its tools."""

    def __init__(self, ctx: WindowContext, selected_people: Callable[[], list[int]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messages_area")
        self.ctx, self._selected_people = ctx, selected_people
        self.viewing = ctx.actor.can(VIEW)
        self.spec = grids.grid(t.SENT_GRID)
        self.model = PagedTableModel(self.spec.columns, ctx.fetcher(t.SENT_GRID), parent=self)
        self.grid = GridView(self.model, grid_id=t.SENT_GRID, settings=ctx.settings,
                             empty_text=texts.NO_ROWS, parent=self)
        self.tools = MessageTools(self)
        # Without the log's permission only Envio em massa is left.
        reading = (*(tool_action(tool) for tool in REGISTRY.on_page(t.SENT_GRID)), EXPORT)
        specs = (*(reading if self.viewing else ()), MASS_ACTION)
        handlers = {"export": self.export, "mass": self.mass_send,
                    **self.tools.handlers(t.SENT_GRID)}
        self.actions = PanelActions(self, specs, ctx.actor, handlers)
        self.toolbar = QToolBar(self)
        self.actions.fill_toolbar(self.toolbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.grid, 1)
        if not self.viewing:
            self.grid.hide()
            layout.addWidget(QLabel(t.NO_VIEW, self), 1)
        self.grid.selection_changed.connect(
            lambda: self.actions.update(len(self.grid.selected_rows())))
        self.grid.table.customContextMenuRequested.connect(self._menu)
        self.grid.activated.connect(lambda _id: self.tools.open())
        self.mass_dialog: MassDialog | None = None
        self.last_flow: SendFlow | None = None
        self.last_operation: Operation | None = None
        self._loaded = False
        # A message sent from a client panel, the person form or another desk's round here.
        self.subscription = ctx.changes.subscribe(self, self.apply_changes)

    def apply_changes(self, changes: Changes) -> None:
        """Messages were sent or queued somewhere in the window: the log may be longer."""
        if self._loaded and changes.messages:
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:  # queried when first shown
            self.refresh()

    def refresh(self) -> None:
        """F5: the same filters, fresh rows."""
        if self.viewing:
            self._loaded = True
            self.model.reload()

    def focus_filters(self) -> None:
        """Ctrl+F."""
        self.grid.focus_filters()

    def _menu(self, pos: QPoint) -> None:
        self.actions.menu(self).popup(self.grid.map_to_global(pos))

    def export(self) -> None:
        """Exportar planilha: visible columns, current filter."""
        self.last_operation = export_view(self, self.ctx, self.grid, t.SENT_GRID, t.SENT_TITLE)

    def mass_send(self) -> MassDialog | None:
        """Envio em massa: the dialog (the finder's selection offered when there is one)."""
        try:
            lists = read_lists(self.ctx.db)
        except Exception as error:
            show_error(self, error)
            return None
        self.mass_dialog = MassDialog(self, self.ctx, lists, self._selected_people(),
                                      self.send_batch)
        self.mass_dialog.open()
        return self.mass_dialog

    def send_batch(self, batch_id: int, names: tuple[str, ...] = ()) -> SendFlow:
        """Send a queued batch with progress and cancel; its report offers to continue."""
        self.last_flow = SendFlow(self, self.ctx, title=t.SENDING, batch_id=batch_id,
                                  accounts=names, on_round=self.refresh)
        return self.last_flow.start()
