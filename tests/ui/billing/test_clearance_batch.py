"""Negativas de débito em lote in Faturamento: Simular, Gerar, Cancelar and resume, permission."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from contoffice.db.models import ClearanceDeclaration
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.results import Changes
from contoffice.ui import tool_flow
from contoffice.ui.billing import clearance_batch
from contoffice.ui.billing.area import BillingArea
from contoffice.ui.billing.clearance_batch import ClearanceBatchDialog
from contoffice.ui.context import WindowContext
from contoffice.ui.settings import DeskSettings
from tests.services.billing_support import make_person, make_profile
from tests.services.clearance_support import YEAR, configure_office, pay, year_of_invoices

PAID = ("Alfa Contábil Ltda", "Beta Comércio Ltda", "Delta Serviços Ltda", "Épsilon ME")


@pytest.fixture
def office(db: Database, actor: Actor) -> dict[str, Any]:
    """Four clients who paid the whole year, one with an invoice still open."""
    configure_office(db, actor)
    profile = make_profile(db)
    paid = {}
    for name in PAID:
        person = make_person(db, name)
        pay(db, actor, year_of_invoices(db, actor, person, profile), date(YEAR, 10, 1))
        paid[name] = person
    debtor = make_person(db, "Gama Indústria Ltda")
    invoices = year_of_invoices(db, actor, debtor, profile)
    pay(db, actor, invoices[:2], date(YEAR, 10, 1))
    return {"paid": paid, "debtor": debtor, "open_invoice": invoices[2]}


@pytest.fixture
def ctx(db: Database, actor: Actor, desk_settings: DeskSettings) -> WindowContext:
    return WindowContext(db, actor, desk_settings)


@pytest.fixture
def dialog(qtbot: Any, ctx: WindowContext) -> ClearanceBatchDialog:
    found = clearance_batch.open_clearance_batch(None, ctx)
    assert found is not None
    qtbot.addWidget(found)
    return found


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The confirmation asked before Gerar, answered yes."""
    asked: list[str] = []

    def ask(_parent: Any, message: str) -> bool:
        asked.append(message)
        return True

    monkeypatch.setattr(tool_flow, "ask_confirmation", ask)
    return asked


def wait(qtbot: Any, dialog: ClearanceBatchDialog) -> None:
    """Until the simulation or the run ends (Simular is enabled again)."""
    assert dialog.last_operation is not None
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)


def table(dialog: ClearanceBatchDialog) -> dict[str, list[str]]:
    """The rows shown, by client name."""
    t = dialog.table
    return {t.item(r, 0).text(): [t.item(r, c).text() for c in range(1, t.columnCount())]
            for r in range(t.rowCount())}


def issued(db: Database) -> dict[int, int]:
    """How many declarations of the year each client has."""
    with db.uow() as uow:
        return dict(uow.session.execute(
            select(ClearanceDeclaration.person_id, func.count())
            .where(ClearanceDeclaration.year == YEAR)
            .group_by(ClearanceDeclaration.person_id)).all())


def test_simulate_lists_who_can_and_who_cannot_with_the_blocking_invoice(
        qtbot: Any, dialog: ClearanceBatchDialog, office: dict[str, Any], db: Database) -> None:
    assert dialog.year_spin.value() == date.today().year - 1 == YEAR
    assert not dialog.generate_button.isEnabled()  # a simulation comes first
    dialog.simulate_button.click()
    wait(qtbot, dialog)
    shown = table(dialog)
    assert sorted(shown) == sorted([*PAID, "Gama Indústria Ltda"])
    for name in PAID:
        assert shown[name][0] == "Pode receber"
        assert shown[name][2:] == ["3", "R$ 2.805,00"]
    state, reason, count, _total = shown["Gama Indústria Ltda"]
    assert state == "Não pode receber" and count == "3"
    assert f"Fatura {office['open_invoice']}, vencida em 10/09/{YEAR}, em aberto" in reason
    assert "4 cliente(s) podem receber, 1 não podem receber" in dialog.summary_label.text()
    assert dialog.generate_button.isEnabled()
    assert issued(db) == {}  # a simulation writes nothing


def test_generate_issues_exactly_the_eligible_and_tells_the_open_pages(
        qtbot: Any, dialog: ClearanceBatchDialog, office: dict[str, Any], db: Database,
        ctx: WindowContext, questions: list[str]) -> None:
    published: list[Changes] = []
    ctx.changes.changed.connect(lambda changes, _who: published.append(changes))
    dialog.simulate_button.click()
    wait(qtbot, dialog)
    dialog.generate_button.click()
    wait(qtbot, dialog)
    assert questions == [f"Gerar 4 negativas de débito de {YEAR}?"]
    assert issued(db) == {person: 1 for person in office["paid"].values()}
    shown = table(dialog)
    assert all(shown[name][0] == "Emitida" for name in PAID)
    assert shown["Gama Indústria Ltda"][0] == "Não pode receber"
    assert "4 negativa(s) de débito emitida(s)" in dialog.summary_label.text()
    assert not dialog.generate_button.isEnabled()  # nobody left
    assert len(published) == 1 and published[0].clearances
    assert published[0].person_ids == frozenset(office["paid"].values())


def test_cancel_keeps_what_was_issued_and_the_next_run_issues_the_rest(
        qtbot: Any, dialog: ClearanceBatchDialog, office: dict[str, Any], db: Database,
        questions: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    real = clearance_batch.generate_batch
    runs: list[bool] = []

    def cancel_after_two(db_: Any, actor: Any, **kwargs: Any) -> Any:
        progress = kwargs["progress"]
        if not kwargs.get("dry_run") and not runs:  # Cancelar pressed during the first run
            step = progress.step

            def stepping(done: int, total: int, label: str = "") -> None:
                step(done, total, label)
                if done == 2:
                    progress.cancel_requested = True

            progress.step = stepping
        if not kwargs.get("dry_run"):
            runs.append(True)
        return real(db_, actor, **kwargs)

    monkeypatch.setattr(clearance_batch, "generate_batch", cancel_after_two)
    dialog.simulate_button.click()
    wait(qtbot, dialog)
    dialog.generate_button.click()
    wait(qtbot, dialog)
    first = issued(db)
    assert len(first) == 2 and set(first.values()) == {1}
    outcome = dialog.last_outcome
    assert outcome is not None and outcome.cancelled
    assert len(outcome.issued) == 2 and len(outcome.left) == 2
    assert "interrompida: 2 negativa(s) de débito emitida(s), 2 ficaram" in (
        dialog.summary_label.text())
    assert sorted(s[0] for s in table(dialog).values()) == [
        "Emitida", "Emitida", "Não pode receber", "Pode receber", "Pode receber"]
    assert dialog.generate_button.isEnabled()  # the rest may go
    dialog.generate_button.click()
    wait(qtbot, dialog)
    assert questions[-1] == f"Gerar 2 negativas de débito de {YEAR}?"
    assert issued(db) == {person: 1 for person in office["paid"].values()}  # no duplicates
    assert "concluída: 2 negativa(s)" in dialog.summary_label.text()

    dialog.simulate_button.click()  # a fresh simulation: everybody done, nobody twice
    wait(qtbot, dialog)
    shown = table(dialog)
    assert all(shown[name][0] == "Não pode receber" and "já foi gerada" in shown[name][1]
               for name in PAID)
    assert not dialog.generate_button.isEnabled()


def test_hidden_without_the_permission(
        qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings) -> None:
    clerk = Actor(actor.id, "bia", "Bia", permissions=frozenset({"billing.run"}))
    area = BillingArea(WindowContext(db, clerk, desk_settings), list)
    qtbot.addWidget(area)
    assert area.clearance_button is None and area.cornerWidget() is None
    assert clearance_batch.open_clearance_batch(None, WindowContext(db, clerk,
                                                                    desk_settings)) is None
    office_clerk = Actor(actor.id, "caio", "Caio", permissions=frozenset({"clearances.generate"}))
    area = BillingArea(WindowContext(db, office_clerk, desk_settings), list)
    qtbot.addWidget(area)
    assert area.clearance_button is not None and area.cornerWidget() is area.clearance_button
    assert area.clearance_button.text() == "Negativas de débito em lote"
    area.clearance_button.click()
    assert isinstance(area.clearance_dialog, ClearanceBatchDialog)
    assert area.clearance_dialog.isVisible()
    area.clearance_dialog.close()
