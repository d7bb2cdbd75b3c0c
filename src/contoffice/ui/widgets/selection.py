"""A grid keeps its selection across reloads: rows are remembered by id, not by number."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject
from PySide6.QtWidgets import QTableView

from contoffice.ui.models.table_model import PagedTableModel

_FLAGS = QItemSelectionModel.SelectionFlag


class SelectionKeeper(QObject):
    """Before the model resets, note the selected ids; after it, select those still there."""

    def __init__(self, table: QTableView, model: PagedTableModel) -> None:
        super().__init__(table)
        self._table, self._model = table, model
        self._kept: dict[int, int] = {}  # id → the row it was at
        self._current: tuple[int, int, int] | None = None  # (id, row, column)
        # Connected after the view's own selection model: it clears first, then we select.
        model.modelAboutToBeReset.connect(self._remember)
        model.modelReset.connect(self._restore)

    def _remember(self) -> None:
        selection = self._table.selectionModel()
        ranges = [(r.top(), r.bottom()) for r in selection.selection()]
        self._kept = self._model.cached_ids(ranges)
        self._current = None
        index = self._table.currentIndex()
        if index.isValid():
            found = self._model.cached_ids([(index.row(), index.row())])
            if found:
                row_id, row = next(iter(found.items()))
                self._current = (row_id, row, index.column())

    def _restore(self) -> None:
        kept, current = self._kept, self._current
        self._kept, self._current = {}, None
        wanted = dict(kept)
        if current is not None:
            wanted.setdefault(current[0], current[1])
        if not wanted:
            return
        found = self._model.find_rows(wanted)
        selection_model = self._table.selectionModel()
        if current is not None and current[0] in found:
            index = self._model.index(found[current[0]], current[2])
            selection_model.setCurrentIndex(index, _FLAGS.NoUpdate)
        rows = sorted(found[i] for i in kept if i in found)
        if not rows:
            return
        last_column = self._model.columnCount() - 1
        selection = QItemSelection()
        start = previous = rows[0]
        for row in [*rows[1:], None]:
            if row is not None and row == previous + 1:
                previous = row
                continue
            selection.select(self._model.index(start, 0), self._model.index(previous, last_column))
            if row is not None:
                start = previous = row
        selection_model.select(selection, _FLAGS.Select | _FLAGS.Rows)
