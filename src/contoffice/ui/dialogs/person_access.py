"""Informações de acesso on the person form: the client's login, password, expiry and lock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QWidget

from contoffice.core.format import format_date, parse_date
from contoffice.errors import ContofficeError
from contoffice.services.admin.setup import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people import access as client_access
from contoffice.services.people.access import AccessInput, AccessView
from contoffice.services.people.form import PersonForEdit, save_person
from contoffice.services.people.records import PersonInput
from contoffice.ui.forms.person_form_ui import Ui_PersonForm

FIELD_EXPIRES = "Validade"
LOCKED = "Bloqueado após {n} tentativas"
PASSWORD_KEPT = "senha cadastrada; em branco, continua a mesma"
NO_PASSWORD = "nenhuma senha cadastrada"
SEND_ACCESS = "Enviar e-mail com dados de acesso"
SEND_ACCESS_TIP = ("Ao finalizar, abre o e-mail com o login e uma senha nova, gerada no envio "
                   "(a senha guardada nunca é revelada).")


@dataclass(frozen=True)
class AccessPart:
    """What the form needs to show and save the access data (given only to who may)."""

    view: AccessView | None  # as stored; None for a person not saved yet
    save: Callable[[PersonInput, AccessInput], object]  # person and access data, together
    unlock: Callable[[], AccessView] | None = None  # Desbloquear (None: not offered)
    # "Enviar e-mail com dados de acesso" (seed 001): called with the saved person's code.
    mail: Callable[[int], None] | None = None


def access_part(db: Database, actor: Actor, edit: PersonForEdit | None, *,
                mail: Callable[[int], None] | None = None) -> AccessPart | None:
    """The access group's wiring for this operator; None (group hidden) without permission.

    `mail` opens the e-mail with the access data after a save with the option ticked.
    """
    if not actor.can(client_access.PERMISSION):
        return None

    def save(data: PersonInput, access: AccessInput) -> int:
        return save_person(db.uow(), actor, data, edit, access)

    if edit is None:
        return AccessPart(None, save, mail=mail)
    person_id = edit.person_id

    def unlock() -> AccessView:
        with db.uow() as uow:
            return client_access.unlock_access(uow, actor, person_id)

    return AccessPart(edit.access, save, unlock, mail)


class AccessGroup:
    """The "Informações de acesso" group of the person form; hidden without an AccessPart."""

    def __init__(self, ui: Ui_PersonForm, part: AccessPart | None,
                 on_error: Callable[[ContofficeError], None]) -> None:
        self.ui, self.part, self._on_error = ui, part, on_error
        self.box = ui.access_group_box
        self.box.setVisible(part is not None)
        self.box.setEnabled(part is not None)
        ui.access_unlock_button.clicked.connect(self.unlock)
        self.mail_check = QCheckBox(SEND_ACCESS, self.box)
        self.mail_check.setObjectName("access_mail_check")
        self.mail_check.setToolTip(SEND_ACCESS_TIP)
        ui.access_left_form.addRow("", self.mail_check)
        ui.access_left_form.setRowVisible(self.mail_check, bool(part and part.mail))
        self.fill(part.view if part else None)

    @property
    def enabled(self) -> bool:
        """Whether the operator sees (and saves) the access data."""
        return self.part is not None

    def widgets_by_field(self) -> dict[str, QWidget]:
        """The group's fields by the names the service's refusals give them."""
        ui = self.ui
        return {client_access.FIELD_LOGIN: ui.access_login_edit,
                client_access.FIELD_PASSWORD: ui.access_password_edit,
                FIELD_EXPIRES: ui.access_expires_edit,
                client_access.FIELD_ATTEMPTS: ui.access_max_attempts_spin,
                client_access.FIELD_ACTIVE: ui.access_active_check}

    def fill(self, view: AccessView | None) -> None:
        """Show stored access data (None: nothing stored yet)."""
        ui = self.ui
        ui.access_login_edit.setText(view.login if view else "")
        ui.access_password_edit.clear()
        kept = view is not None and view.has_password
        ui.access_password_edit.setPlaceholderText(PASSWORD_KEPT if kept else NO_PASSWORD)
        expires = view.expires_on if view else None
        ui.access_expires_edit.setText(format_date(expires) if expires else "")
        ui.access_max_attempts_spin.setValue(view.max_attempts if view else 5)
        ui.access_active_check.setChecked(bool(view and view.active))
        self.show_lock(view)

    def show_lock(self, view: AccessView | None) -> None:
        """The "Bloqueado após N tentativas" line and Desbloquear, only while locked."""
        ui = self.ui
        locked = view is not None and view.locked
        ui.access_locked_label.setText(LOCKED.format(n=view.failed_attempts) if locked
                                       and view is not None else "")
        ui.access_right_form.setRowVisible(ui.access_locked_layout, locked)
        ui.access_unlock_button.setVisible(locked and self.part is not None
                                           and self.part.unlock is not None)

    def value(self) -> AccessInput:
        """What the group holds; a typed expiry that is no date raises ValidationError."""
        ui = self.ui
        typed = ui.access_expires_edit.text()
        has_date = any(c.isdigit() for c in typed)
        password = ui.access_password_edit.text()
        return AccessInput(
            login=ui.access_login_edit.text(),
            new_password=password or None,  # blank keeps the stored password
            expires_on=parse_date(typed, FIELD_EXPIRES) if has_date else None,
            max_attempts=ui.access_max_attempts_spin.value(),
            active=ui.access_active_check.isChecked())

    def saved(self, person_id: object) -> None:
        """After Finalizar: the e-mail with the access data, when the option was ticked."""
        if self.part and self.part.mail and self.mail_check.isChecked() and isinstance(
                person_id, int):
            self.part.mail(person_id)

    def unlock(self) -> None:
        """Desbloquear: the service clears the failed attempts; the line goes away."""
        if self.part is None or self.part.unlock is None:
            return
        try:
            view = self.part.unlock()
        except ContofficeError as error:  # said by the dialog, as its other refusals
            self._on_error(error)
            return
        self.show_lock(view)
