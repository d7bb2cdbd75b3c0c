"""The report of a sending run: sent, failed (why), pending (why), interrupted; Continuar envio."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contoffice.services.messaging.dispatch import DispatchReport
from contoffice.ui.messages_area import labels as t


def _label(text: str, parent: QWidget, name: str) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def pending_notes(report: DispatchReport) -> list[str]:
    """Why messages were left pending or uncertain, in the clerk's words (no repeats)."""
    notes: list[str] = []
    if report.cancelled and report.pending:
        notes.append(t.CANCELLED.format(n=report.pending))
    elif report.pending:
        notes.append(t.LEFT_PENDING.format(n=report.pending))
    notes.extend(reason for reason in dict.fromkeys(report.stopped))
    if report.uncertain:
        notes.append(t.UNCERTAIN_HINT.format(n=report.uncertain))
    return notes


class SendReportDialog(QDialog):
    """Counts, the failures with the server's reason, why the rest waits; Continuar envio."""

    def __init__(self, parent: QWidget | None, report: DispatchReport) -> None:
        super().__init__(parent)
        self.report = report
        self.continued = False  # closed by Continuar envio
        self.setWindowTitle(t.REPORT_TITLE)
        self.setMinimumWidth(520)
        counts = QFormLayout()
        self.count_labels: dict[str, QLabel] = {}
        for key, caption, value in (("sent", t.SENT, report.sent),
                                    ("failed", t.FAILED, report.failed),
                                    ("pending", t.PENDING, report.pending),
                                    ("uncertain", t.UNCERTAIN, report.uncertain)):
            self.count_labels[key] = _label(str(value), self, f"{key}_count")
            counts.addRow(caption, self.count_labels[key])
        layout = QVBoxLayout(self)
        layout.addLayout(counts)
        self.notes = [_label(note, self, "pending_note") for note in pending_notes(report)]
        for note in self.notes:
            layout.addWidget(note)
        self.failures = QListWidget(self)
        self.failures.setObjectName("failures_list")
        self.failures.setWordWrap(True)  # a server's reason is read whole, not scrolled to
        self.failures.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.failures.addItems([t.FAILURE_LINE.format(code=code, reason=reason)
                                for code, reason in report.failures])
        self.failures.setVisible(bool(report.failures))
        layout.addWidget(self.failures)
        self.continue_button = QPushButton(t.CONTINUE, self)
        self.continue_button.setObjectName("continue_button")
        self.continue_button.setVisible(report.pending > 0)
        self.continue_button.clicked.connect(self._continue)
        self.close_button = QPushButton(t.CLOSE, self)
        self.close_button.setObjectName("close_button")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    def note_texts(self) -> list[str]:
        """What the report says about the messages that did not go (tests read it)."""
        return [note.text() for note in self.notes]

    def failure_texts(self) -> list[str]:
        """The failures as listed."""
        return [self.failures.item(i).text() for i in range(self.failures.count())]

    def _continue(self) -> None:
        self.continued = True
        self.accept()
