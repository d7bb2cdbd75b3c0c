"""Informações sintéticas: counts of registrations by fields dragged into rows and columns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contoffice.services.kernel.results import Changes
from contoffice.services.panels.pivot import PIVOT_FIELDS, PivotTable, pivot_counts
from contoffice.services.panels.table_export import Sheet, pivot_sheet
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.models.pivot_model import PivotModel
from contoffice.ui.operations import Operation
from contoffice.ui.settings import KEY_PIVOT_COLUMNS, KEY_PIVOT_ROWS
from contoffice.ui.table_export import export_sheet, visible_sections

FIELD_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE = "Informações sintéticas"


class FieldList(QListWidget):
    """A list of pivot fields that items can be dragged into and out of."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMaximumHeight(150)

    def keys(self) -> list[str]:
        """The field keys in the list, in order."""
        return [self.item(i).data(FIELD_ROLE) for i in range(self.count())]

    def add(self, key: str) -> None:
        """Append a field."""
        item = QListWidgetItem(PIVOT_FIELDS[key])
        item.setData(FIELD_ROLE, key)
        self.addItem(item)

    def move_to(self, target: FieldList, key: str) -> None:
        """What a drag does: the field leaves this list and joins `target`."""
        row = self.keys().index(key)
        self.takeItem(row)
        target.add(key)


class PivotPanel(QWidget):
    """Configurar shows the field lists; any change of rows or columns recounts."""

    updated = Signal()

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = PivotModel(self)
        self.configure_button = QPushButton(texts.CONFIGURE, self)
        self.configure_button.setObjectName("configure_button")
        self.configure_button.setCheckable(True)
        self.export_button = QPushButton(texts.EXPORT, self)
        self.export_button.setObjectName("export_button")
        self.export_button.setEnabled(False)  # nothing counted yet
        self.export_button.clicked.connect(self.export)
        self.fields_list = FieldList("fields_list", self)
        self.rows_list = FieldList("rows_list", self)
        self.columns_list = FieldList("columns_list", self)
        self.config = QWidget(self)
        config = QGridLayout(self.config)
        for column, (caption, widget) in enumerate(((texts.FIELDS, self.fields_list),
                                                    (texts.ROW_FIELDS, self.rows_list),
                                                    (texts.COLUMN_FIELDS, self.columns_list))):
            config.addWidget(QLabel(caption, self.config), 0, column)
            config.addWidget(widget, 1, column)
        config.addWidget(QLabel(texts.PIVOT_HINT, self.config), 2, 0, 1, 3)
        self.config.setVisible(False)
        self.configure_button.toggled.connect(self.config.setVisible)
        self.table = QTableView(self)
        self.table.setObjectName("pivot_table")
        self.table.setModel(self.model)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.configure_button)
        top.addWidget(self.export_button)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.config)
        layout.addWidget(self.table, 1)
        rows = ctx.settings.list_value(KEY_PIVOT_ROWS) or ["kind"]
        columns = ctx.settings.list_value(KEY_PIVOT_COLUMNS) or ["active"]
        for key in PIVOT_FIELDS:
            target = self.rows_list if key in rows else (
                self.columns_list if key in columns else self.fields_list)
            target.add(key)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.recount)
        for widget in (self.rows_list, self.columns_list):
            widget.model().rowsInserted.connect(self._timer.start)
            widget.model().rowsRemoved.connect(self._timer.start)
        self.last_operation: Operation | None = None
        self.last_export: Operation | None = None
        self._shown = False
        self.subscription = ctx.changes.subscribe(self, self.apply_changes)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self.recount()

    def refresh(self) -> None:
        """F5."""
        self.recount()

    def apply_changes(self, changes: Changes) -> None:
        """Registrations were created or changed elsewhere: count again."""
        if changes.people and self._shown:
            self.recount()

    def focus_filters(self) -> None:
        """Ctrl+F opens the configuration."""
        self.configure_button.setChecked(True)

    def recount(self) -> None:
        """Count again for the fields now in rows and columns (off the GUI thread)."""
        rows, columns = self.rows_list.keys(), self.columns_list.keys()
        self.ctx.settings.set_list(KEY_PIVOT_ROWS, rows)
        self.ctx.settings.set_list(KEY_PIVOT_COLUMNS, columns)
        db = self.ctx.db
        operation = Operation(self, lambda _p: pivot_counts(db.uow(), rows, columns),
                              title=texts.CONFIGURE)
        operation.on_success(self._show)
        if not operation.run():  # one already running: count again when it ends
            self._timer.start(100)
        self.last_operation = operation

    def _show(self, table: PivotTable) -> None:
        self.model.set_table(table)
        self.table.resizeColumnsToContents()
        self.export_button.setEnabled(True)
        self.updated.emit()

    def sheet(self) -> Sheet:
        """The counts on screen: row headings first, then the visible columns in their order."""
        table = self.model.table
        assert table is not None  # the button is enabled once a count is shown
        full = pivot_sheet(table, TITLE)
        return full.select([0, *(i + 1 for i in visible_sections(self.table))])

    def export(self) -> None:
        """Exportar planilha: the pivot as shown, XLSX or CSV."""
        self.last_export = export_sheet(self, self.sheet, db=self.ctx.db, notify=self.ctx.notify)
