"""Step 3: the first administrator (only for a database nobody can log in to yet)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget, QWizardPage

from contoffice.services.admin.operators import SYSTEM_LOGIN
from contoffice.services.kernel import messages
from contoffice.ui.first_run import labels as t
from contoffice.ui.first_run.plan import AdminData

MIN_PASSWORD = 6  # the service's own rule (operators._check_password), said before Concluir


class AdminStep(QWizardPage):
    """Name, login and the password typed twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(t.ADMIN_TITLE)
        self.setSubTitle(t.ADMIN_HINT)
        form = QFormLayout()
        self.name_edit = self._edit(form, "admin_name_edit", t.ADMIN_NAME)
        self.login_edit = self._edit(form, "admin_login_edit", t.LOGIN)
        self.password_edit = self._edit(form, "admin_password_edit", t.PASSWORD, secret=True)
        self.again_edit = self._edit(form, "admin_again_edit", t.AGAIN, secret=True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("admin_error")
        self.error_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def _edit(self, form: QFormLayout, name: str, label: str, *, secret: bool = False
              ) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(label, edit)
        return edit

    def data(self) -> AdminData:
        """The administrator as typed."""
        return AdminData(self.name_edit.text().strip(), self.login_edit.text().strip(),
                         self.password_edit.text())

    def problem(self) -> str:
        """What keeps Avançar from going on ("" when nothing)."""
        admin = self.data()
        if not admin.name:
            return t.REQUIRED.format(field=t.ADMIN_NAME.lower())
        if not admin.login:
            return t.REQUIRED.format(field=t.LOGIN.lower())
        if admin.login == SYSTEM_LOGIN:
            return messages.LOGIN_RESERVED.format(login=SYSTEM_LOGIN)
        if len(admin.password) < MIN_PASSWORD:
            return messages.PASSWORD_TOO_SHORT.format(length=MIN_PASSWORD)
        if admin.password != self.again_edit.text():
            return t.PASSWORDS_DIFFER
        return ""

    def validatePage(self) -> bool:
        """Avançar: the refusal under the fields, the page stays."""
        problem = self.problem()
        self.error_label.setText(problem)
        return not problem
