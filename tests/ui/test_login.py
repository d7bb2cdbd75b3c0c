"""Login dialog (good, wrong, locked) and the first administrator of a new database."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

from contoffice.db.uow import Database
from contoffice.services.admin import operators
from contoffice.services.kernel import messages
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.dialogs.login_dialog import FirstAdminDialog, LoginDialog


def _check(db: Database):  # type: ignore[no-untyped-def]
    def check(login: str, password: str) -> Actor:
        with db.uow() as uow:
            return operators.login(uow, login, password)
    return check


def _submit(qtbot: Any, dialog: LoginDialog, login: str, password: str) -> None:
    dialog.login_edit.setText(login)
    dialog.password_edit.setText(password)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_good_login_returns_the_operator(qtbot: Any, demo_db: Database) -> None:
    dialog = LoginDialog(None, _check(demo_db), last_login="ana")
    qtbot.addWidget(dialog)
    assert dialog.login_edit.text() == "ana"
    _submit(qtbot, dialog, "ana", "demo1234")
    assert dialog.actor is not None and dialog.actor.login == "ana"
    assert dialog.result() == dialog.DialogCode.Accepted


def test_wrong_password_says_so_and_stays_open(qtbot: Any, demo_db: Database) -> None:
    dialog = LoginDialog(None, _check(demo_db))
    qtbot.addWidget(dialog)
    _submit(qtbot, dialog, "ana", "errada")
    assert dialog.actor is None
    assert dialog.error_label.text() == messages.LOGIN_FAILED
    assert dialog.password_edit.text() == ""


def test_locked_after_the_attempt_limit(qtbot: Any, demo_db: Database) -> None:
    dialog = LoginDialog(None, _check(demo_db))
    qtbot.addWidget(dialog)
    for _ in range(5):
        _submit(qtbot, dialog, "carlos", "errada")
    locked = messages.LOGIN_LOCKED.format(attempts=5)
    assert dialog.error_label.text() == locked
    _submit(qtbot, dialog, "carlos", "demo1234")  # even the right password now
    assert dialog.actor is None and dialog.error_label.text() == locked


def test_first_administrator_on_a_new_database(qtbot: Any, db: Database) -> None:
    def create(name: str, login: str, password: str) -> Actor:
        with db.uow() as uow:
            return operators.create_first_admin(uow, name=name, login=login, password=password)

    with db.uow() as uow:
        assert operators.needs_first_admin(uow)
    dialog = FirstAdminDialog(None, create)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Maria Contadora")
    dialog.login_edit.setText("maria")
    dialog.password_edit.setText("segredo1")
    dialog.again_edit.setText("outra")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.actor is None and dialog.error_label.isVisibleTo(dialog)
    dialog.again_edit.setText("segredo1")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.actor is not None and dialog.actor.is_admin
    with db.uow() as uow:
        assert operators.login(uow, "maria", "segredo1").login == "maria"


def test_cancelling_the_login_is_a_normal_exit(qtbot: Any, demo_db: Database) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from contoffice.ui.app import run_app

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # not shown yet
            QTimer.singleShot(50, cancel)
            return
        dialog.reject()

    QTimer.singleShot(50, cancel)
    assert run_app(database_url=str(demo_db.url)) == 0
