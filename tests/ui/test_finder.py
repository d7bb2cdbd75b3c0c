"""The five finder panels on the demo office, with real widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.context import WindowContext
from contoffice.ui.finder.finder_widget import FinderWidget
from contoffice.ui.finder.pivot_panel import FIELD_ROLE
from contoffice.ui.models.table_model import ID_ROLE
from contoffice.ui.settings import DeskSettings

from .conftest import DEMO_PEOPLE


@pytest.fixture
def finder(qtbot: Any, demo_db: Database, demo_actor: Actor,
           desk_settings: DeskSettings) -> FinderWidget:
    opened: list[int] = []
    ctx = WindowContext(demo_db, demo_actor, desk_settings, open_client=opened.append)
    widget = FinderWidget(ctx)
    widget.opened = opened  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def _ids(model: Any) -> list[int]:
    return [model.data(model.index(r, 0), ID_ROLE) for r in range(model.rowCount())]


def test_latest_lists_newest_active_with_the_eight_columns(finder: FinderWidget) -> None:
    model = finder.latest.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(8)]
    assert headers == ["Código", "Data de cadastro", "Cliente", "Documento", "E-mail",
                       "Telefone", "Cidade", "Bairro"]
    assert 0 < model.rowCount() <= DEMO_PEOPLE
    dates = [model.row_at(r).registered_on for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert all(model.row_at(r).active for r in range(model.rowCount()))


def test_header_filter_narrows_as_typed_and_enter_opens(qtbot: Any,
                                                        finder: FinderWidget) -> None:
    panel = finder.latest
    edit = panel.grid.filters.edits[3]  # Documento
    qtbot.keyClicks(edit, "12.abc")  # punctuation and lower case: still the CNPJ
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.row_at(0).name == "Padaria Pão Quente Ltda"
    panel.grid.table.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.grid.table, Qt.Key.Key_Return)
    assert finder.opened == [panel.model.row_at(0).id]  # type: ignore[attr-defined]


def test_a_filter_matching_nothing_says_so(qtbot: Any, finder: FinderWidget) -> None:
    panel = finder.latest
    qtbot.keyClicks(panel.grid.filters.edits[2], "zzzz nobody")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert panel.grid.status.text() == "Nenhum registro corresponde aos filtros."


@pytest.mark.parametrize("key, active", [("active", True), ("inactive", False)])
def test_search_mode_panels(qtbot: Any, finder: FinderWidget, key: str, active: bool) -> None:
    finder.setCurrentWidget(getattr(finder, key))
    panel = getattr(finder, key)
    assert panel.model.rowCount() == 0
    assert "Modo pesquisa" in panel.grid.status.text()
    with qtbot.waitSignal(panel.model.loaded, timeout=5000):
        panel.list_all_button.click()
    assert panel.model.rowCount() > 0
    assert all(panel.model.row_at(r).active is active for r in range(panel.model.rowCount()))
    qtbot.keyClicks(panel.grid.filters.edits[6], "sao")  # Cidade, accent-insensitive
    qtbot.waitUntil(lambda: all(
        panel.model.row_at(r).city.startswith("São") for r in range(panel.model.rowCount())))


def test_double_click_opens_and_sort_goes_to_the_query(qtbot: Any, finder: FinderWidget) -> None:
    panel = finder.latest
    panel.grid.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.AscendingOrder)
    names = [panel.model.row_at(r).name for r in range(panel.model.rowCount())]
    assert names[0] <= names[-1]
    rect = panel.grid.table.visualRect(panel.model.index(0, 2))
    # QTest's double click needs the press/release before it, as a real mouse gives.
    qtbot.mouseClick(panel.grid.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.grid.table.viewport(), Qt.MouseButton.LeftButton,
                      pos=rect.center())
    assert finder.opened == [panel.model.row_at(0).id]  # type: ignore[attr-defined]


def _drag(source: Any, target: Any, key: str) -> None:
    """A drag from one field list to another, through the lists' own drop handling."""
    row = next(i for i in range(source.count()) if source.item(i).data(FIELD_ROLE) == key)
    mime = source.model().mimeData([source.model().index(row, 0)])
    assert target.model().dropMimeData(mime, Qt.DropAction.MoveAction, target.count(), 0,
                                       target.rootIndex())
    source.takeItem(row)


def test_pivot_with_two_dragged_fields(qtbot: Any, finder: FinderWidget) -> None:
    pivot = finder.pivot
    with qtbot.waitSignal(pivot.updated, timeout=5000):
        finder.setCurrentWidget(pivot)
    pivot.configure_button.click()
    assert pivot.config.isVisible()
    with qtbot.waitSignal(pivot.updated, timeout=5000):
        _drag(pivot.rows_list, pivot.fields_list, "kind")
    with qtbot.waitSignal(pivot.updated, timeout=5000):
        _drag(pivot.fields_list, pivot.rows_list, "state")
    with qtbot.waitSignal(pivot.updated, timeout=5000):
        _drag(pivot.fields_list, pivot.columns_list, "year")
    assert pivot.rows_list.keys() == ["state"]
    assert pivot.columns_list.keys() == ["active", "year"]
    model = pivot.model
    assert model.table is not None and model.table.total == DEMO_PEOPLE
    assert model.count(model.rowCount() - 1, model.columnCount() - 1) == DEMO_PEOPLE
    heading = model.headerData(0, Qt.Orientation.Horizontal)
    assert heading.split(" / ")[0] in ("Ativo", "Inativo") and heading[-4:].isdigit()


def test_export_of_a_finder_panel(qtbot: Any, finder: FinderWidget, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "ultimos.xlsx"
    monkeypatch.setattr("contoffice.ui.export.ask_path", lambda *_a: target)
    panel = finder.latest
    panel.grid.filters.edits[6].setText("São")
    qtbot.waitUntil(lambda: panel.model.filters == {"city": "São"})
    panel.actions.actions["export"].trigger()
    with qtbot.waitSignal(panel.last_operation.finished, timeout=10000):
        pass
    sheet = load_workbook(target).active
    title, *rows = list(sheet.iter_rows(values_only=True))  # a title row above the header
    assert "Últimos 1000 novos cadastros ativos" in title[0]
    assert rows[0][:3] == ("Código", "Data de cadastro", "Cliente")
    assert len(rows) - 1 == panel.model.rowCount()
    assert all(str(r[6]).startswith("São") for r in rows[1:])
    first = panel.model.row_at(0)
    assert rows[1][0] == first.id and rows[1][1].date() == first.registered_on  # typed cells
    assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref.startswith("A2:H")
