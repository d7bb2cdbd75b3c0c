"""Faturamento: dry run then run with cancel and resume, Gerar honorários, cancellations."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select as sql_select

from contoffice.core.format import format_competence
from contoffice.db.models import Contract, Person
from contoffice.db.uow import Database
from contoffice.services.billing import fees
from contoffice.services.billing import run as billing_run
from contoffice.services.contracts import status as contract_status
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel.permissions import Actor
from contoffice.services.panels import lookups
from contoffice.ui.billing import run_panel
from contoffice.ui.billing.area import BillingArea
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs.fees_dialog import FeesDialog
from contoffice.ui.dialogs.simple_dialogs import TextDialog
from contoffice.ui.settings import DeskSettings
from tests.ui.client.conftest import Seen, drive, widget

NEXT_MONTH = invoicing.add_months(date.today().replace(day=1), 1)


@pytest.fixture
def no_contract(demo_db: Database) -> int:
    """A registration without any contract."""
    with demo_db.uow() as uow:
        return int(
            uow.session.scalar(
                sql_select(Person.id)
                .where(~Person.id.in_(sql_select(Contract.person_id)))
                .order_by(Person.id)
                .limit(1)
            )
        )


@pytest.fixture
def area(
    qtbot: Any,
    demo_db: Database,
    demo_actor: Actor,
    desk_settings: DeskSettings,
    featured_id: int,
    no_contract: int,
) -> BillingArea:
    ctx = WindowContext(demo_db, demo_actor, desk_settings)
    widget_ = BillingArea(ctx, lambda: [featured_id, no_contract])
    qtbot.addWidget(widget_)
    widget_.show()
    return widget_


def wait(qtbot: Any, panel: Any) -> None:
    """Until the run ends (its start disabled the buttons; its end enables Simular)."""
    assert panel.last_operation is not None
    qtbot.waitUntil(lambda: panel.preview_button.isEnabled(), timeout=20_000)


def test_dry_run_lists_refusals_and_writes_nothing_then_the_run_bills(
    qtbot: Any, area: BillingArea, demo_db: Database, demo_actor: Actor
) -> None:
    panel = area.run_panel
    panel.competence_edit.setDate(NEXT_MONTH)
    assert not panel.run_button.isEnabled()  # a preview comes first
    panel.preview_button.click()
    wait(qtbot, panel)
    preview = panel.last_result
    assert preview is not None and preview.dry_run and preview.invoices_created > 0
    assert "Prévia" in panel.summary_label.text()
    with demo_db.uow() as uow:
        suspended = list(
            uow.session.scalars(sql_select(Contract.id).where(Contract.status == "suspended"))
        )
    messages = [
        panel.refused_table.item(r, 2).text() for r in range(panel.refused_table.rowCount())
    ]
    for contract_id in suspended:
        assert f"Contrato {contract_id} suspenso: não será faturado." in messages
    again = billing_run.run_billing(demo_db, demo_actor, competence=NEXT_MONTH, dry_run=True)
    assert again.invoices_created == preview.invoices_created  # the preview wrote nothing
    assert panel.run_button.isEnabled()
    panel.run_button.click()
    wait(qtbot, panel)
    done = panel.last_result
    assert not done.dry_run and not done.cancelled
    assert done.invoices_created == preview.invoices_created
    assert not panel.run_button.isEnabled()


def test_cancel_stops_the_run_and_the_next_run_finishes(
    qtbot: Any, area: BillingArea, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = run_panel.run_billing
    calls: list[bool] = []

    def cancel_at_once(db: Any, actor: Any, **kwargs: Any) -> Any:
        if not calls:  # Cancel pressed before the first chunk of the first run
            kwargs["progress"].cancel_requested = True
        calls.append(True)
        return real(db, actor, **kwargs)

    monkeypatch.setattr(run_panel, "run_billing", cancel_at_once)
    panel = area.run_panel
    panel.competence_edit.setDate(NEXT_MONTH)
    panel.run()
    wait(qtbot, panel)
    assert panel.last_result.cancelled and panel.last_result.invoices_created == 0
    assert "interrompido" in panel.summary_label.text()
    assert panel.run_button.isEnabled()  # resume
    panel.run_button.click()
    wait(qtbot, panel)
    assert panel.last_result.resumed and not panel.last_result.cancelled
    assert panel.last_result.invoices_created > 0


def test_generate_fees_shows_last_fee_and_refuses_clients_without_contract(
    qtbot: Any,
    area: BillingArea,
    seen: Seen,
    featured_id: int,
    no_contract: int,
    demo_db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    last_before = fees.last_scheduled_fees(demo_db.uow(), [featured_id])[featured_id]
    start = date(NEXT_MONTH.year + 1, 1, 1)

    def fill(dialog: FeesDialog) -> None:
        table = widget(dialog, "clients_table")
        assert [table.item(r, 0).text() for r in range(2)] == [str(featured_id), str(no_contract)]
        assert table.item(0, 2).text() == format_competence(last_before.competence)
        assert table.item(1, 2).text() == "nenhum"
        widget(dialog, "month_combo").setCurrentIndex(0)
        widget(dialog, "year_spin").setValue(start.year)
        widget(dialog, "times_spin").setValue(3)
        widget(dialog, "confirm_check").setChecked(True)

    drive(monkeypatch, FeesDialog, fill)
    panel = area.run_panel
    panel.fees_button.click()
    qtbot.waitUntil(lambda: panel.last_flow is not None and panel.last_flow.done, timeout=10_000)
    last_after = fees.last_scheduled_fees(demo_db.uow(), [featured_id])[featured_id]
    assert last_after.competence == invoicing.add_months(start, 2)
    assert f"O cliente {no_contract} não tem contrato ativo." in seen.messages()


def test_cancellation_manager_records_retention_and_keeps(
    qtbot: Any,
    area: BillingArea,
    seen: Seen,
    demo_db: Database,
    demo_actor: Actor,
    featured_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with demo_db.uow() as uow:
        contract = uow.session.scalar(
            sql_select(Contract.id).where(Contract.person_id == featured_id)
        )
    contract_status.request_cancellation(
        demo_db.uow(), demo_actor, contract_ids=[contract], reason="mudou de contador"
    )
    panel = area.cancellations
    area.setCurrentWidget(panel)
    panel.refresh()
    assert panel.table.rowCount() == 1
    panel.table.selectRow(0)
    drive(
        monkeypatch,
        TextDialog,
        lambda d: (
            widget(d, "text_edit").setPlainText("ofereci 10% de desconto"),
            widget(d, "confirm_check").setChecked(True),
        ),
    )
    panel.retention_button.click()
    qtbot.waitUntil(lambda: panel.last_flow is not None and panel.last_flow.done, timeout=10_000)
    assert panel.table.item(0, 6).text() == "ofereci 10% de desconto"
    panel.table.selectRow(0)
    panel.keep_button.click()
    qtbot.waitUntil(lambda: panel.last_flow is not None and panel.last_flow.done, timeout=10_000)
    assert seen.errors == [] and panel.table.rowCount() == 0
    assert lookups.contract(demo_db.uow(), contract).status == "active"
