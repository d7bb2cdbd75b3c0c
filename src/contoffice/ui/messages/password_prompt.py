"""Asking the clerk for a sending account's password the keyring does not have (yet)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.secrets import STORE
from contoffice.errors import ContofficeError
from contoffice.services.messaging import accounts
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import show_error

TITLE = "Senha da conta de envio"
ASK = "Informe a senha da conta de envio {name} (usuário {user})."
KEPT = "A senha fica guardada no cofre de senhas deste computador."
SESSION_ONLY = ("Este computador não tem cofre de senhas: a senha fica guardada só durante "
                "esta sessão e será pedida de novo da próxima vez que o programa for aberto.")
PASSWORD = "Senha:"
OK = "OK"
CANCEL = "Cancelar"


class PasswordDialog(QDialog):
    """One password field, OK (enabled once something is typed) and Cancelar."""

    def __init__(self, parent: QWidget | None, name: str, user: str, *,
                 session_only: bool) -> None:
        super().__init__(parent)
        self.setObjectName("password_dialog")
        self.setWindowTitle(TITLE)
        self.setMinimumWidth(420)
        intro = QLabel(ASK.format(name=name, user=user), self)
        intro.setObjectName("intro_label")
        intro.setWordWrap(True)
        self.where = QLabel(SESSION_ONLY if session_only else KEPT, self)
        self.where.setObjectName("where_label")
        self.where.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("password_edit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.ok_button = QPushButton(OK, self)
        self.ok_button.setObjectName("ok_button")
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(False)
        cancel = QPushButton(CANCEL, self)
        cancel.setObjectName("cancel_button")
        row = QHBoxLayout()
        row.addWidget(QLabel(PASSWORD, self))
        row.addWidget(self.password, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.where)
        layout.addLayout(buttons)
        self.password.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))
        self.ok_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)


def ask_and_remember(parent: QWidget | None, ctx: WindowContext, account_id: int,
                     name: str, user: str) -> bool:
    """Ask the password of one account and keep it; False when the clerk cancels."""
    dialog = PasswordDialog(parent, name, user, session_only=not STORE.keyring_available())
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.password.text():
        return False
    try:
        accounts.remember_password(ctx.db, account_id, dialog.password.text())
    except ContofficeError as error:
        show_error(parent, error)
        return False
    return True


def ensure_password(parent: QWidget | None, ctx: WindowContext, account_name: str | None) -> bool:
    """Make sure the account (the default one when None) can log in; False if it cannot.

    An account without a user needs no password; a refusal (no such account, inactive)
    is shown here and answers False.
    """
    try:
        with ctx.db.uow() as uow:
            row = accounts.find_account(uow, account_name)
            account_id, name, user = row.id, row.name, row.username
            missing = bool(user) and accounts.password(row) is None
    except ContofficeError as error:
        show_error(parent, error)
        return False
    if not missing:
        return True
    return ask_and_remember(parent, ctx, account_id, name, user)
