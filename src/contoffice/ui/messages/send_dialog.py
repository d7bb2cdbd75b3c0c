"""Enviar e-mail (INV-E-5, INV-K-5): one message to one client, written or from a template.

Opened by *Enviar Boleto Individual*, *Enviar fatura* and the preview's *E-mail*. The
service fills it (`compose.start`); `send_flow` checks, saves the template and sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.message_vocab import TemplateScope
from contoffice.errors import ContofficeError
from contoffice.services.messaging import compose
from contoffice.services.messaging import templates_store as store
from contoffice.ui.context import WindowContext
from contoffice.ui.messages import send_labels as t
from contoffice.ui.messages.send_flow import SendFlow
from contoffice.ui.messages.send_parts import AttachmentList, PreviewView, WildcardList
from contoffice.ui.operations import Operation, show_error

W = TypeVar("W", bound=QWidget)


class SendDialog(SendFlow):
    """The seed's send screen; Enviar stays off until "Tem certeza" is ticked."""

    def __init__(self, parent: QWidget | None, ctx: WindowContext, start: compose.Compose,
                 templates: Sequence[store.Template]) -> None:
        super().__init__(parent)
        self._checked, self._error_labels = [], {}
        self.ctx, self.start = ctx, start
        self.operation: Operation | None = None
        self.setObjectName("send_message")
        self.setWindowTitle(t.TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.form = QFormLayout()
        self.to_edit = self._row(t.TO, QLineEdit(start.to, self), "to_edit")
        self.to_edit.setPlaceholderText(t.TO_HINT)
        self.cc_edit = self._row(t.CC, QLineEdit(start.cc, self), "cc_edit")
        self.account_combo = self._row(t.ACCOUNT, QComboBox(self), "account_combo")
        self.account_combo.addItems(list(start.accounts))  # the default account first
        self.form.setRowVisible(self.account_combo, len(start.accounts) > 1)
        self.template_combo = self._row(t.TEMPLATE, QComboBox(self), "template_combo")
        self.subject_edit = self._row(t.SUBJECT, QLineEdit(start.subject, self), "subject_edit")
        self.body_edit = self._row(t.BODY, QPlainTextEdit(start.body, self), "body_edit")
        self.body_edit.setMinimumHeight(200)
        self.attachments = self._row(t.ATTACHMENTS, AttachmentList(start.choices, self),
                                     "attachments_list")
        self.save_check = self._row("", QCheckBox(t.SAVE_AS_TEMPLATE, self), "save_check")
        self.template_name_edit = self._row(t.TEMPLATE_NAME, QLineEdit(self),
                                            "template_name_edit")
        self.template_name_edit.setEnabled(False)
        self.save_check.toggled.connect(self.template_name_edit.setEnabled)
        self.fill_templates(templates, start.template)
        self.template_combo.currentIndexChanged.connect(self.use_template)
        self._build_rest()

    def _row(self, label: str, widget: W, name: str) -> W:
        widget.setObjectName(name)
        self.form.addRow(label, widget)
        return widget

    def _build_rest(self) -> None:
        self.notice = QLabel(self)
        self.notice.setObjectName("notice_label")
        self.notice.setProperty("role", "error")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.wildcards = WildcardList(self)
        self.wildcards.itemDoubleClicked.connect(self.insert_wildcard)
        self.wildcards.setMinimumWidth(340)  # name and meaning readable side by side
        self._target: QLineEdit | QPlainTextEdit = self.body_edit
        for edit in (self.subject_edit, self.body_edit):
            edit.installEventFilter(self)
        self.confirm_check = QCheckBox(t.SURE, self)
        self.confirm_check.setObjectName("confirm_check")
        self.preview_button = self._button("preview_button", t.PREVIEW, self.preview)
        self.cancel_button = self._button("cancel_button", t.CANCEL, self.close)
        self.send_button = self._button("send_button", t.SEND, self.send)
        self.send_button.setEnabled(False)
        self.confirm_check.toggled.connect(self.send_button.setEnabled)
        side = QVBoxLayout()
        side.addWidget(QLabel(t.WILDCARDS, self))
        side.addWidget(self.wildcards, 1)
        columns = QHBoxLayout()
        columns.addLayout(self.form, 3)
        columns.addLayout(side, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(columns, 1)
        layout.addWidget(self.confirm_check)
        layout.addLayout(buttons)
        self.resize(1040, 700)

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A wildcard goes where the clerk was writing: the title or the body.
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit | QPlainTextEdit):
            self._target = watched
        return super().eventFilter(watched, event)

    # -- templates and wildcards -------------------------------------------------------
    def use_template(self, *_args: object) -> None:
        """Modelo chosen: its title and body replace what is written."""
        template = self.templates.get(self.template_combo.currentText())
        if template is not None:
            self.subject_edit.setText(template.subject)
            self.body_edit.setPlainText(template.body)

    def insert_wildcard(self, item: QListWidgetItem) -> None:
        """Double-click: the wildcard goes in at the cursor of the title or the body."""
        name = str(item.data(Qt.ItemDataRole.UserRole))
        if isinstance(self._target, QLineEdit):
            self._target.insert(name)
        else:
            self._target.insertPlainText(name)
        self._target.setFocus()

    # -- Pré-visualizar and Enviar -----------------------------------------------------
    def preview(self) -> PreviewView | None:
        """The message with the wildcards replaced, or what keeps it from being sent."""
        self.clear_problems()
        try:
            shown = compose.preview(self.ctx.db.uow(), self.start.person_id,
                                    self.start.invoice_ids, self.subject_edit.text(),
                                    self.body_edit.toPlainText())
        except ContofficeError as error:
            self.show_problem(error)
            return None
        view = PreviewView(self, shown.subject, shown.body)
        view.show()
        return view


def open_send_dialog(parent: QWidget | None, ctx: WindowContext, *,
                     invoice_ids: Sequence[int] = (), person_id: int | None = None,
                     access: bool = False, permission: str = "messages.send",
                     extra_attachments: Sequence[compose.Choice] = ()) -> SendDialog | None:
    """Open Enviar e-mail for a client, or for some of its invoices (their boletos ticked).

    `extra_attachments` are listed first (a tool's own document); the dialog is returned.
    """
    try:
        start = compose.start(ctx.db.uow(), ctx.actor, person_id=person_id,
                              invoice_ids=tuple(invoice_ids), access=access,
                              permission=permission, extra_attachments=extra_attachments)
        templates = store.list_templates(ctx.db.uow(), TemplateScope.INDIVIDUAL)
    except Exception as error:  # a refusal (or an outage) in the one standard dialog
        show_error(parent, error)
        return None
    dialog = SendDialog(parent, ctx, start, templates)
    dialog.permission = permission
    dialog.show()
    dialog.raise_()
    return dialog
