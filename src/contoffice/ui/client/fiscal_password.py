"""Asking for the A1 certificate's password on a desk whose keyring does not have it (yet)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from contoffice.core.documents import format_document
from contoffice.core.secrets import STORE
from contoffice.errors import ContofficeError
from contoffice.services.fiscal import certificates
from contoffice.ui import operations
from contoffice.ui.context import WindowContext
from contoffice.ui.messages.password_prompt import PasswordDialog

TITLE = "Senha do certificado A1"
ASK = ("Para assinar as notas, informe a senha do certificado A1 de {subject} "
       "(CNPJ {document}).")


class CertificatePasswordDialog(PasswordDialog):
    """The sending-password dialog, worded for the certificate."""

    def __init__(self, parent: QWidget | None, subject: str, document: str) -> None:
        super().__init__(parent, subject, "", session_only=not STORE.keyring_available())
        self.setObjectName("certificate_password_dialog")
        self.setWindowTitle(TITLE)
        intro = self.findChild(QLabel, "intro_label")
        if intro is not None:
            intro.setText(ASK.format(subject=subject, document=format_document(document)))


def certificate_ready(parent: QWidget | None, ctx: WindowContext) -> bool:
    """True when notes can be signed here; asks the password once if this desk lacks it.

    No certificate at all is left to the service, which says so in pt-BR; a wrong
    password is shown and asked again; Cancelar answers False.
    """
    try:
        with ctx.db.uow() as uow:
            found = certificates.info(uow)
    except ContofficeError as error:
        operations.show_error(parent, error)
        return False
    if found is None or found.unlocked:
        return True
    while True:
        dialog = CertificatePasswordDialog(parent, found.subject, found.document)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.password.text():
            return False
        try:
            with ctx.db.uow() as uow:
                certificates.unlock(uow, dialog.password.text())
            return True
        except ContofficeError as error:
            operations.show_error(parent, error)
