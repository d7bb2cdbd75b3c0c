"""Gerar honorários from the finder's list panels (INV-D-13): many clients, one flow."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from sqlalchemy import select as sql_select

from contoffice.core.format import format_competence
from contoffice.db.models import Contract, Person
from contoffice.db.uow import Database
from contoffice.services.billing import fees
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs.fees_dialog import FeesDialog
from contoffice.ui.finder.finder_widget import FinderWidget
from contoffice.ui.finder.list_panel import PeopleGridPanel
from contoffice.ui.settings import DeskSettings
from tests.ui.client.conftest import Seen, drive, widget

START = date(date.today().year + 2, 1, 1)


@pytest.fixture
def finder(
    qtbot: Any, demo_db: Database, demo_actor: Actor, desk_settings: DeskSettings
) -> FinderWidget:
    widget_ = FinderWidget(WindowContext(demo_db, demo_actor, desk_settings))
    qtbot.addWidget(widget_)
    widget_.resize(1200, 700)
    widget_.show()
    return widget_


def _people(db: Database) -> tuple[int, int]:
    """An active client with an active contract, and an active one without any contract."""
    with db.uow() as uow:
        with_contract = uow.session.scalar(
            sql_select(Contract.person_id)
            .join(Person, Person.id == Contract.person_id)
            .where(Contract.status == "active", Person.active.is_(True))
            .order_by(Contract.person_id)
            .limit(1)
        )
        without = uow.session.scalar(
            sql_select(Person.id)
            .where(Person.active.is_(True), ~Person.id.in_(sql_select(Contract.person_id)))
            .order_by(Person.id)
            .limit(1)
        )
    return int(with_contract), int(without)


def _select(qtbot: Any, panel: PeopleGridPanel, ids: list[int]) -> None:
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
    selection = panel.grid.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(panel.model.rowCount()):
        if panel.model.row_at(row).id in ids:
            selection.select(panel.model.index(row, 0), flags)
    assert sorted(panel.grid.selected_ids()) == sorted(ids)


def test_fees_for_two_selected_clients_with_the_per_row_result(
    qtbot: Any,
    finder: FinderWidget,
    seen: Seen,
    demo_db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client, no_contract = _people(demo_db)
    last_before = fees.last_scheduled_fees(demo_db.uow(), [client])[client]
    panel = finder.latest
    finder.setCurrentWidget(panel)
    action = panel.actions.actions["fees"]
    assert action.text() == "Gerar honorários" and not action.isEnabled()
    _select(qtbot, panel, [client, no_contract])
    assert action.isEnabled()  # one or many clients

    def fill(dialog: FeesDialog) -> None:
        table = widget(dialog, "clients_table")
        assert table.rowCount() == 2
        rows = {int(table.item(r, 0).text()): r for r in range(2)}
        assert table.item(rows[client], 2).text() == format_competence(last_before.competence)
        assert table.item(rows[no_contract], 2).text() == "nenhum"
        widget(dialog, "month_combo").setCurrentIndex(0)
        widget(dialog, "year_spin").setValue(START.year)
        widget(dialog, "times_spin").setValue(2)
        widget(dialog, "confirm_check").setChecked(True)

    shown = drive(monkeypatch, FeesDialog, fill)
    action.trigger()
    qtbot.waitUntil(lambda: panel.last_flow is not None and panel.last_flow.done, timeout=10_000)
    assert len(shown) == 1
    last_after = fees.last_scheduled_fees(demo_db.uow(), [client])[client]
    assert last_after.competence == invoicing.add_months(START, 1)
    assert len(seen.results) == 2  # the preview's refusal, then the per-client outcome
    result = panel.last_flow.result
    assert result is not None
    done = {o.id: o.done for o in result.outcomes}
    assert done == {client: True, no_contract: False}
    assert f"O cliente {no_contract} não tem contrato ativo." in seen.messages()


def test_the_tool_is_on_latest_active_and_advanced_only_with_permission(
    qtbot: Any, demo_db: Database, demo_actor: Actor, desk_settings: DeskSettings
) -> None:
    admin = FinderWidget(WindowContext(demo_db, demo_actor, desk_settings))
    qtbot.addWidget(admin)
    with_fees = [
        p
        for p in (admin.latest, admin.active, admin.inactive, admin.advanced)
        if "fees" in p.actions.actions
    ]
    assert with_fees == [admin.latest, admin.active, admin.advanced]
    clerk = Actor(demo_actor.id, "bia", "Bia", permissions=frozenset({"people.create"}))
    limited = FinderWidget(WindowContext(demo_db, clerk, desk_settings))
    qtbot.addWidget(limited)
    assert "fees" not in limited.latest.actions.actions
