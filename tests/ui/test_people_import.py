"""Importar clientes from the finder: file, columns, Simular, Importar; the finder refreshes."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from contoffice.db.models import Person
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.context import WindowContext
from contoffice.ui.finder.finder_widget import FinderWidget
from contoffice.ui.people_import.dialog import (
    MAPPING_PAGE,
    PLAN_PAGE,
    RESULT_PAGE,
    PeopleImportDialog,
)
from contoffice.ui.settings import DeskSettings
from tests.services.people import sheets

pytestmark = pytest.mark.db
WAIT = 20_000


@pytest.fixture
def finder(qtbot: Any, db: Database, actor: Actor, tmp_path: Path) -> FinderWidget:
    widget = FinderWidget(WindowContext(db, actor, DeskSettings(tmp_path / "desk.ini")))
    qtbot.addWidget(widget)
    widget.setCurrentWidget(widget.latest)
    widget.resize(1100, 600)
    widget.show()
    return widget


def _open(qtbot: Any, finder: FinderWidget, path: Path) -> PeopleImportDialog:
    finder.latest.actions.actions["import_people"].trigger()
    dialog = finder.latest.last_import
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    qtbot.mouseClick(dialog.forward, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.step == MAPPING_PAGE, timeout=WAIT)
    return dialog


def test_map_simulate_export_and_import_the_accepted_rows(
        qtbot: Any, finder: FinderWidget, db: Database, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = sheets.rows(6)
    data[3][2] = "111.222.333-44"  # row 5
    data[5][9] = "Atlântida"  # row 7
    dialog = _open(qtbot, finder, sheets.write_xlsx(tmp_path / "clientes.xlsx", data))
    assert dialog.mapping.columns()[:3] == ("external_code", "name", "document")
    assert dialog.mapping.item(1, 1).text() == "Cliente 1 da Silva"  # the example
    dialog.mapping.choose(sheets.HEADER.index("Bairro"), "")  # the clerk leaves it out
    qtbot.mouseClick(dialog.forward, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.step == PLAN_PAGE, timeout=WAIT)
    table = dialog.plan_page.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["5", "7"]
    assert table.item(0, 3).text().startswith("CPF inválido")
    assert table.item(1, 3).text().startswith("Cidade desconhecida")
    assert "4 a criar, 2 recusada(s)" in dialog.plan_page.summary.text()
    assert not dialog.forward.isEnabled()  # refused rows: the clerk must choose to skip them

    target = tmp_path / "recusadas.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), "Texto CSV (*.csv)"))
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=WAIT)
    qtbot.waitUntil(lambda: dialog.last_export is not None
                    and dialog.last_export.result is not None, timeout=WAIT)
    text = target.read_text(encoding="utf-8-sig")
    lines = list(csv.reader(text.splitlines(), delimiter=";"))
    assert ["Linha", "Nome", "CPF/CNPJ", "Situação"] in lines
    assert any(line[:1] == ["5"] and line[3].startswith("CPF inválido") for line in lines)

    dialog.plan_page.show_all.setChecked(True)
    assert [table.item(r, 3).text()[:12] for r in range(table.rowCount())] == [
        "Será criado", "Será criado", "Será criado", "CPF inválido", "Será criado",
        "Cidade desco"]
    dialog.plan_page.skip_refused.setChecked(True)
    assert dialog.forward.isEnabled()
    qtbot.mouseClick(dialog.forward, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.step == RESULT_PAGE, timeout=WAIT)
    assert dialog.result is not None and [r for r, _c in dialog.result.created] == [2, 3, 4, 6]
    assert "4 cadastro(s) importado(s) de clientes.xlsx" in dialog.done_label.text()
    qtbot.waitUntil(lambda: finder.latest.model.rowCount() == 4, timeout=WAIT)
    with db.uow() as uow:
        districts = set(uow.session.scalars(select(Person.district)))
    assert districts == {""}


def test_a_wrong_header_is_said_and_fixed_in_the_mapping_step(
        qtbot: Any, finder: FinderWidget, tmp_path: Path) -> None:
    header = ("Ref", "Freguês", "Identificação", *sheets.HEADER[3:])
    dialog = _open(qtbot, finder, sheets.write_csv(tmp_path / "c.csv", sheets.rows(3),
                                                   header=header, encoding="cp1252"))
    assert dialog.mapping.columns()[:3] == ("", "", "")
    qtbot.mouseClick(dialog.forward, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "não tem coluna para" in dialog.notice.text(), timeout=WAIT)
    assert "«Freguês», «Identificação»" in dialog.notice.text()
    assert dialog.step == MAPPING_PAGE
    dialog.mapping.choose(1, "name")
    dialog.mapping.choose(2, "document")
    qtbot.mouseClick(dialog.forward, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.step == PLAN_PAGE, timeout=WAIT)
    assert "3 a criar, 0 recusada(s)" in dialog.plan_page.summary.text()
    assert dialog.forward.isEnabled() and not dialog.plan_page.skip_refused.isVisible()
    qtbot.mouseClick(dialog.forward, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.step == RESULT_PAGE, timeout=WAIT)
    qtbot.waitUntil(lambda: finder.latest.model.rowCount() == 3, timeout=WAIT)


def test_an_unreadable_file_stays_on_the_first_step(qtbot: Any, finder: FinderWidget,
                                                    tmp_path: Path) -> None:
    finder.latest.actions.actions["import_people"].trigger()
    dialog = finder.latest.last_import
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "nao_existe.xlsx"))
    qtbot.mouseClick(dialog.forward, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Não foi possível abrir a planilha" in dialog.notice.text(),
                    timeout=WAIT)
    assert dialog.step == 0 and "não encontrado" in dialog.notice.text()


def test_contracts_of_the_imported_clients(qtbot: Any, finder: FinderWidget, db: Database,
                                           actor: Actor, tmp_path: Path) -> None:
    from contoffice.db.models import Contract
    from contoffice.services.people import import_mapping, importing

    clients = sheets.rows(2)
    sheet = importing.read_file(sheets.write_csv(tmp_path / "clientes.csv", clients))
    importing.apply_import(db.uow(), actor, sheet, import_mapping.guess(sheet.headers))
    path = sheets.write_csv(tmp_path / "contratos.csv", [
        [clients[0][2], "Contábil", "450,00", "10"], [clients[1][2], "Fiscal", "0", "10"],
    ], header=("CPF/CNPJ", "Plano", "Valor", "Dia de vencimento"))
    finder.latest.actions.actions["import_people"].trigger()
    dialog = finder.latest.last_import
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.file_page.kind_combo.setCurrentIndex(1)
    dialog.path.setText(str(path))
    qtbot.mouseClick(dialog.forward, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.step == MAPPING_PAGE, timeout=WAIT)
    assert dialog.mapping.columns() == ("document", "plan", "fee", "due_day")
    assert dialog.mapping.combo(2).currentText() == "Valor do plano"
    qtbot.mouseClick(dialog.forward, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.step == PLAN_PAGE, timeout=WAIT)
    table = dialog.plan_page.table
    assert (table.item(0, 0).text(), table.item(0, 1).text()) == ("3", "Cliente 2 da Silva")
    dialog.plan_page.skip_refused.setChecked(True)
    qtbot.mouseClick(dialog.forward, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.step == RESULT_PAGE, timeout=WAIT)
    assert dialog.done_label.text().startswith("1 contrato(s) importado(s) de contratos.csv")
    with db.uow() as uow:
        assert [(c.plan, c.fee_cents) for c in uow.session.scalars(select(Contract))] == [
            ("Contábil", 45000)]
