"""Enviar of the send dialog: the password, the template to keep, the message in a worker.

The SMTP conversation blocks, so `compose.send_message` runs on the operation runner;
the outcome comes back to the GUI thread and is said in pt-BR. `SendFlow` is the base
of `SendDialog`, which builds the widgets declared here.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)

from contoffice.core.message_vocab import MessageChannel, TemplateScope
from contoffice.core.progress import Progress, check_cancelled
from contoffice.errors import ContofficeError, DatabaseUnavailable, InvalidInput
from contoffice.services.admin.setup import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.results import Changes
from contoffice.services.messaging import compose
from contoffice.services.messaging import templates_store as store
from contoffice.services.messaging.dispatch import DispatchReport
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs.field_errors import FieldErrors
from contoffice.ui.messages import send_labels as t
from contoffice.ui.messages.password_prompt import ensure_password
from contoffice.ui.messages.send_parts import AttachmentList
from contoffice.ui.operations import Operation, show_error


def send_job(progress: Progress, *, db: Database, actor: Actor,
             message: compose.Outgoing) -> tuple[int, DispatchReport]:
    """The worker's part: queue the message and talk to the server."""
    check_cancelled(progress)  # cancelled before it began: nothing queued
    return compose.send_message(db, actor, message)


class SendFlow(FieldErrors):
    """Checking, keeping the template, sending and saying the outcome."""

    ctx: WindowContext
    start: compose.Compose
    notice: QLabel
    to_edit: QLineEdit
    cc_edit: QLineEdit
    account_combo: QComboBox
    subject_edit: QLineEdit
    body_edit: QPlainTextEdit
    attachments: AttachmentList
    save_check: QCheckBox
    template_name_edit: QLineEdit
    confirm_check: QCheckBox
    send_button: QPushButton
    operation: Operation | None
    permission: str = "messages.send"
    template_combo: QComboBox
    templates: dict[str, store.Template]

    def fill_templates(self, templates: Sequence[store.Template], current: str) -> None:
        """The set's templates in the combo, `current` chosen (subject and body untouched)."""
        self.templates = {template.name: template for template in templates}
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        self.template_combo.addItems(list(self.templates))
        self.template_combo.setCurrentText(current)
        self.template_combo.blockSignals(False)

    # -- what is wrong -----------------------------------------------------------------
    def show_problem(self, error: ContofficeError) -> None:
        """A refusal beside the field it names, else at the top of the dialog."""
        fields = {t.TO: self.to_edit, t.CC: self.cc_edit, t.SUBJECT: self.subject_edit,
                  "Assunto": self.subject_edit, t.BODY: self.body_edit,
                  t.TEMPLATE_NAME: self.template_name_edit}
        widget = fields.get(error.field or "") if isinstance(error, InvalidInput) else None
        if widget is None:
            self.notice.setText(str(error))
            self.notice.show()
            return
        self.set_error(widget, str(error))
        widget.setFocus()

    def clear_problems(self) -> None:
        """Forget the messages of the last attempt."""
        for widget in list(self._error_labels):
            self.set_error(widget, None)
        self.notice.hide()

    # -- Enviar ------------------------------------------------------------------------
    def outgoing(self) -> compose.Outgoing:
        """What the clerk wrote and ticked."""
        return compose.Outgoing(
            person_id=self.start.person_id, to=self.to_edit.text(), cc=self.cc_edit.text(),
            subject=self.subject_edit.text(), body=self.body_edit.toPlainText(),
            attachments=self.attachments.chosen(), invoice_ids=self.start.invoice_ids,
            account=self.account_combo.currentText() or None, permission=self.permission)

    def save_template(self) -> bool:
        """"Deseja salvar esse e-mail como modelo": keep it in the individual set."""
        name = self.template_name_edit.text().strip()
        template = store.Template(name, TemplateScope.INDIVIDUAL, MessageChannel.EMAIL,
                                  self.subject_edit.text(), self.body_edit.toPlainText())
        try:
            store.save_template(self.ctx.db.uow(), self.ctx.actor, template)
            self.fill_templates(
                store.list_templates(self.ctx.db.uow(), TemplateScope.INDIVIDUAL), name)
        except ContofficeError as error:
            self.show_problem(error)
            return False
        self.ctx.notify(t.TEMPLATE_SAVED.format(name=name))
        return True

    def send(self) -> Operation | None:
        """Enviar: the password, the template if asked, then the message in a worker."""
        if not self.confirm_check.isChecked():
            return None
        self.clear_problems()
        message = self.outgoing()
        if not ensure_password(self, self.ctx, message.account):
            return None
        if self.save_check.isChecked() and not self.save_template():
            return None
        job = partial(send_job, db=self.ctx.db, actor=self.ctx.actor, message=message)
        operation = Operation(self, job, title=t.SENDING)
        operation.on_success(lambda result: self.finished(message, result[1]))
        operation.on_error(self.refused)
        operation.finished.connect(
            lambda: self.send_button.setEnabled(self.confirm_check.isChecked()))
        if not operation.run():
            self.ctx.notify(texts.ALREADY_RUNNING)
            return None
        self.send_button.setEnabled(False)  # one click, one message
        self.operation = operation
        return operation

    def finished(self, message: compose.Outgoing, report: DispatchReport) -> None:
        """Say what happened; a sent message closes the dialog."""
        # Sent or failed, the message is in the log: the client's page shows it.
        self.ctx.changes.publish(Changes(messages=True, person_ids=frozenset(
            {message.person_id})), self)
        if report.sent:
            text = t.SENT.format(to=message.to.strip())
            self.ctx.notify(text)
            QMessageBox.information(self.parentWidget(), t.TITLE, text)
            self.close()
            return
        if report.failures:
            text = t.NOT_SENT.format(reason=report.failures[0][1])
        elif report.uncertain:
            text = t.INTERRUPTED
        else:
            text = t.NOT_SENT_YET.format(reason=" ".join(report.stopped))
        QMessageBox.warning(self, t.TITLE, text)

    def refused(self, error: BaseException) -> None:
        """A field the service refused is marked; anything else in the standard dialog."""
        if isinstance(error, ContofficeError) and not isinstance(error, DatabaseUnavailable):
            self.show_problem(error)
        else:
            show_error(self, error)
