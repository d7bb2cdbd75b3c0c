"""Configurações → Motivos de Suspensão: the list suspension dialogs offer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contoffice.errors import ContofficeError
from contoffice.services.admin import suspension_reasons as reasons
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import show_error
from contoffice.ui.settings_area.list_table import ListTable


class ReasonsPage(QWidget):
    """The reasons (never deleted, only deactivated), a text field, Adicionar and Salvar."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reasons_page")
        self.table = ListTable(texts.REASON_COLUMNS, self)
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("reason_edit")
        self.text_edit.setMaxLength(120)
        self.active_check = QCheckBox(texts.ACTIVE, self)
        self.active_check.setObjectName("active_check")
        self.active_check.setChecked(True)
        self.add_button = QPushButton(texts.ADD, self)
        self.add_button.setObjectName("add_button")
        self.save_button = QPushButton(texts.SAVE_CHANGES, self)
        self.save_button.setObjectName("save_button")
        self.status = QLabel(self)
        self.status.setObjectName("status_label")
        row = QHBoxLayout()
        row.addWidget(self.text_edit, 1)
        row.addWidget(self.active_check)
        row.addWidget(self.add_button)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.add_button.clicked.connect(lambda: self.save(new=True))
        self.save_button.clicked.connect(lambda: self.save(new=False))
        self.table.itemSelectionChanged.connect(self._selected)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        """Reload the reasons."""
        try:
            rows = reasons.list_reasons(self.ctx.db.uow())
        except ContofficeError as error:
            show_error(self, error)
            return
        self._rows = {r.id: r for r in rows}
        self.table.fill([(r.id, (r.text, texts.YES if r.active else texts.NO)) for r in rows],
                        select_id)
        self.save_button.setEnabled(self.table.current_id() is not None)

    def _selected(self) -> None:
        reason = self._rows.get(self.table.current_id() or 0)
        self.save_button.setEnabled(reason is not None)
        if reason is not None:
            self.text_edit.setText(reason.text)
            self.active_check.setChecked(reason.active)

    def save(self, *, new: bool) -> None:
        """Adicionar a new reason, or Salvar the selected one's text and state."""
        reason_id = None if new else self.table.current_id()
        try:
            with self.ctx.db.uow() as uow:
                saved = reasons.save_reason(uow, self.ctx.actor, self.text_edit.text(),
                                            reason_id=reason_id,
                                            active=self.active_check.isChecked())
        except ContofficeError as error:
            self.status.setText(str(error))
            return
        self.status.setText(texts.SAVED)
        self.refresh(saved)
