"""Cobrança bancária in the window: Gerar remessa, transmitida, Importar retorno, permissions."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox
from sqlalchemy import func, select

from contoffice.core.format import format_money
from contoffice.core.vocab import ReturnOutcome
from contoffice.db.models import BankReturn, Invoice
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput
from contoffice.services.boletos.profiles import check_profile, profile_input
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import texts, tool_flow
from contoffice.ui.bank.area import BankArea
from contoffice.ui.bank.generate_dialog import GenerateDialog
from contoffice.ui.bank.list_page import ListPage
from contoffice.ui.bank.report_dialog import ReturnReportDialog
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.context import WindowContext
from contoffice.ui.main_window import MainWindow
from contoffice.ui.settings import DeskSettings
from contoffice.ui.settings_area.profiles_page import ProfilesPage
from tests.services.bank_files import support

WAIT = 20_000


@dataclass
class Seen:
    """What the window said: message boxes, questions, the report dialogs' contents."""

    infos: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    previews: list[str] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)
    import_it: bool = True
    export: bool = False  # press Exportar planilha in the next report


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> Seen:
    record = Seen()
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, _title, text, *a: record.infos.append(text))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, _title, text, *a: record.warnings.append(text))

    def ask(_parent: Any, message: str) -> bool:
        record.questions.append(message)
        return True

    monkeypatch.setattr(tool_flow, "ask_confirmation", ask)

    def generate(dialog: GenerateDialog) -> int:
        qtbot.waitUntil(lambda: dialog.preview is not None or not dialog.notice.isHidden(),
                        timeout=WAIT)
        record.previews.append(dialog.summary_label.text() or dialog.notice.text())
        dialog.confirm_check.setChecked(True)
        if dialog.finish_button.isEnabled():
            dialog.finish_button.click()
        else:
            dialog.reject()
        return dialog.result()

    def report(dialog: ReturnReportDialog) -> int:
        record.reports.append({
            "preview": dialog.preview,
            "counts": {o: int(label.text()) for o, label in dialog.count_labels.items()},
            "settled": dialog.findChild(QLabel, "settled_label").text(),
            "lines": dialog.model.rowCount(),
            "outcome": dialog.model.text(0, "outcome") if dialog.model.rowCount() else "",
            "title": dialog.windowTitle(),
        })
        if record.export:
            dialog.export_button.click()
            qtbot.waitUntil(lambda: not dialog.exporting, timeout=WAIT)
            record.reports[-1]["exported"] = dialog.status_label.text()
        if dialog.preview and record.import_it:
            dialog.import_button.click()
        else:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(GenerateDialog, "exec", generate)
    monkeypatch.setattr(ReturnReportDialog, "exec", report)
    return record


def _files(monkeypatch: pytest.MonkeyPatch, *, save: Path | None = None,
           open_: Path | None = None) -> None:
    """The clerk's answer to the file dialogs (only the QFileDialog static calls)."""
    if save is not None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *_a, **_k: (str(save), ""))
    if open_ is not None:
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            lambda *_a, **_k: (str(open_), ""))


@dataclass(frozen=True)
class Office:
    profile_id: int
    invoices: list[Invoice]


@pytest.fixture
def office(db: Database, actor: Actor) -> Office:
    """An Itaú CNAB 400 profile, the office's CNPJ, two clients billed for 12/2026."""
    profile_id = support.office(db, 2)
    return Office(profile_id, support.bill(db, actor))


def _window(qtbot: Any, db: Database, actor: Actor, settings: DeskSettings) -> MainWindow:
    settings.operator = actor.login
    window = MainWindow(WindowContext(db, actor, settings))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _area(window: MainWindow) -> BankArea:
    window.navigation.setCurrentRow(texts.NAVIGATION.index(texts.BANK_AREA))
    area = window.tabs.currentWidget()
    assert isinstance(area, BankArea)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Cobrança bancária"
    return area


def _trigger(qtbot: Any, page: ListPage, action: str) -> None:
    """Press a toolbar tool and wait until its job has ended."""
    page.last_flow = None
    assert page.actions.actions[action].isEnabled(), action
    page.actions.actions[action].trigger()
    qtbot.waitUntil(lambda: page.last_flow is None or page.last_flow.done, timeout=WAIT)


def _select_first(page: ListPage) -> None:
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | \
        QItemSelectionModel.SelectionFlag.Rows
    page.grid.table.selectionModel().select(page.model.index(0, 0), flags)


def _status_of(tab: ClientTab, invoice_id: int) -> str | None:
    page = tab.pages["client.receivable"]
    for row in range(page.model.rowCount()):
        found = page.model.row_at(row)
        if found is not None and found.id == invoice_id:
            return str(found.status)
    return None


def test_remittance_then_return_settles_the_invoice(
    qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, office: Office,
    seen: Seen, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    window = _window(qtbot, db, actor, desk_settings)
    invoice = office.invoices[0]
    tab = window.open_client(invoice.person_id)
    tab.show_page("client.receivable")
    qtbot.waitUntil(lambda: _status_of(tab, invoice.id) == "open", timeout=WAIT)
    area = _area(window)
    remittances = area.remittances
    assert remittances is not None and remittances.model.rowCount() == 0
    assert [area.tabText(i) for i in range(area.count())] == ["Remessas",
                                                             "Retornos importados"]
    # Gerar remessa: the dialog's dry run says what the file holds, then the file is written.
    target = tmp_path / "saida" / "remessa.rem"
    target.parent.mkdir()
    _files(monkeypatch, save=target)
    _trigger(qtbot, remittances, "generate")
    assert "2 título(s)" in seen.previews[0] and "R$ 1.005,00" in seen.previews[0]
    assert target.exists()
    content = target.read_bytes()
    assert content.startswith(b"01REMESSA")
    assert any("Remessa 1 gerada com 2 título(s)" in text for text in seen.infos)
    assert remittances.model.rowCount() == 1
    row = remittances.model.row_at(0)
    assert (row.sequence_number, row.titles, row.status) == (1, 2, "Gerada")
    assert remittances.model.data(remittances.model.index(0, 5)) == "R$ 1.005,00"
    # Nothing more to send: the dialog says it as the service does, and nothing runs.
    _trigger(qtbot, remittances, "generate")
    assert seen.previews[-1].startswith("Nenhuma fatura aguarda remessa")
    assert remittances.model.rowCount() == 1
    # Marcar remessa como transmitida (the registry's tool through the tool flow).
    _select_first(remittances)
    _trigger(qtbot, remittances, "transmitted")
    assert seen.questions and "transmitida" in seen.questions[-1]
    assert remittances.model.row_at(0).status == "Transmitida"
    # The bank pays one title; its return is imported through the preview.
    paid = support.sent(content)[0]
    settled_id = next(i.id for i in office.invoices if i.our_number == int(paid.our_number))
    bank_file = tmp_path / "CN11122A.RET"
    bank_file.write_bytes(support.bank_return([support.paid(paid)]))
    _files(monkeypatch, open_=bank_file)
    area.setCurrentWidget(area.returns)
    returns = area.returns
    assert returns is not None
    _trigger(qtbot, returns, "import")
    preview, done = seen.reports
    assert preview["preview"] and not done["preview"]
    assert preview["counts"] == {ReturnOutcome.SETTLED: 1} == done["counts"]
    assert preview["outcome"] == "Liquidada" and preview["lines"] == 1
    assert preview["settled"] == format_money(paid.amount) == done["settled"]
    assert seen.warnings == []
    assert returns.model.rowCount() == 1
    imported = returns.model.row_at(0)
    assert (imported.settled, imported.settled_cents) == (1, paid.amount)
    # The open client panel learned it from the change channel.
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: _status_of(tab, settled_id) == "settled", timeout=WAIT)
    # Ver relatório do retorno (exported as a spreadsheet), and the same file refused again.
    window.tabs.setCurrentWidget(area)
    sheet = tmp_path / "relatorio.xlsx"
    _files(monkeypatch, save=sheet)
    seen.export = True
    returns.grid.table.selectionModel().select(
        returns.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    returns.actions.actions["report"].trigger()
    qtbot.waitUntil(lambda: len(seen.reports) == 3, timeout=WAIT)
    assert seen.reports[2]["counts"] == {ReturnOutcome.SETTLED: 1}
    assert not seen.reports[2]["preview"]
    assert sheet.exists() and seen.reports[2]["exported"].startswith("1 linha(s) exportada(s)")
    seen.export = False
    _trigger(qtbot, returns, "import")
    assert seen.warnings and "já foi importado" in seen.warnings[-1]
    window.refresh_action.trigger()  # F5
    assert returns.model.rowCount() == 1


def test_a_bad_return_says_its_line_and_changes_nothing(
    qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, office: Office,
    seen: Seen, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    title = support.Sent(str(office.invoices[0].our_number), office.invoices[0].amount_cents,
                         office.invoices[0].due_date)
    lines = support.bank_return([support.paid(title)]).split(b"\r\n")
    broken = bytearray(lines[1])
    broken[253:266] = b"ABCDEFGHIJKLM"  # the amount paid, in letters
    lines[1] = bytes(broken)
    bad = tmp_path / "ruim.ret"
    bad.write_bytes(b"\r\n".join(lines))
    _files(monkeypatch, open_=bad)
    window = _window(qtbot, db, actor, desk_settings)
    returns = _area(window).returns
    assert returns is not None
    _trigger(qtbot, returns, "import")
    assert len(seen.warnings) == 1
    assert seen.warnings[0].startswith("Arquivo de retorno recusado, linha 2")
    assert "Nada foi importado" in seen.warnings[0]
    assert seen.reports == []  # no report to import from
    assert returns.model.rowCount() == 0
    with db.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(BankReturn)) == 0
        statuses = set(uow.session.scalars(select(Invoice.status)))
    assert statuses == {"open"}


def test_the_profile_form_keeps_the_protest_days(
    qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, office: Office,
) -> None:
    page = ProfilesPage(WindowContext(db, actor, desk_settings))
    qtbot.addWidget(page)
    page.table.select_id(office.profile_id)
    form = page.form
    assert form.profile_id == office.profile_id
    assert form.cnab.currentText() == "400"  # Layout CNAB is on the form
    assert form.protest_days.value() == 0 and form.protest_days.text() == "não protestar"
    form.protest_days.setValue(5)
    assert page.save() == office.profile_id
    assert profile_input(db.uow(), office.profile_id).protest_days == 5
    stored = profile_input(db.uow(), office.profile_id)
    with pytest.raises(InvalidInput) as refused:
        check_profile(replace(stored, protest_days=100))
    assert refused.value.field == "Dias para protesto"
    form.show_error(refused.value)
    assert form.error_of("protest_days").startswith("Dias para protesto")


def test_the_entry_needs_a_bank_permission(
    qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings,
) -> None:
    row = texts.NAVIGATION.index(texts.BANK_AREA)
    assert texts.NAVIGATION[row - 1] == "Faturamento"
    assert texts.NAVIGATION[row + 1] == "Mensagens"
    clerk = Actor(actor.id, "bia", "Bia", permissions=frozenset({"people.create"}))
    window = _window(qtbot, db, clerk, desk_settings)
    assert window.navigation.item(row).isHidden()
    window.navigation.setCurrentRow(row)
    assert not any(isinstance(window.tabs.widget(i), BankArea)
                   for i in range(window.tabs.count()))
    returns_only = Actor(actor.id, "rui", "Rui",
                         permissions=frozenset({"bank.import_return"}))
    other = _window(qtbot, db, returns_only, desk_settings)
    assert not other.navigation.item(row).isHidden()
    area = _area(other)
    assert area.remittances is None and area.returns is not None
    assert [area.tabText(i) for i in range(area.count())] == ["Retornos importados"]
    assert set(area.returns.actions.actions) == {"import", "report"}
