"""Informações de acesso on the real person form: typed, saved with the person, shown again,
refusals beside their field, Desbloquear, and hidden from an operator without the permission."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt

from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people import access, records
from contoffice.services.people.access import AccessInput
from contoffice.services.people.form import PersonForEdit, load_person, save_person
from contoffice.ui.dialogs.person_access import LOCKED, PASSWORD_KEPT, access_part
from contoffice.ui.dialogs.person_dialog import PersonDialog

SECRET = "Senha-Do-Cliente-1"


def _dialog(qtbot: Any, db: Database, actor: Actor,
            edit: PersonForEdit | None = None) -> PersonDialog:
    dialog = PersonDialog(None, edit.data if edit else None,
                          lambda data: save_person(db.uow(), actor, data, edit),
                          access=access_part(db, actor, edit))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _finish(dialog: PersonDialog) -> bool:
    dialog.ui.button_box.accepted.emit()
    return dialog.result() == dialog.DialogCode.Accepted


def test_access_typed_on_a_new_person_is_saved_and_shown_again(
        qtbot: Any, db: Database, actor: Actor) -> None:
    dialog = _dialog(qtbot, db, actor)
    ui = dialog.ui
    assert ui.access_group_box.isVisible() and ui.access_group_box.title() == (
        "Informações de acesso")
    assert not ui.access_locked_label.isVisible() and not ui.access_unlock_button.isVisible()
    ui.name_edit.setText("Nova Empresa Ltda")
    ui.document_edit.setText("11.222.333/0001-81")
    qtbot.keyClicks(ui.access_login_edit, " Nova@Empresa.com.br")
    qtbot.keyClicks(ui.access_password_edit, SECRET)
    assert ui.access_password_edit.displayText() != SECRET  # typed unseen
    ui.access_expires_edit.setText("31/12/2027")
    ui.access_max_attempts_spin.setValue(4)
    ui.access_active_check.click()
    assert _finish(dialog), ui.error_label.text()
    pid = int(dialog.result_value)  # type: ignore[call-overload]
    edit = load_person(db.uow(), pid)
    assert edit.access is not None and edit.access.has_password
    assert (edit.access.login, edit.access.max_attempts, edit.access.active) == (
        "nova@empresa.com.br", 4, True)
    with db.uow() as uow:
        assert access.verify_access(uow, "nova@empresa.com.br", SECRET) == pid
    again = _dialog(qtbot, db, actor, edit)
    assert again.ui.access_login_edit.text() == "nova@empresa.com.br"
    assert again.ui.access_password_edit.text() == ""
    assert again.ui.access_password_edit.placeholderText() == PASSWORD_KEPT
    assert again.ui.access_expires_edit.text() == "31/12/2027"
    assert again.ui.access_active_check.isChecked()
    again.ui.access_expires_edit.setText("")  # no expiry; the password stays as it was
    assert _finish(again), again.ui.error_label.text()
    with db.uow() as uow:
        assert access.access_view(uow, pid).expires_on is None
        assert access.verify_access(uow, "nova@empresa.com.br", SECRET) == pid


def _client(db: Database, actor: Actor, login: str = "padaria") -> PersonForEdit:
    pid = save_person(db.uow(), actor, records.PersonInput(kind="PRE", name="Padaria"),
                      access=AccessInput(login, SECRET, None, 3, True))
    return load_person(db.uow(), pid)


def test_refusals_are_shown_beside_their_field(qtbot: Any, db: Database, actor: Actor) -> None:
    _client(db, actor, "padaria")
    dialog = _dialog(qtbot, db, actor)
    ui = dialog.ui
    ui.kind_combo.setCurrentIndex(ui.kind_combo.findData("PRE"))
    ui.name_edit.setText("Outro Cliente")
    qtbot.keyClicks(ui.access_login_edit, "Padaria")
    qtbot.keyClicks(ui.access_password_edit, "curta")
    assert not _finish(dialog)
    assert "pelo menos 8 caracteres" in dialog.error_of(ui.access_password_edit)
    ui.access_password_edit.setText(SECRET)
    assert not _finish(dialog)
    assert dialog.error_of(ui.access_login_edit) == "Login de acesso já usado por outro cadastro."
    assert dialog.error_of(ui.access_password_edit) == ""
    ui.access_login_edit.setText("outro.cliente")
    ui.access_expires_edit.setText("31/02/2027")
    assert not _finish(dialog)
    assert "31/02/2027" in dialog.error_of(ui.access_expires_edit)
    assert dialog.wrong_fields() == [ui.access_expires_edit]
    ui.access_expires_edit.setText("28/02/2027")
    assert _finish(dialog), ui.error_label.text()


def test_a_locked_access_is_shown_and_unlocked(qtbot: Any, db: Database, actor: Actor) -> None:
    edit = _client(db, actor)
    for _ in range(3):
        with db.uow() as uow:
            assert access.verify_access(uow, "padaria", "errada-errada") is None
    edit = load_person(db.uow(), edit.person_id)
    dialog = _dialog(qtbot, db, actor, edit)
    ui = dialog.ui
    assert ui.access_locked_label.isVisible()
    assert ui.access_locked_label.text() == LOCKED.format(n=3) == "Bloqueado após 3 tentativas"
    qtbot.mouseClick(ui.access_unlock_button, Qt.MouseButton.LeftButton)
    assert not ui.access_locked_label.isVisible() and not ui.access_unlock_button.isVisible()
    with db.uow() as uow:
        assert access.access_view(uow, edit.person_id).failed_attempts == 0
    ui.name_edit.setText("Padaria Renomeada")  # the form opened before the unlock still saves
    assert _finish(dialog), ui.error_label.text()
    with db.uow() as uow:
        assert access.verify_access(uow, "padaria", SECRET) == edit.person_id


def test_hidden_from_an_operator_without_the_permission(qtbot: Any, db: Database,
                                                        actor: Actor) -> None:
    edit = _client(db, actor)
    clerk = replace(actor, is_admin=False, permissions=frozenset({"people.edit"}))
    dialog = _dialog(qtbot, db, clerk, edit)
    ui = dialog.ui
    assert not ui.access_group_box.isVisible() and not dialog.access_group.enabled
    assert ui.access_login_edit.text() == ""  # nothing of it reaches the form
    ui.name_edit.setText("Padaria Renomeada")
    assert _finish(dialog), ui.error_label.text()
    after = load_person(db.uow(), edit.person_id)
    assert after.data.name == "Padaria Renomeada"
    assert after.access == edit.access  # the access data is untouched
