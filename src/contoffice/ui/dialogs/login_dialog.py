"""Login of an operator, and the first administrator of a new database."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from contoffice.errors import ContofficeError
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import texts

Authenticate = Callable[[str, str], Actor]
CreateAdmin = Callable[[str, str, str], Actor]


class _CredentialsDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.form = QFormLayout()
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        # Bound late: each subclass's own _submit checks its credentials.
        self.buttons.accepted.connect(lambda: self._submit())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.actor: Actor | None = None

    def _edit(self, name: str, label: str, password: bool = False) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(label, edit)
        return edit

    def show_error(self, message: str) -> None:
        """The refusal under the fields (the dialog stays open)."""
        self.error_label.setText(message)
        self.error_label.show()

    _submit: Callable[[], None]


class LoginDialog(_CredentialsDialog):
    """Login and password; the refusal of the service shows under the fields."""

    def __init__(
        self, parent: QWidget | None, authenticate: Authenticate, last_login: str = ""
    ) -> None:
        super().__init__(parent, texts.LOGIN_TITLE)
        self._authenticate = authenticate
        self.login_edit = self._edit("login_edit", texts.LOGIN)
        self.password_edit = self._edit("password_edit", texts.PASSWORD, password=True)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(texts.ENTER)
        self.login_edit.setText(last_login)
        (self.password_edit if last_login else self.login_edit).setFocus()

    def _submit(self) -> None:
        try:
            self.actor = self._authenticate(self.login_edit.text(), self.password_edit.text())
        except ContofficeError as error:
            self.password_edit.clear()
            self.password_edit.setFocus()
            self.show_error(str(error))
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, authenticate: Authenticate, last_login: str = ""
    ) -> Actor | None:
        """The operator who logged in, or None when the clerk gave up."""
        dialog = cls(parent, authenticate, last_login)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None


class FirstAdminDialog(_CredentialsDialog):
    """Name, login and password (twice) of the office's first administrator."""

    def __init__(self, parent: QWidget | None, create: CreateAdmin) -> None:
        super().__init__(parent, texts.FIRST_ADMIN_TITLE)
        self._create = create
        self.intro.setText(texts.FIRST_ADMIN_HINT)
        self.intro.show()
        self.name_edit = self._edit("name_edit", texts.NAME)
        self.login_edit = self._edit("login_edit", texts.LOGIN)
        self.password_edit = self._edit("password_edit", texts.PASSWORD, password=True)
        self.again_edit = self._edit("again_edit", texts.PASSWORD_AGAIN, password=True)

    def _submit(self) -> None:
        if self.password_edit.text() != self.again_edit.text():
            self.show_error(texts.PASSWORDS_DIFFER)
            return
        try:
            self.actor = self._create(
                self.name_edit.text(), self.login_edit.text(), self.password_edit.text()
            )
        except ContofficeError as error:
            self.show_error(str(error))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, create: CreateAdmin) -> Actor | None:
        """The administrator created, or None."""
        dialog = cls(parent, create)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
