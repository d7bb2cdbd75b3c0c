"""Step 1: the embedded file in the user data folder, or a PostgreSQL server (Testar conexão)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from contoffice import config
from contoffice.services.admin.connection_check import (
    CheckResult,
    Target,
    check,
    file_of,
    with_password,
)
from contoffice.services.admin.first_run import DatabaseState, database_state
from contoffice.ui.first_run import labels as t
from contoffice.ui.operations import Operation, error_text

DEFAULT_PORT = 5432
T = TypeVar("T")


class DatabaseStep(QWizardPage):
    """Where the office's data lives; Avançar reads what the chosen database already holds."""

    def __init__(self, current_url: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(t.DATABASE_TITLE)
        self.setSubTitle(t.DATABASE_HINT)
        # Reopened on an SQLite file: that file is "the embedded one" (the default otherwise).
        is_file = current_url is not None and not config.is_postgresql(current_url)
        self.embedded_url = current_url if is_file and current_url else (
            config.default_database_url())
        self.embedded_radio = QRadioButton(t.EMBEDDED, self)
        self.embedded_radio.setObjectName("embedded_radio")
        self.embedded_label = QLabel(t.EMBEDDED_AT.format(path=file_of(self.embedded_url)), self)
        self.embedded_label.setWordWrap(True)
        self.server_radio = QRadioButton(t.SERVER, self)
        self.server_radio.setObjectName("server_radio")
        self.server_box = QWidget(self)
        form = QFormLayout(self.server_box)
        self.host_edit = self._edit(form, "host_edit", t.HOST)
        self.port_spin = QSpinBox(self.server_box)
        self.port_spin.setObjectName("port_spin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        form.addRow(t.PORT, self.port_spin)
        self.database_edit = self._edit(form, "database_edit", t.DATABASE)
        self.database_edit.setText(config.APP_NAME)
        self.user_edit = self._edit(form, "user_edit", t.USER)
        self.password_edit = self._edit(form, "password_edit", t.PASSWORD)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = QPushButton(t.TEST, self.server_box)
        self.test_button.setObjectName("test_button")
        self.test_button.clicked.connect(self.test_connection)
        form.addRow("", self.test_button)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("connection_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        for widget in (self.embedded_radio, self.embedded_label, self.server_radio,
                       self.server_box, self.result_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.embedded_radio.toggled.connect(self._switch)
        self.last_check: tuple[Target, CheckResult] | None = None
        self.state = DatabaseState()
        self.operation: Operation | None = None
        if current_url is not None and config.is_postgresql(current_url):
            self._fill(current_url)
            self.server_radio.setChecked(True)
        else:
            self.embedded_radio.setChecked(True)
        self._switch()

    def _edit(self, form: QFormLayout, name: str, label: str) -> QLineEdit:
        edit = QLineEdit(self.server_box)
        edit.setObjectName(name)
        form.addRow(label, edit)
        return edit

    def _fill(self, url: str) -> None:
        parts = Target.from_url(url, DEFAULT_PORT)
        self.host_edit.setText(parts.host)
        self.port_spin.setValue(parts.port)
        self.database_edit.setText(parts.database)
        self.user_edit.setText(parts.user)
        self.password_edit.setText(parts.password or config.keyring_password(url) or "")

    def _switch(self) -> None:
        self.server_box.setEnabled(self.server_radio.isChecked())
        self.result_label.clear()

    def uses_server(self) -> bool:
        """Whether a PostgreSQL server was chosen."""
        return self.server_radio.isChecked()

    def target(self) -> Target:
        """The server's fields as typed."""
        return Target(self.host_edit.text().strip(), self.port_spin.value(),
                      self.database_edit.text().strip(), self.user_edit.text().strip(),
                      self.password_edit.text())

    def url(self) -> str:
        """The URL to save (never with the password)."""
        return self.target().url() if self.uses_server() else self.embedded_url

    def password(self) -> str:
        """The server's password ("" for the embedded file)."""
        return self.password_edit.text() if self.uses_server() else ""

    def where(self) -> str:
        """The choice in words, for the summary."""
        if not self.uses_server():
            return file_of(self.embedded_url)
        target = self.target()
        return f"PostgreSQL {target.user}@{target.host}:{target.port}/{target.database}"

    def _missing(self) -> str:
        target = self.target()
        for value, label in ((target.host, t.HOST), (target.database, t.DATABASE),
                             (target.user, t.USER)):
            if not value:
                return t.REQUIRED.format(field=label.lower())
        return ""

    def test_connection(self) -> None:
        """Testar conexão, off the GUI thread (an unreachable address waits its timeout)."""
        missing = self._missing()
        if missing:
            self.show_result(missing)
            return
        target = self.target()
        self.result_label.setText(t.TESTING)
        self.test_button.setEnabled(False)
        self.operation = Operation(self, lambda _p: check(target), title=t.TEST)
        self.operation.on_success(lambda result: self._tested(target, result))
        self.operation.on_error(lambda error: self._tested_badly(error))
        self.operation.run()

    def _tested(self, target: Target, result: CheckResult) -> None:
        self.test_button.setEnabled(True)
        self.last_check = (target, result)
        self.show_result(result.message)

    def _tested_badly(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.show_result(error_text(error))

    def show_result(self, message: str) -> None:
        """The sentence under the fields."""
        self.result_label.setText(message)

    def validatePage(self) -> bool:
        """Avançar: a server must answer; then read what the database already holds."""
        if self.uses_server():
            missing = self._missing()
            if missing:
                self.show_result(missing)
                return False
            target = self.target()
            tested = self.last_check
            if tested is None or tested[0] != target or not tested[1].ok:
                result = _waiting(lambda: check(target))
                self.last_check = (target, result)
                self.show_result(result.message)
                if not result.ok:
                    return False
        probe = self.url()
        if self.uses_server() and self.password():
            probe = with_password(probe, self.password())
        try:
            self.state = _waiting(lambda: database_state(probe))
        except Exception as error:  # a damaged file, a server that refuses the read
            self.show_result(error_text(error))
            return False
        return True


def _waiting(fn: Callable[[], T]) -> T:
    """A short read on the GUI thread, under the wait cursor."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return fn()
    finally:
        QApplication.restoreOverrideCursor()
