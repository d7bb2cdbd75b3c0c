"""The lazy table model every grid uses: row count from the query's total, a paged cache.

Sort and filter go back to the query (server-side); only the pages the view
asks for are loaded, and at most `max_pages` of them are kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from contoffice.core.grids import ColumnSpec
from contoffice.core.paging import Page, PageRequest, Sort
from contoffice.errors import DatabaseUnavailable
from contoffice.ui.operations import error_text

Fetch = Callable[[PageRequest], Page[Any]]
Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class PagedTableModel(QAbstractTableModel):
    """Rows of one grid, fetched a page at a time through `fetch(PageRequest)`."""

    loaded = Signal(int)  # total rows after a (re)load
    failed = Signal(str)  # the message of a failed load (the grid shows it)
    unavailable = Signal(str)  # …when the failure is the database being unreachable

    def __init__(self, columns: Sequence[ColumnSpec], fetch: Fetch, *, page_size: int = 200,
                 max_pages: int = 20, armed: bool = True, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._fetch = fetch
        self.page_size, self.max_pages = page_size, max_pages
        self.armed = armed  # False: "modo pesquisa", nothing until a filter or "listar todos"
        self.filters: dict[str, Any] = {}  # the clerk's column filters
        self.base_filters: dict[str, Any] = {}  # the panel's own (e.g. Pesquisa avançada)
        self.sort_keys: tuple[Sort, ...] = ()
        self._total = 0
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self.error: str | None = None

    # -- what the view asks ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else _LEFT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._total:
            return None
        row = self.row_at(index.row())
        if row is None:
            return self.error if role == Qt.ItemDataRole.ToolTipRole else None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(getattr(row, column.key, None))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.display(getattr(row, column.key, None)) or None
        if role == ID_ROLE:
            return getattr(row, "id", None)
        if role == ROW_ROLE:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # No fetch here: Ctrl+A over 200,000 rows must not load them (Anki's lesson).
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].sort_key
        if key is None:
            return
        wanted = (Sort(key, order == Qt.SortOrder.DescendingOrder),)
        if wanted != self.sort_keys:
            self.sort_keys = wanted
            self.reload()

    # -- rows --------------------------------------------------------------------------
    def request(self, offset: int = 0, limit: int | None = None) -> PageRequest:
        """The current filters and sort for a window of rows."""
        filters = {**self.base_filters, **self.filters}
        return PageRequest(filters, self.sort_keys, offset, limit or self.page_size)

    def row_at(self, row: int) -> Any:
        """The row object at `row` (loading its page once), or None if that failed."""
        number = row // self.page_size
        rows = self._pages.get(number)
        if rows is None:
            rows = self._load_page(number)
            if rows is None:
                return None
        else:
            self._pages.move_to_end(number)
        offset = row - number * self.page_size
        return rows[offset] if offset < len(rows) else None

    def _load_page(self, number: int) -> list[Any] | None:
        try:
            page = self._fetch(self.request(number * self.page_size))
        except Exception as error:  # a lost connection: rows show the message, no traceback
            self._report(error)
            return None
        self._keep(number, list(page.rows))
        return self._pages[number]

    def _report(self, error: BaseException) -> None:
        self.error = error_text(error)
        self.failed.emit(self.error)
        if isinstance(error, DatabaseUnavailable):
            self.unavailable.emit(self.error)

    def _keep(self, number: int, rows: list[Any]) -> None:
        self._pages[number] = rows
        self._pages.move_to_end(number)
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)

    @property
    def cached_rows(self) -> int:
        """How many rows sit in memory (tests check that nothing more is loaded)."""
        return sum(len(rows) for rows in self._pages.values())

    def ids_for(self, rows: Iterable[int]) -> list[int]:
        """The ids of the given row numbers (selected rows), in order."""
        ids = []
        for number in sorted(set(rows)):
            row = self.row_at(number)
            if row is not None:
                ids.append(row.id)
        return ids

    def cached_ids(self, ranges: Iterable[tuple[int, int]]) -> dict[int, int]:
        """The ids (id → row) of the rows in these (top, bottom) ranges held in memory.

        No query: a selection of 200,000 rows only yields the pages already loaded.
        """
        spans = list(ranges)
        found: dict[int, int] = {}
        for number, rows in self._pages.items():
            base = number * self.page_size
            for top, bottom in spans:
                for row in range(max(top, base), min(bottom, base + len(rows) - 1) + 1):
                    row_id = getattr(rows[row - base], "id", None)
                    if row_id is not None:
                        found[row_id] = row
        return found

    def find_rows(self, wanted: Mapping[int, int], *, max_loads: int = 3) -> dict[int, int]:
        """Where these ids are now (id → row), `wanted` giving the row each was at.

        Looks in the pages in memory, then in the pages they were at (loading at most
        `max_loads` of them): a row that moved far away is simply not found.
        """
        numbers = list(self._pages)
        for row in sorted(wanted.values()):
            number = row // self.page_size
            if number not in numbers and number * self.page_size < self._total:
                numbers.append(number)
        found: dict[int, int] = {}
        loads = 0
        for number in numbers:
            rows = self._pages.get(number)
            if rows is None:
                if loads >= max_loads:
                    continue
                loads += 1
                rows = self._load_page(number)
                if rows is None:
                    break
            base = number * self.page_size
            for offset, row in enumerate(rows):
                row_id = getattr(row, "id", None)
                if row_id in wanted and row_id not in found:
                    found[row_id] = base + offset
            if len(found) == len(wanted):
                break
        return found

    # -- reloading ---------------------------------------------------------------------
    def set_filters(self, filters: Mapping[str, Any]) -> None:
        """Replace the clerk's filters and reload (an empty search-mode grid stays empty)."""
        self.filters = {k: v for k, v in filters.items() if v not in (None, "")}
        self.reload()

    def first_page(self) -> Page[Any]:
        """Fetch page 0 for the current request (workers call this off the GUI thread)."""
        return self._fetch(self.request(0))

    def reload(self) -> None:
        """Drop the cache and fetch the first page (count included) again."""
        if not self.armed and not self.filters and not self.base_filters:
            self.apply(Page([], 0))
            return
        try:
            page = self.first_page()
        except Exception as error:
            self.apply(Page([], 0))
            self._report(error)
            return
        self.apply(page)

    def apply(self, page: Page[Any]) -> None:
        """Show a freshly fetched first page (from reload or from a background job).

        The reset's signals let the view keep its selection by id (SelectionKeeper).
        """
        self.beginResetModel()
        self._pages.clear()
        self._total = page.total
        if page.rows:
            self._keep(0, list(page.rows))
        self.error = None
        self.endResetModel()
        self.loaded.emit(self._total)
