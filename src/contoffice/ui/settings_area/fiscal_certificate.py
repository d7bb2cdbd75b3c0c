"""The A1 certificate box of Dados fiscais: who it is, until when, and installing a new one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.documents import format_document
from contoffice.core.format import format_date
from contoffice.errors import ContofficeError
from contoffice.services.fiscal import certificates
from contoffice.services.fiscal.certificates import CertificateInfo
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import error_text
from contoffice.ui.settings_area.form_fields import ERROR_STYLE

BOX = "Certificado digital A1"
INSTALL = "Instalar certificado A1…"
INSTALL_TITLE = "Instalar certificado A1"
FILE, PASSWORD, CHOOSE = "Arquivo (.pfx ou .p12)", "Senha do certificado", "Escolher…"
FILTER = "Certificado A1 (*.pfx *.p12);;Todos os arquivos (*)"
NONE = "Nenhum certificado instalado: as notas não podem ser assinadas."
SUBJECT, DOCUMENT, VALID = "Titular", "CNPJ", "Válido até"
EXPIRES = "Atenção: o certificado vence em {days} dia(s) ({date}). Providencie a renovação."
EXPIRED = "O certificado venceu em {date}: instale um certificado válido."
LOCKED = "Esta estação não tem a senha do certificado: informe-a para assinar as notas."
UNLOCK = "Informar senha do certificado…"
NO_FILE = "Escolha o arquivo do certificado."
UNREADABLE = "Não foi possível ler o arquivo do certificado."


class InstallDialog(QDialog):
    """The PKCS#12 file and its password; the service checks both before keeping anything."""

    def __init__(self, parent: QWidget | None, ctx: WindowContext) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(INSTALL_TITLE)
        self.setMinimumWidth(520)
        self.installed: CertificateInfo | None = None
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("path_edit")
        choose = QPushButton(CHOOSE, self)
        choose.setObjectName("choose_button")
        choose.clicked.connect(self.choose)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.install_button = QPushButton(texts.FINISH, self)
        self.install_button.setObjectName("install_button")
        self.install_button.clicked.connect(self.install)
        cancel = QPushButton("Cancelar", self)
        cancel.clicked.connect(self.reject)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(FILE, path_row)
        form.addRow(PASSWORD, self.password_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.install_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

    def choose(self) -> None:
        """Escolher…: the file dialog."""
        path, _ = QFileDialog.getOpenFileName(self, INSTALL_TITLE, "", FILTER)
        if path:
            self.path_edit.setText(path)

    def install(self) -> None:
        """Read the file and install it; a wrong password or file is said here, in red."""
        path = self.path_edit.text().strip()
        if not path:
            return self._error(NO_FILE)
        try:
            content = Path(path).read_bytes()
        except OSError:
            return self._error(UNREADABLE)
        try:
            with self.ctx.db.uow() as uow:
                self.installed = certificates.install(uow, self.ctx.actor, content,
                                                      self.password_edit.text())
        except ContofficeError as error:
            return self._error(error_text(error))
        self.accept()

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


class CertificateBox(QGroupBox):
    """Titular, CNPJ, validity, the red warning 30 days before it ends, and Instalar."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(BOX, parent)
        self.ctx = ctx
        self.setObjectName("certificate_box")
        self.subject_label, self.document_label, self.valid_label = (
            QLabel(self), QLabel(self), QLabel(self))
        for label, name in ((self.subject_label, "subject_label"),
                            (self.document_label, "document_label"),
                            (self.valid_label, "valid_label")):
            label.setObjectName(name)
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("certificate_warning")
        self.warning_label.setStyleSheet(ERROR_STYLE)
        self.warning_label.setWordWrap(True)
        self.install_button = QPushButton(INSTALL, self)
        self.install_button.setObjectName("install_certificate_button")
        self.install_button.clicked.connect(self.open_install)
        self.unlock_button = QPushButton(UNLOCK, self)
        self.unlock_button.setObjectName("unlock_certificate_button")
        self.unlock_button.clicked.connect(self.ask_password)
        self.unlock_button.hide()
        self.dialog: InstallDialog | None = None
        form = QFormLayout()
        form.addRow(SUBJECT, self.subject_label)
        form.addRow(DOCUMENT, self.document_label)
        form.addRow(VALID, self.valid_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.install_button)
        layout.addWidget(self.unlock_button)

    def show_info(self, info: CertificateInfo | None) -> None:
        """What the installed certificate says (or that there is none)."""
        warning = ""
        if info is None:
            shown = ("", "", "")
            warning = NONE
        else:
            until = format_date(info.not_after.date())
            shown = (info.subject, format_document(info.document), until)
            if info.days_left < 0:
                warning = EXPIRED.format(date=until)
            elif info.warn:
                warning = EXPIRES.format(days=info.days_left, date=until)
            elif not info.unlocked:
                warning = LOCKED
        for label, value in zip((self.subject_label, self.document_label, self.valid_label),
                                shown, strict=True):
            label.setText(value)
        self.warning_label.setText(warning)
        self.warning_label.setVisible(bool(warning))
        self.unlock_button.setVisible(info is not None and not info.unlocked)

    def ask_password(self) -> bool:
        """Informar senha…: a desk whose keyring lacks it gets it (a wrong one is refused)."""
        password, ok = QInputDialog.getText(self, UNLOCK.rstrip("…"), PASSWORD,
                                            QLineEdit.EchoMode.Password)
        if not ok:
            return False
        try:
            with self.ctx.db.uow() as uow:
                certificates.unlock(uow, password)
                info = certificates.info(uow)
        except ContofficeError as error:
            self.warning_label.setText(error_text(error))
            self.warning_label.show()
            return False
        self.show_info(info)  # the warning and the button go
        return True

    def open_install(self) -> InstallDialog:
        """Instalar certificado A1…: the dialog; the box is read again when it is done."""
        self.dialog = InstallDialog(self, self.ctx)
        self.dialog.accepted.connect(lambda: self.show_info(
            self.dialog.installed if self.dialog else None))
        self.dialog.open()
        return self.dialog
