"""Faturas programadas para recorrência automática on the demo: next due date, count, headers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from contoffice.core.due_dates import add_months
from contoffice.core.format import format_date
from contoffice.db.models import Contract
from contoffice.db.uow import Database
from contoffice.services.billing import fees
from contoffice.services.invoicing.rules import fee_due_date
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.app import style
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.client.grid_page import GridPage
from contoffice.ui.context import WindowContext
from contoffice.ui.settings import DeskSettings


def _cell(page: GridPage, key: str) -> str:
    keys = [c.key for c in page.model.columns]
    return str(page.model.data(page.model.index(0, keys.index(key))) or "")


def test_next_due_date_and_scheduled_fees(qtbot: Any, tab: ClientTab, demo_db: Database,
                                          demo_actor: Actor, featured_id: int) -> None:
    page = tab.show_page("client.recurrence")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    last = fees.last_scheduled_fees(demo_db.uow(), [featured_id])[featured_id]
    assert last.competence is not None  # the demo billed up to this month
    upcoming = add_months(last.competence, 1)
    with demo_db.uow() as uow:
        contract = uow.session.scalar(select(Contract).where(Contract.person_id == featured_id))
        expected = fee_due_date(contract, upcoming)
    # Nothing generated ahead: the next competência's honorário is what falls due next.
    assert _cell(page, "next_due") == format_date(expected)
    assert _cell(page, "remaining") == "0"

    fees.generate_fees(demo_db.uow(), demo_actor, person_ids=[featured_id], start=upcoming,
                       times=3)
    page.refresh()
    qtbot.waitUntil(lambda: _cell(page, "remaining") == "3", timeout=10_000)
    assert _cell(page, "next_due") == format_date(expected)
    assert _cell(page, "frequency") == "Mensal"


def test_every_header_fits_its_caption(qtbot: Any, qapp: Any, demo_db: Database,
                                       demo_actor: Actor, desk_settings: DeskSettings,
                                       featured_id: int) -> None:
    style(qapp)  # the style sheet's bold, padded headers: the width the clerk sees
    tab = ClientTab(WindowContext(demo_db, demo_actor, desk_settings), featured_id)
    qtbot.addWidget(tab)
    page = tab.show_page("client.recurrence")
    header = page.grid.table.horizontalHeader()
    for section, column in enumerate(page.model.columns):
        assert header.sectionSize(section) >= header.sectionSizeHint(section), column.header
