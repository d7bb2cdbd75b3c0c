"""A list of sending accounts (or gateways) with Novo / Editar / Testar; the form in a dialog."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.secrets import STORE
from contoffice.errors import ContofficeError
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import Operation, error_text, show_error
from contoffice.ui.settings_area import sending_texts as t
from contoffice.ui.settings_area.form_dialog import FormDialog
from contoffice.ui.settings_area.form_fields import FieldForm
from contoffice.ui.settings_area.list_table import ListTable


class KeyringNotice:
    """Says once per window that this desk keeps secrets only while the program is open."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, parent: QWidget) -> None:
        if self.shown or STORE.keyring_available():
            return
        self.shown = True
        QMessageBox.information(parent, t.NO_KEYRING_TITLE, t.NO_KEYRING)


def ask_text(parent: QWidget, title: str, label: str, default: str = "") -> str | None:
    """One line typed by the clerk; None when cancelled or left empty."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("ask_text_dialog")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(default)
    dialog.setOkButtonText(t.OK)
    dialog.setCancelButtonText(t.CANCEL)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.textValue().strip() or None


class RecordPage(QWidget):
    """Subclasses name the columns and buttons, and give rows, form, save and test."""

    columns: Sequence[str] = ()
    new_text = new_title = edit_title = test_text = ""

    def __init__(self, ctx: WindowContext, notice: KeyringNotice,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.notice = ctx, notice
        self.editor: FormDialog | None = None
        self.records: dict[int, Any] = {}  # what `rows` read, by id
        self.last_operation: Operation | None = None
        self.table = ListTable(self.columns, self)
        self.new_button = self._button("new_button", self.new_text, self.new)
        self.edit_button = self._button("edit_button", t.EDIT, self.edit)
        self.test_button = self._button("test_button", self.test_text, self.test)
        self.status = QLabel(self)
        self.status.setObjectName("status_label")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.new_button, self.edit_button, self.test_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.refresh()

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- what each page defines (MailAccountsPage, SmsGatewaysPage) ------------------------
    # rows: the table's rows (id, cells), read from the service; make_form: a form showing
    # the record (None: a new one); save_form: hand the form to the service, the record's
    # id; test_job: ask what the test needs, the worker's job (plain values), None if cancelled.
    rows: Callable[[], list[tuple[int, Sequence[str]]]]
    make_form: Callable[[int | None], FieldForm]
    save_form: Callable[[Any, int | None], int]
    test_job: Callable[[int], Callable[[Any], str] | None]

    # -- the page -------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        """Reload the list (F5)."""
        try:
            rows = self.rows()
        except ContofficeError as error:
            show_error(self, error)
            return
        self.table.fill(rows, select_id)
        self._enable()

    def _enable(self) -> None:
        chosen = self.table.current_id() is not None
        self.edit_button.setEnabled(chosen)
        self.test_button.setEnabled(chosen)

    def new(self) -> None:
        """Novo: an empty form."""
        self._open(None)

    def edit(self) -> None:
        """Editar the selected row."""
        record_id = self.table.current_id()
        if record_id is not None:
            self._open(record_id)

    def _open(self, record_id: int | None) -> None:
        form = self.make_form(record_id)
        title = self.new_title if record_id is None else self.edit_title
        dialog = FormDialog(self, title, form, lambda: self.save_form(form, record_id))
        dialog.accepted.connect(lambda: self._saved(dialog.saved_id))
        dialog.finished.connect(dialog.deleteLater)
        self.editor = dialog
        self.status.clear()
        dialog.open()  # window-modal, without blocking: the page goes on living

    def _saved(self, record_id: int | None) -> None:
        self.editor = None
        self.refresh(record_id)
        self.status.setText(t.SAVED)
        self.notice(self)

    def test(self) -> Operation | None:
        """Testar: ask, then run the blocking test off the GUI thread."""
        record_id = self.table.current_id()
        if record_id is None:
            self.status.setText(t.SELECT_FIRST)
            return None
        job = self.test_job(record_id)
        if job is None:
            return None
        self.status.clear()
        operation = Operation(self, job, title=self.test_text)
        operation.on_success(self._tested)
        operation.on_error(self._test_failed)
        self.last_operation = operation
        operation.run()
        return operation

    def _tested(self, outcome: str) -> None:
        self.status.setText(outcome)
        QMessageBox.information(self, t.TEST_RESULT_TITLE, outcome)

    def _test_failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
        show_error(self, error)
