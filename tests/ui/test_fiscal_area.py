"""The Fiscal area: a competência's invoices, Simular, Gerar notas and the notes, on both Sefins."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QDate
from sqlalchemy import select, update

from contoffice.db.models import FiscalDocument, Person
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.fiscal_area import FiscalArea
from contoffice.ui.main_window import MainWindow
from contoffice.ui.settings import DeskSettings
from tests.ui import fiscal_support
from tests.ui.fiscal_support import THIS_MONTH, Office, Seen, documents

office_a1, fiscal_pki = fiscal_support.office_a1, fiscal_support.fiscal_pki
office, seen = fiscal_support.office, fiscal_support.seen
WAIT = 30_000


def _area(qtbot: Any, db: Database, actor: Actor, desk: DeskSettings) -> FiscalArea:
    area = FiscalArea(WindowContext(db, actor, desk))
    qtbot.addWidget(area)
    area.resize(1200, 800)
    area.show()
    area.competence_edit.setDate(QDate(THIS_MONTH.year, THIS_MONTH.month, 1))
    return area


def _wait(qtbot: Any, area: FiscalArea) -> None:
    operation = area.batch.last_operation
    assert operation is not None
    qtbot.waitUntil(lambda: not area.batch.busy, timeout=WAIT)


def test_simulate_then_generate_the_competence(
        qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, office: Office,
        seen: Seen) -> None:
    refused = office.invoices[2]
    with db.uow() as uow:  # a client without CPF/CNPJ cannot be the note's tomador
        uow.session.execute(update(Person).where(Person.id == office.person_of(db, refused))
                            .values(document=""))
        uow.commit()
    area = _area(qtbot, db, actor, desk_settings)
    assert sorted(area.pending_model.row_at(r).id
                  for r in range(area.pending_model.rowCount())) == sorted(office.invoices)
    assert area.issued_model.rowCount() == 0
    batch = area.batch
    assert not batch.generate_button.isEnabled()  # Simular comes first

    batch.simulate_button.click()
    _wait(qtbot, area)
    assert documents(db) == []  # the simulation kept nothing
    if office.sefin is not None:
        assert office.sefin.requests == []  # and sent nothing
    assert batch.situations() == ["Será emitida", "Será emitida", "Não pode ser emitida"]
    assert "CPF/CNPJ" in batch.table.item(2, 4).text()
    assert batch.summary_label.text().startswith(
        f"Simulação de {THIS_MONTH:%m/%Y}: 2 nota(s) serão emitidas, 1 fatura(s)")
    assert batch.generate_button.isEnabled()

    seen.go_on = False  # "não" to the confirmation: nothing happens
    batch.generate_button.click()
    assert len(seen.questions) == 1 and "2 nota(s)" in seen.questions[0]
    assert batch.last_operation is not None and documents(db) == []

    seen.go_on = True
    batch.generate_button.click()
    _wait(qtbot, area)
    assert seen.errors == []
    assert batch.situations() == ["Autorizada", "Autorizada"]
    assert batch.summary_label.text() == (
        f"Emissão de {THIS_MONTH:%m/%Y} concluída: 2 autorizada(s), 0 rejeitada(s), "
        "0 sem resposta.")
    notes = documents(db)
    assert [(d.invoice_id, d.status, d.number) for d in notes] == [
        (office.invoices[0], "authorised", 1), (office.invoices[1], "authorised", 2)]
    # Both lists follow: the notes appear, the invoices that got one leave.
    qtbot.waitUntil(lambda: area.issued_model.rowCount() == 2, timeout=WAIT)
    assert [area.pending_model.row_at(r).id
            for r in range(area.pending_model.rowCount())] == [refused]
    assert not batch.generate_button.isEnabled()  # a new run is simulated again
    if office.sefin is not None:
        assert sum(1 for r in office.sefin.requests if r.method == "POST") == 2


def test_a_rejection_is_reported_with_its_code(
        qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, office: Office,
        seen: Seen) -> None:
    area = _area(qtbot, db, actor, desk_settings)
    area.batch.simulate_button.click()
    _wait(qtbot, area)
    if office.sefin is not None:
        office.sefin.script("rejected", codes=(("E0312", "Código de tributação inválido"),))
    area.batch.generate_button.click()
    _wait(qtbot, area)
    rejected = 1 if office.sefin is not None else 0
    assert area.batch.summary_label.text().startswith(
        f"Emissão de {THIS_MONTH:%m/%Y} concluída: {3 - rejected} autorizada(s), "
        f"{rejected} rejeitada(s)")
    if office.sefin is not None:
        assert area.batch.situations()[0] == "Rejeitada"
        assert "E0312 – Código de tributação inválido" in area.batch.table.item(0, 4).text()
        assert [d.status for d in documents(db)] == ["rejected", "authorised", "authorised"]


def test_another_competence_shows_its_own_rows(
        qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings,
        office: Office) -> None:
    area = _area(qtbot, db, actor, desk_settings)
    assert area.pending_model.rowCount() == 3
    area.competence_edit.setDate(QDate(2020, 1, 1))
    assert area.pending_model.rowCount() == 0 and area.batch.table.rowCount() == 0
    with db.uow() as uow:
        assert uow.session.query(FiscalDocument).count() == 0


def test_the_navigation_entry_follows_the_permissions(
        qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings) -> None:
    row = texts.NAVIGATION.index(texts.FISCAL_AREA)
    assert texts.NAVIGATION[row - 1] == "Mensagens" and texts.NAVIGATION[row + 1] == "Relatórios"
    desk_settings.operator = actor.login
    window = MainWindow(WindowContext(db, actor, desk_settings))
    qtbot.addWidget(window)
    window.show()
    window.navigation.setCurrentRow(row)
    assert isinstance(window.tabs.currentWidget(), FiscalArea)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Fiscal"
    nobody = Actor(actor.id, "bia", "Bia", permissions=frozenset({"people.view"}))
    desk_settings.operator = nobody.login
    other = MainWindow(WindowContext(db, nobody, desk_settings))
    qtbot.addWidget(other)
    assert other.navigation.item(row).isHidden()
    other.navigation.setCurrentRow(row)
    assert not any(isinstance(other.tabs.widget(i), FiscalArea)
                   for i in range(other.tabs.count()))
    printer = Actor(actor.id, "bia", "Bia", permissions=frozenset({"fiscal.print"}))
    third = MainWindow(WindowContext(db, printer, desk_settings))
    qtbot.addWidget(third)
    third.navigation.setCurrentRow(row)
    area = third.tabs.currentWidget()
    assert isinstance(area, FiscalArea) and area.batch.isHidden()  # sees, cannot issue


@pytest.mark.parametrize("office", ["sefin"], indirect=True)
def test_cancelar_stops_the_run_and_nothing_is_sent_twice(
        qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, office: Office,
        seen: Seen) -> None:
    sefin = office.sefin
    assert sefin is not None
    area = _area(qtbot, db, actor, desk_settings)
    area.batch.simulate_button.click()
    _wait(qtbot, area)
    sefin.script("timeout")  # the Sefin authorises the first DPS but its answer never comes
    area.batch.generate_button.click()
    qtbot.waitUntil(lambda: len(sefin.requests) == 1, timeout=WAIT)
    operation = area.batch.last_operation
    assert operation is not None
    operation.cancel()  # Cancelar while the first note waits for its answer
    _wait(qtbot, area)
    text = area.batch.summary_label.text()
    assert text.startswith(f"Emissão de {THIS_MONTH:%m/%Y} interrompida: 0 autorizada(s), "
                           "0 rejeitada(s), 1 sem resposta")
    assert "consultadas na Sefin" in text and area.batch.situations() == ["Sem resposta"]
    assert [d.status for d in documents(db)] == ["unknown"]  # the other two were not touched
    # Generating it again asks the Sefin first: the note it had authorised is kept, not resent.
    with db.uow() as uow:
        unknown = uow.session.scalars(select(FiscalDocument.invoice_id)).one()
    area.refresh()
    waiting = [area.pending_model.row_at(r) for r in range(area.pending_model.rowCount())]
    assert {r.id: r.fiscal_state for r in waiting}[unknown] == "unknown"  # Aguardando resposta
    area.batch.simulate_button.click()  # a new run leaves it alone
    _wait(qtbot, area)
    assert area.batch.situations() == ["Será emitida", "Será emitida"]
    tab = fiscal_support.open_tab(qtbot, db, actor, desk_settings,
                                  office.person_of(db, unknown))
    fiscal_support.generate(qtbot, tab, unknown)
    assert [d.status for d in documents(db)] == ["authorised"]
    assert sum(1 for r in sefin.requests if r.method == "POST") == 1
