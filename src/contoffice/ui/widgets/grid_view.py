"""A grid: per-column filters above the header, a multi-select table, a status line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contoffice.ui import texts
from contoffice.ui.db_health import notify_unavailable
from contoffice.ui.models.table_model import PagedTableModel
from contoffice.ui.settings import DeskSettings
from contoffice.ui.widgets.selection import SelectionKeeper

FILTER_DELAY_MS = 40  # coalesces fast typing; well inside the 150 ms keystroke budget


class FilterBar(QWidget):
    """One line edit per filterable column, kept aligned with the header sections."""

    changed = Signal()

    def __init__(self, table: QTableView, model: PagedTableModel) -> None:
        super().__init__(table.parentWidget())
        self._table, self._model = table, model
        self.edits: dict[int, QLineEdit] = {}
        for section, column in enumerate(model.columns):
            if column.filter_key is None:
                continue
            edit = QLineEdit(self)
            edit.setObjectName(f"filter_{column.key}")
            edit.setPlaceholderText(texts.FILTER_PLACEHOLDER)
            edit.setClearButtonEnabled(True)
            edit.setToolTip(column.header)
            edit.textChanged.connect(self.changed)
            self.edits[section] = edit
        self.setFixedHeight(max((e.sizeHint().height() for e in self.edits.values()),
                                default=0) + 2 if self.edits else 0)
        header = table.horizontalHeader()
        header.sectionResized.connect(self.place)
        header.sectionMoved.connect(self.place)
        header.geometriesChanged.connect(self.place)
        table.horizontalScrollBar().valueChanged.connect(self.place)

    def values(self) -> dict[str, str]:
        """The typed text by filter key (empty ones left out)."""
        result = {}
        for section, edit in self.edits.items():
            text = edit.text().strip()
            key = self._model.columns[section].filter_key
            if text and key:
                result[key] = text
        return result

    def place(self, *_args: Any) -> None:
        """Put every edit over its column."""
        header = self._table.horizontalHeader()
        left = self._table.verticalHeader().width() + self._table.frameWidth()
        for section, edit in self.edits.items():
            if header.isSectionHidden(section):
                edit.hide()
                continue
            x = left + header.sectionViewportPosition(section)
            edit.setGeometry(x, 1, max(0, header.sectionSize(section) - 1), self.height() - 2)
            edit.show()

    def first(self) -> QLineEdit | None:
        """The leftmost visible filter (Ctrl+F goes there)."""
        header = self._table.horizontalHeader()
        visible = [s for s in self.edits if not header.isSectionHidden(s)]
        if not visible:
            return None
        return self.edits[min(visible, key=header.visualIndex)]


def header_width(header: QHeaderView, section: int) -> int:
    """The width a column needs to show its whole caption.

    Asked of the style, so the style sheet's bold font and padding and the sort
    arrow are counted (the plain font's width clipped "Parcelas programadas").
    """
    header.ensurePolished()
    text = str(header.model().headerData(section, Qt.Orientation.Horizontal) or "")
    bold = QFont(header.font())
    bold.setWeight(QFont.Weight.DemiBold)
    by_font = QFontMetrics(bold).horizontalAdvance(text) + 40  # padding and the sort arrow
    return max(header.sectionSizeHint(section), by_font)


class GridView(QWidget):
    """The table of a lazy model, its filter bar and a status line ("N registros")."""

    activated = Signal(int)  # the id of the row opened (double-click or Enter)
    selection_changed = Signal()

    def __init__(self, model: PagedTableModel, *, grid_id: str,
                 settings: DeskSettings | None = None, empty_text: str = texts.NO_ROWS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.grid_id, self._settings = model, grid_id, settings
        self._empty_text = empty_text
        self.table = QTableView(self)
        self.table.setObjectName("grid")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().hide()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort)
        for section, column in enumerate(model.columns):
            self.table.setColumnWidth(section, max(column.width, header_width(header, section)))
        if settings is not None:
            settings.restore_header(grid_id, header)
        self.filters = FilterBar(self.table, model)
        self.status = QLabel(self)
        self.status.setObjectName("grid_status")
        self.footer = QHBoxLayout()
        self.footer.setContentsMargins(4, 0, 4, 0)
        self.footer.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.footer)
        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.filters.changed.connect(self._timer.start)
        model.loaded.connect(self._show_status)
        model.failed.connect(self._show_failure)
        model.unavailable.connect(lambda message: notify_unavailable(self, message))
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        model.modelReset.connect(self.selection_changed)
        self.keeper = SelectionKeeper(self.table, model)  # a reload keeps the selected ids
        self._show_status(model.rowCount())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):  # type: ignore[attr-defined]
            current = self.table.currentIndex()
            if current.isValid():
                self._open(current.row())
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.filters.place()

    def _open(self, row: int) -> None:
        ids = self.model.ids_for([row])
        if ids:
            self.activated.emit(ids[0])

    def _sort(self, section: int, order: Qt.SortOrder) -> None:
        if section >= 0:
            self.model.sort(section, order)

    def apply_filters(self) -> None:
        """Send the typed filters to the query now."""
        self._timer.stop()
        self.model.set_filters(self.filters.values())

    def focus_filters(self) -> None:
        """Ctrl+F: the first filter gets the keyboard."""
        edit = self.filters.first()
        if edit is not None:
            edit.setFocus()
            edit.selectAll()

    def selected_rows(self) -> list[int]:
        """Row numbers of the selection (rows only: cells are never fetched for this)."""
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows."""
        return self.model.ids_for(self.selected_rows())

    def save_state(self) -> None:
        """Remember column order and widths for this operator."""
        if self._settings is not None:
            self._settings.save_header(self.grid_id, self.table.horizontalHeader())

    def map_to_global(self, pos: QPoint) -> QPoint:
        """A context-menu position in screen coordinates."""
        return self.table.viewport().mapToGlobal(pos)

    def _show_status(self, total: int) -> None:
        if total:
            text = texts.ROWS.format(n=f"{total:,}".replace(",", "."))
        elif not self.model.armed and not self.model.filters:
            text = texts.SEARCH_MODE
        elif self.model.filters:
            text = texts.NO_MATCH
        else:
            text = self._empty_text
        self.status.setText(text)

    def _show_failure(self, message: str) -> None:
        self.status.setText(message)
