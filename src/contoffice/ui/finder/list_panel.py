"""Últimos 1000 novos cadastros ativos, Cadastros ativos, Cadastros inativos (INV-A-2..6)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QToolBar, QToolButton, QVBoxLayout, QWidget

from contoffice.services.kernel.results import Changes
from contoffice.services.panels import grids
from contoffice.services.people.finder import FREE_TEXT
from contoffice.services.people.form import load_person, save_person
from contoffice.ui import texts
from contoffice.ui.actions import ActionSpec, PanelActions
from contoffice.ui.billing.fees_flow import generate_fees
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.person_access import access_part
from contoffice.ui.dialogs.person_dialog import PersonDialog
from contoffice.ui.export import export_view
from contoffice.ui.messages.send_dialog import open_send_dialog
from contoffice.ui.models.table_model import PagedTableModel
from contoffice.ui.operations import Operation, show_error
from contoffice.ui.people_import import labels as import_labels
from contoffice.ui.tool_flow import ToolFlow
from contoffice.ui.widgets.grid_view import GridView

SP = QStyle.StandardPixmap
PEOPLE_ACTIONS = (
    ActionSpec("new", texts.NEW_PERSON, SP.SP_FileIcon, "Ctrl+N", needs_selection=False,
               permission="people.create"),
    ActionSpec("edit", texts.EDIT, SP.SP_FileDialogDetailedView, multi=False,
               permission="people.edit"),
    ActionSpec("open", texts.OPEN, SP.SP_DirOpenIcon, multi=False, read_only=True),
    ActionSpec("export", texts.EXPORT, SP.SP_DialogSaveButton, needs_selection=False,
               permission="people.export", read_only=True),
    ActionSpec("import_people", import_labels.ACTION, SP.SP_ArrowDown, needs_selection=False,
               permission="people.create"),
)
# INV-D-13: on the panels that list active clients (not on Cadastros inativos).
FEES_ACTION = ActionSpec("fees", t.FEES_TITLE, SP.SP_FileDialogNewFolder,
                         permission="fees.generate")


class PeopleGridPanel(QWidget):
    """A finder grid with its toolbar; subclasses decide when rows appear."""

    def __init__(self, ctx: WindowContext, key: str, parent: QWidget | None = None, *,
                 fees: bool = False) -> None:
        super().__init__(parent)
        self.ctx, self.key = ctx, key
        self.spec = grids.grid(key)
        self.model = PagedTableModel(self.spec.columns, ctx.fetcher(key),
                                     armed=not self.spec.search_mode, parent=self)
        self.grid = GridView(self.model, grid_id=key, settings=ctx.settings, parent=self)
        specs = (*PEOPLE_ACTIONS, FEES_ACTION) if fees else PEOPLE_ACTIONS
        self.actions = PanelActions(self, specs, ctx.actor, {
            "new": self.new_person, "edit": self.edit_person, "open": self.open_client,
            "export": self.export, "fees": self.generate_fees,
            "import_people": self.import_people})
        self.toolbar = QToolBar(self)
        self.actions.fill_toolbar(self.toolbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.grid, 1)
        self.grid.activated.connect(ctx.open_client)
        self.grid.selection_changed.connect(
            lambda: self.actions.update(len(self.grid.selected_rows())))
        self.grid.table.customContextMenuRequested.connect(self._menu)
        self.last_operation: Operation | None = None
        self.last_flow: ToolFlow | None = None
        self.last_import: Any = None  # the Importar clientes window, once opened
        self._shown = False
        self.subscription = ctx.changes.subscribe(self, self.apply_changes)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._shown:  # built lazily: the first show queries
            self._shown = True
            self.refresh()

    def refresh(self) -> None:
        """F5: query again with the same filters."""
        self.model.reload()

    def apply_changes(self, changes: Changes) -> None:
        """Another panel's operation: the finder lists people only (no balances)."""
        if changes.people and self._shown:
            self.refresh()

    def _saved(self, person_id: object) -> None:
        """A registration was created or edited here: every panel showing it refreshes."""
        people = frozenset({person_id}) if isinstance(person_id, int) else frozenset()
        self.ctx.changes.publish(Changes(people=True, person_ids=people), self)

    def focus_filters(self) -> None:
        """Ctrl+F."""
        self.grid.focus_filters()

    def _menu(self, pos: QPoint) -> None:
        self.actions.menu(self).popup(self.grid.map_to_global(pos))

    def _mail(self, person_id: int) -> None:
        """Enviar e-mail com dados de acesso: the send dialog with the access template."""
        open_send_dialog(self, self.ctx, person_id=person_id, access=True,
                         permission="people.access_data")

    def new_person(self) -> None:
        """Novo cadastro."""
        ctx = self.ctx
        saved = PersonDialog.ask(self, None,
                                 lambda data: save_person(ctx.db.uow(), ctx.actor, data),
                                 access=access_part(ctx.db, ctx.actor, None, mail=self._mail))
        if saved:
            self._saved(saved)

    def edit_person(self) -> None:
        """Editar the selected registration."""
        ctx = self.ctx
        ids = self.grid.selected_ids()
        try:
            edit = load_person(ctx.db.uow(), ids[0])
        except Exception as error:
            show_error(self, error)
            return
        saved = PersonDialog.ask(self, edit.data,
                                 lambda data: save_person(ctx.db.uow(), ctx.actor, data, edit),
                                 access=access_part(ctx.db, ctx.actor, edit, mail=self._mail))
        if saved:
            self._saved(saved)

    def open_client(self) -> None:
        """Open the selected person's client panel."""
        ids = self.grid.selected_ids()
        if ids:
            self.ctx.open_client(ids[0])

    def export(self) -> None:
        """Exportar planilha of the rows the filters show."""
        self.last_operation = export_view(self, self.ctx, self.grid, self.key, self.spec.title)

    def import_people(self) -> None:
        """Importar clientes… from another system's spreadsheet."""
        # Imported on first use: the spreadsheet readers are not needed to show the window.
        from contoffice.ui.people_import.dialog import open_people_import

        self.last_import = open_people_import(self, self.ctx)

    def generate_fees(self) -> None:
        """Gerar honorários for the selected clients (the Faturamento flow)."""
        self.last_flow = generate_fees(self, self.ctx, self.grid.selected_ids())


class ListPanel(PeopleGridPanel):
    """The three list panels; the search-mode ones get "Listar todos" bottom-left."""

    def __init__(self, ctx: WindowContext, key: str, parent: QWidget | None = None, *,
                 fees: bool = False) -> None:
        super().__init__(ctx, key, parent, fees=fees)
        self.list_all_button: QToolButton | None = None
        if self.spec.search_mode:
            button = QToolButton(self)
            button.setObjectName("list_all_button")
            button.setText(texts.LIST_ALL)
            button.setToolTip(texts.LIST_ALL)
            button.setIcon(self.style().standardIcon(SP.SP_FileDialogListView))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.clicked.connect(self.list_all)
            self.grid.footer.insertWidget(0, button)
            self.list_all_button = button
        self.model.loaded.connect(self._searched_status)

    def list_all(self) -> None:
        """Every registration of the panel, counted and first page fetched off the GUI thread."""
        model = self.model
        model.armed = True
        operation = Operation(self, lambda _progress: model.first_page(), title=texts.LIST_ALL)
        operation.on_success(model.apply).run()
        self.last_operation = operation

    def search(self, text: str) -> None:
        """The finder's search box: only the rows matching `text` (empty: the panel as it was)."""
        wanted = {FREE_TEXT: text} if text else {}
        if wanted != self.model.base_filters:
            self.model.base_filters = wanted
            if self._shown:  # else its first show queries with it
                self.refresh()

    def focus_rows(self) -> None:
        """↓ from the search box: the keyboard goes to the grid, on the first row."""
        table = self.grid.table
        if self.model.rowCount() and not table.currentIndex().isValid():
            table.setCurrentIndex(self.model.index(0, 0))
        table.setFocus()

    def open_only_row(self) -> None:
        """Enter in the search box: the one row left opens; with more, the grid takes over."""
        if self.model.rowCount() == 1:
            ids = self.model.ids_for([0])
            if ids:
                self.ctx.open_client(ids[0])
        elif self.model.rowCount():
            self.focus_rows()

    def _searched_status(self, total: int) -> None:
        if not total and self.model.base_filters:  # not "modo pesquisa": the search found none
            self.grid.status.setText(texts.NO_MATCH)
