"""The lazy model: qtmodeltester on every grid, on both backends; lazy loading; errors."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from contoffice.core.paging import Page, PageRequest
from contoffice.db.models import Person
from contoffice.db.uow import Database
from contoffice.demo.office import FEATURED_CNPJ, build_demo
from contoffice.services.panels import grids
from contoffice.services.panels.pivot import pivot_counts
from contoffice.ui.models.pivot_model import PivotModel
from contoffice.ui.models.table_model import ID_ROLE, PagedTableModel


def _model(db: Database, key: str, person_id: int | None) -> PagedTableModel:
    spec = grids.grid(key)
    return PagedTableModel(
        spec.columns,
        lambda request: grids.fetch_page(db.uow(), key, request, person_id=person_id),
        page_size=7)


@pytest.mark.db
def test_every_grid_model_passes_qtmodeltester(db: Database, qtmodeltester: Any) -> None:
    build_demo(db, people=40, seed=3)
    with db.uow() as uow:
        featured = uow.session.scalar(select(Person.id).where(Person.document == FEATURED_CNPJ))
    keep = []  # models outlive their testers until the end of the test (shiboken GC order)
    for key, spec in grids.GRIDS.items():
        model = _model(db, key, None if not spec.per_person else featured)
        keep.append(model)
        model.reload()
        qtmodeltester.check(model)
        for section, column in enumerate(spec.columns):
            if column.sort_key:
                model.sort(section)
        qtmodeltester.check(model)


@pytest.mark.db
def test_pivot_model_passes_qtmodeltester(db: Database, qtmodeltester: Any) -> None:
    build_demo(db, people=40, seed=3)
    model = PivotModel()
    qtmodeltester.check(model)
    model.set_table(pivot_counts(db.uow(), ["kind"], ["active", "state"]))
    qtmodeltester.check(model)
    total_cell = model.index(model.rowCount() - 1, model.columnCount() - 1)
    assert model.data(total_cell) == "40"


def test_rows_load_a_page_at_a_time(qtmodeltester: Any) -> None:
    calls: list[PageRequest] = []

    class Row:
        def __init__(self, i: int) -> None:
            self.id, self.name = i, f"n{i}"

    def fetch(request: PageRequest) -> Page[Any]:
        calls.append(request)
        rows = [Row(i) for i in range(request.offset, min(request.offset + request.limit, 10**6))]
        return Page(rows, 10**6, request.offset)

    spec = grids.grid("finder.latest")
    model = PagedTableModel(spec.columns[:1], fetch, page_size=50, max_pages=3)
    model.reload()
    assert model.rowCount() == 10**6 and model.cached_rows == 50
    assert model.data(model.index(999_999, 0), ID_ROLE) == 999_999
    for row in range(0, 1000, 50):
        model.data(model.index(row, 0))
    assert model.cached_rows <= 150  # bounded cache
    assert model.ids_for([3, 1, 3]) == [1, 3]


def test_a_failing_query_becomes_a_message_not_a_traceback() -> None:
    def fetch(request: PageRequest) -> Page[Any]:
        from contoffice.errors import DatabaseUnavailable

        raise DatabaseUnavailable("Banco de dados indisponível.")

    model = PagedTableModel(grids.grid("finder.latest").columns, fetch)
    failures: list[str] = []
    model.failed.connect(failures.append)
    model.reload()
    assert model.rowCount() == 0 and failures == ["Banco de dados indisponível."]


def test_search_mode_shows_nothing_until_a_filter(qtmodeltester: Any) -> None:
    fetched: list[PageRequest] = []

    def fetch(request: PageRequest) -> Page[Any]:
        fetched.append(request)
        return Page([], 0)

    model = PagedTableModel(grids.grid("finder.active").columns, fetch, armed=False)
    model.reload()
    assert fetched == []
    model.set_filters({"name": "pad"})
    assert fetched[-1].filters == {"name": "pad"}
