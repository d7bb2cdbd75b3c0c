"""The first-run wizard driven like a clerk would, on the embedded file and on PostgreSQL."""

from __future__ import annotations

import random
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import psycopg
import pytest
from psycopg import sql
from PySide6.QtWidgets import QDialogButtonBox, QWizard

from contoffice import config
from contoffice.core.documents import generate_cnpj
from contoffice.db.uow import Database
from contoffice.errors import ContofficeError
from contoffice.services.admin import office, operators
from contoffice.services.admin.cep_lookup import ENV_URL as ENV_CEP_URL
from contoffice.services.admin.connection_check import Target
from contoffice.services.admin.first_run import database_state
from contoffice.ui.dialogs.login_dialog import LoginDialog
from contoffice.ui.first_run import labels as t
from contoffice.ui.first_run.trigger import first_run_needed
from contoffice.ui.first_run.wizard import ADMIN, DATABASE, FINISH, OFFICE, FirstRunWizard
from tests.support.databases import PostgresServer
from tests.support.http_server import http_server
from tests.support.pg_auth import password_role

WAIT = 60_000
ROLE, SECRET = "escritorio_assistente", "senha-do-servidor"
CNPJ = generate_cnpj(random.Random(14), alphanumeric=True)


@pytest.fixture
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clerk's machine on its first day: empty data and config folders, no URL anywhere."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "dados"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv(config.ENV_DATABASE_URL, raising=False)
    return tmp_path


def _wizard(qtbot: Any, **options: Any) -> FirstRunWizard:
    wizard = FirstRunWizard(None, **options)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _office(qtbot: Any, wizard: FirstRunWizard, cnpj: str = CNPJ) -> None:
    step = wizard.office_step
    assert wizard.currentId() == OFFICE
    step.edits["name"].setText("Moura & Filhos Contabilidade Ltda")
    step.edits["document"].setText("12.345.678/0001-00")  # wrong check digits
    wizard.next()
    assert wizard.currentId() == OFFICE and "CNPJ" in step.error_label.text()
    step.edits["document"].setText(cnpj.lower())  # letters in any case
    step.edits["street"].setText("Av. Francisco Glicério, 1000, sala 12")
    step.edits["district"].setText("Centro")
    step.edits["cep"].setText("13012-100")
    qtbot.keyClicks(step.edits["city"], "Campin")
    assert "Campinas/SP" in step.city_completer.model().stringList()
    step.city_completer.activated.emit("Campinas/SP")
    step.edits["phone"].setText("19 3232-1000")
    wizard.next()
    assert step.error_label.text() == ""


def test_buscar_cep_fills_the_address_from_the_service(
        qtbot: Any, user_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = ('{"cep": "13012-100", "logradouro": "Avenida Francisco Glicério", "bairro": '
             '"Centro", "localidade": "Campinas", "uf": "SP", "ibge": "3509502"}')
    with http_server([(200, '{"erro": true}'), (200, found)]) as server:
        monkeypatch.setenv(ENV_CEP_URL, server.url + "/ws/{cep}/json/")
        wizard = _wizard(qtbot)
        wizard.next()
        step = wizard.office_step
        step.edits["cep"].setText("13012-999")
        step.cep_search.button.click()
        qtbot.waitUntil(lambda: step.cep_search.status.text() == "CEP não encontrado.",
                        timeout=WAIT)
        assert step.edits["street"].text() == "" and step.city_code == ""
        step.edits["cep"].setText("13012-100")
        step.cep_search.button.click()
        qtbot.waitUntil(lambda: step.city_code == "3509502", timeout=WAIT)
    assert [r.path for r in server.requests] == ["/ws/13012999/json/", "/ws/13012100/json/"]
    assert [step.edits[k].text() for k in ("street", "district", "city")] == [
        "Avenida Francisco Glicério", "Centro", "Campinas/SP"]
    assert step.cep_search.status.text() == t.CEP_FOUND


def _admin(wizard: FirstRunWizard, login: str = "marta") -> None:
    step = wizard.admin_step
    assert wizard.currentId() == ADMIN
    step.name_edit.setText("Marta Moura")
    step.login_edit.setText(login)
    step.password_edit.setText("segredo1")
    step.again_edit.setText("segredo2")
    wizard.next()
    assert wizard.currentId() == ADMIN and step.error_label.text() == t.PASSWORDS_DIFFER
    step.again_edit.setText("segredo1")
    wizard.next()
    assert wizard.currentId() == FINISH


def _finish(qtbot: Any, wizard: FirstRunWizard) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.outcome is not None or (not wizard.finish_step.busy
                    and wizard.finish_step.status_label.text() != t.WORKING), timeout=WAIT)
    assert wizard.outcome is not None, wizard.finish_step.status_label.text()
    assert not wizard.isVisible()


def _logs_in(qtbot: Any, url: str, login: str = "marta", password: str = "segredo1",
             *, admin: bool = True) -> None:
    """The login dialog the app opens next lets the new administrator in."""
    db = Database(url)
    try:
        def check(name: str, secret: str) -> Any:
            with db.uow() as uow:
                return operators.login(uow, name, secret)

        dialog = LoginDialog(None, check, login)
        qtbot.addWidget(dialog)
        dialog.password_edit.setText(password)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.actor is not None and dialog.actor.login == login
        assert dialog.actor.is_admin is admin
    finally:
        db.dispose()


def test_the_embedded_file_from_nothing_to_the_login(qtbot: Any, user_dirs: Path) -> None:
    assert first_run_needed(None)
    wizard = _wizard(qtbot)
    assert wizard.database_step.embedded_radio.isChecked()
    assert str(user_dirs / "dados") in wizard.database_step.embedded_label.text()
    wizard.next()
    _office(qtbot, wizard)
    _admin(wizard)
    assert "Administrador: marta" in wizard.finish_step.summary_label.text()
    _finish(qtbot, wizard)
    outcome = wizard.outcome
    assert outcome is not None and outcome.admin_login == "marta"
    assert outcome.url == config.default_database_url() == config.saved_database_url()
    assert outcome.config_path == user_dirs / "config" / "contoffice" / "config.json"
    assert config.database_url() == outcome.url and not first_run_needed(None)
    db = Database(outcome.url)
    try:
        with db.uow() as uow:
            identity = office.identity(uow)
            settings = office.settings(uow)
    finally:
        db.dispose()
    assert (identity.name, identity.document) == ("Moura & Filhos Contabilidade Ltda", CNPJ)
    assert (identity.city, identity.state, settings["office.city_code"]) == (
        "Campinas", "SP", "3509502")
    assert identity.address.endswith("Campinas/SP — 13012-100")
    assert identity.phone == "(19) 3232-1000"
    _logs_in(qtbot, outcome.url)


def test_the_demo_comes_with_the_administrator_and_the_office_typed(
        qtbot: Any, user_dirs: Path) -> None:
    wizard = _wizard(qtbot)
    wizard.next()
    _office(qtbot, wizard)
    _admin(wizard, login="ana")  # a demo operator's login
    wizard.finish_step.demo_check.setChecked(True)
    wizard.finish_step.demo_spin.setValue(10)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.outcome is None and wizard.finish_step.status_label.text() == (
        t.DEMO_LOGIN_TAKEN.format(login="ana"))
    assert not config.config_file().exists()  # refused before anything was written
    wizard.back()
    _admin(wizard)
    _finish(qtbot, wizard)
    state = database_state(config.database_url())
    assert state.has_people and state.settings["office.document"] == CNPJ
    _logs_in(qtbot, config.database_url())
    _logs_in(qtbot, config.database_url(), login="ana", password="demo1234", admin=False)


def test_make_run_and_explicit_urls_never_see_the_wizard(
        user_dirs: Path, demo_template: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `make run`: db upgrade + demo --if-empty made the default file, with operators.
    target = Path(config.default_database_url().removeprefix("sqlite:///"))
    shutil.copyfile(demo_template, target)
    assert not first_run_needed(None)
    target.unlink()
    assert first_run_needed(None)
    assert not first_run_needed(f"sqlite:///{user_dirs / 'outro.sqlite3'}")
    monkeypatch.setenv(config.ENV_DATABASE_URL, f"sqlite:///{user_dirs / 'outro.sqlite3'}")
    assert not first_run_needed(None)


def test_a_damaged_config_file_is_said_not_skipped(user_dirs: Path) -> None:
    path = config.config_file()
    path.parent.mkdir(parents=True)
    path.write_text("{ nada", encoding="utf-8")
    with pytest.raises(ContofficeError, match=r"arquivo de configuração .* está danificado"):
        config.database_url()


# -- PostgreSQL --------------------------------------------------------------------------

@pytest.fixture
def server_place(pg_server: PostgresServer | None) -> tuple[str, int]:
    if pg_server is None:
        pytest.skip("PostgreSQL indisponível")
    return password_role(pg_server, ROLE, SECRET)


@pytest.fixture
def office_database(server_place: tuple[str, int]) -> Iterator[str]:
    """The empty database the office's server administrator made for contoffice."""
    host, port = server_place
    name = "escritorio_wizard"

    def run(statement: sql.Composed) -> None:
        with psycopg.connect(host=host, port=port, user=ROLE, password=SECRET,
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(statement)

    run(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    run(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield name
    run(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _test(qtbot: Any, wizard: FirstRunWizard, expected: str) -> None:
    step = wizard.database_step
    step.test_button.click()
    qtbot.waitUntil(lambda: step.result_label.text() not in ("", t.TESTING), timeout=WAIT)
    assert step.result_label.text() == expected


def test_a_postgresql_server_tested_then_chosen(qtbot: Any, user_dirs: Path,
                                               server_place: tuple[str, int],
                                               office_database: str) -> None:
    host, port = server_place
    wizard = _wizard(qtbot)
    step = wizard.database_step
    step.server_radio.setChecked(True)
    step.host_edit.setText(host)
    step.port_spin.setValue(port)
    step.database_edit.setText(office_database)
    step.user_edit.setText(ROLE)
    step.password_edit.setText("errada")
    _test(qtbot, wizard, f"Senha incorreta para o usuário {ROLE}.")
    wizard.next()  # Avançar tests again and stays
    assert wizard.currentId() == DATABASE
    step.password_edit.setText(SECRET)
    step.database_edit.setText("nao_existe")
    _test(qtbot, wizard, f"O banco de dados nao_existe não existe no servidor {host}. Peça ao "
          f"administrador do servidor que o crie (CREATE DATABASE nao_existe OWNER {ROLE}) ou "
          "informe outro nome.")
    step.database_edit.setText(office_database)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    step.port_spin.setValue(closed)
    _test(qtbot, wizard, f"Servidor inacessível: nada respondeu em {host}, porta {closed}. "
          "Confira o endereço e a porta e se o PostgreSQL está em execução e aceita conexões "
          "pela rede.")
    step.port_spin.setValue(port)
    step.test_button.click()
    qtbot.waitUntil(lambda: step.result_label.text().startswith("Conexão bem-sucedida"),
                    timeout=WAIT)
    wizard.next()
    _office(qtbot, wizard)
    _admin(wizard)
    _finish(qtbot, wizard)
    saved = Target(host, port, office_database, ROLE).url()
    assert config.saved_database_url() == saved and SECRET not in config.config_file().read_text()
    assert keyring.get_password(config.KEYRING_SERVICE, config.password_key(saved)) == SECRET
    assert config.database_url() == saved and not first_run_needed(None)
    _logs_in(qtbot, saved)  # the password comes from the keyring
    keyring.delete_password(config.KEYRING_SERVICE, config.password_key(saved))


def test_a_second_desk_joins_the_office_without_a_new_administrator(
        qtbot: Any, user_dirs: Path, server_place: tuple[str, int],
        office_database: str) -> None:
    host, port = server_place
    first = _wizard(qtbot)
    first.database_step.server_radio.setChecked(True)
    for edit, value in ((first.database_step.host_edit, host),
                        (first.database_step.database_edit, office_database),
                        (first.database_step.user_edit, ROLE),
                        (first.database_step.password_edit, SECRET)):
        edit.setText(value)
    first.database_step.port_spin.setValue(port)
    first.next()
    _office(qtbot, first)
    _admin(first)
    _finish(qtbot, first)
    config.config_file().unlink()  # another desk, same server
    second = _wizard(qtbot, current_url=Target(host, port, office_database, ROLE).url())
    assert second.database_step.server_radio.isChecked()
    assert second.database_step.password_edit.text() == SECRET  # from the keyring
    second.next()
    assert second.currentId() == OFFICE
    assert second.office_step.edits["name"].text() == "Moura & Filhos Contabilidade Ltda"
    assert second.office_step.edits["city"].text() == "Campinas/SP"
    second.next()
    assert second.currentId() == FINISH  # no administrator's step
    assert second.finish_step.demo_check.isEnabled()  # an office without clients yet
    _finish(qtbot, second)
    assert second.outcome is not None and second.outcome.admin_login == ""
    keyring.delete_password(config.KEYRING_SERVICE, config.password_key(second.outcome.url))


def test_reopened_from_configuracoes_edits_the_office(qtbot: Any, user_dirs: Path,
                                                     demo_db: Database,
                                                     desk_settings: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from contoffice.ui.context import WindowContext
    from contoffice.ui.settings_area.office_page import OfficePage

    with demo_db.uow() as uow:
        carlos = operators.actor_for_login(uow, "carlos")
    page = OfficePage(WindowContext(demo_db, carlos, desk_settings))
    qtbot.addWidget(page)
    seen: dict[str, Any] = {}

    def drive() -> None:
        wizard = QApplication.activeModalWidget()
        if not isinstance(wizard, FirstRunWizard):  # not shown yet
            QTimer.singleShot(20, drive)
            return
        try:
            seen["embedded"] = wizard.database_step.embedded_radio.isChecked()
            seen["path"] = wizard.database_step.embedded_label.text()
            wizard.next()
            office_step = wizard.office_step
            seen["office"] = [office_step.edits[k].text() for k in ("name", "street", "cep")]
            office_step.edits["name"].setText("Ribeiro & Lima Associados")
            wizard.next()
            seen["page"] = wizard.currentId()
            seen["demo"] = wizard.finish_step.demo_check.isEnabled()
            wizard.button(QWizard.WizardButton.FinishButton).click()
        finally:
            if wizard.currentId() != FINISH:  # a failed step: close, the asserts below say why
                wizard.reject()

    QTimer.singleShot(0, drive)
    page.wizard_button.click()  # modal until Concluir ends
    assert seen["embedded"] and str(demo_db.url).removeprefix("sqlite:///") in seen["path"]
    assert seen["office"] == ["Ribeiro & Lima Contabilidade Ltda",
                              "Rua XV de Novembro, 250, sala 804", "01013-000"]
    assert seen["page"] == FINISH and seen["demo"] is False  # operators and clients exist
    assert page.edits["name"].text() == "Ribeiro & Lima Associados"
    assert config.saved_database_url() == demo_db.url


def test_contoffice_gui_opens_the_wizard_first_and_cancelling_saves_nothing(
        qtbot: Any, user_dirs: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from contoffice.ui.app import run_app

    shown: list[str] = []

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # not shown yet
            QTimer.singleShot(20, cancel)
            return
        shown.append(dialog.objectName())
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert run_app() == 0
    assert shown == ["first_run_wizard"]
    assert not config.config_file().exists() and first_run_needed(None)
