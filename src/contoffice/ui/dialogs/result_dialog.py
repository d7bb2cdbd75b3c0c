"""The result view of a mass tool: per row done or refused (seed message), and warnings."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contoffice.services.kernel.results import BatchResult, RowOutcome
from contoffice.ui.dialogs import labels as t

_REFUSED = QColor("#b3261e")
_WARNING = QColor("#8a5a00")


class ResultDialog(QDialog):
    """A table of outcomes; as a preview it asks whether to go on with the allowed rows."""

    def __init__(
        self, parent: QWidget | None, title: str, result: BatchResult, *, preview: bool
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 380)
        self.result, self.preview = result, preview
        done, refused = len(result.done), len(result.refused)
        if preview:
            text = (t.RESULT_PREVIEW if done else t.RESULT_NONE_ALLOWED).format(
                done=done, refused=refused
            )
        else:
            text = t.RESULT_SUMMARY.format(done=done, refused=refused)
        self.summary_label = QLabel(text, self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(len(result.outcomes), len(t.RESULT_COLUMNS), self)
        self.table.setObjectName("result_table")
        self.table.setHorizontalHeaderLabels(t.RESULT_COLUMNS)
        self.table.verticalHeader().hide()
        for row, outcome in enumerate(result.outcomes):
            self._fill(row, outcome)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(2, max(self.table.columnWidth(2), 420))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        if preview:
            cancel = QPushButton(t.CANCEL, self)
            cancel.setObjectName("cancel_button")
            cancel.clicked.connect(self.reject)
            buttons.addWidget(cancel)
            self.continue_button = QPushButton(t.CONTINUE, self)
            self.continue_button.setObjectName("continue_button")
            self.continue_button.setEnabled(bool(done))
            self.continue_button.clicked.connect(self.accept)
            buttons.addWidget(self.continue_button)
        else:
            close = QPushButton(t.CLOSE, self)
            close.setObjectName("close_button")
            close.clicked.connect(self.accept)
            buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _fill(self, row: int, outcome: RowOutcome) -> None:
        if outcome.done:
            state = t.RESULT_WILL_DO if self.preview else t.RESULT_DONE
        else:
            state = t.RESULT_WILL_REFUSE if self.preview else t.RESULT_REFUSED
        message = outcome.message or outcome.warning or ""
        values = (
            str(outcome.id),
            state,
            message,
            "" if outcome.new_id is None else str(outcome.new_id),
        )
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if not outcome.done:
                item.setForeground(_REFUSED)
            elif outcome.warning:
                item.setForeground(_WARNING)
            self.table.setItem(row, column, item)

    def messages(self) -> list[str]:
        """The message column, row by row (what the clerk reads)."""
        return [self.table.item(r, 2).text() for r in range(self.table.rowCount())]

    @classmethod
    def present(
        cls, parent: QWidget | None, title: str, result: BatchResult, *, preview: bool
    ) -> bool:
        """Show it modally; for a preview, True means "go on with the allowed rows"."""
        accepted = cls(parent, title, result, preview=preview).exec()
        return accepted == QDialog.DialogCode.Accepted
