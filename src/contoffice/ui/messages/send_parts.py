"""Pieces of the send dialog: the wildcard list, the attachments to tick, the preview."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from contoffice.services.messaging.compose import Choice
from contoffice.services.messaging.templates_store import WILDCARDS
from contoffice.ui.messages import send_labels as t

Descriptor = dict[str, object]
NAME_ROLE = Qt.ItemDataRole.UserRole


class WildcardList(QListWidget):
    """The seed's wildcards with what each means; the dialog inserts the one double-clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wildcards_list")
        self.setToolTip(t.WILDCARDS_HINT)
        for name, description in WILDCARDS.items():
            item = QListWidgetItem(f"{name}  {description}", self)
            item.setData(NAME_ROLE, name)
            item.setToolTip(description)

    def names(self) -> list[str]:
        """The wildcards listed, in order."""
        return [str(self.item(row).data(NAME_ROLE)) for row in range(self.count())]

    def item_of(self, name: str) -> QListWidgetItem:
        """The row of one wildcard."""
        return self.item(self.names().index(name))


class AttachmentList(QListWidget):
    """Boletos, receipts and archive files of the client, each with a check box."""

    def __init__(self, choices: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachments_list")
        self._descriptors: list[Descriptor] = []
        for choice in choices:
            item = QListWidgetItem(choice.label, self)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if choice.checked
                               else Qt.CheckState.Unchecked)
            self._descriptors.append(dict(choice.descriptor))
        self.setMaximumHeight(120)

    def labels(self, *, checked_only: bool = False) -> list[str]:
        """The captions listed (only the ticked ones when asked)."""
        return [self.item(row).text() for row in range(self.count())
                if not checked_only or self.item(row).checkState() == Qt.CheckState.Checked]

    def set_checked(self, label: str, checked: bool) -> None:
        """Tick (or untick) the attachment with this caption."""
        row = self.labels().index(label)
        self.item(row).setCheckState(Qt.CheckState.Checked if checked
                                     else Qt.CheckState.Unchecked)

    def chosen(self) -> tuple[Descriptor, ...]:
        """The descriptors of the ticked attachments, in the order listed."""
        return tuple(self._descriptors[row] for row in range(self.count())
                     if self.item(row).checkState() == Qt.CheckState.Checked)


class PreviewView(QDialog):
    """The message as the client will read it (read only)."""

    def __init__(self, parent: QWidget | None, subject: str, body: str) -> None:
        super().__init__(parent)
        self.setObjectName("message_preview")
        self.setWindowTitle(t.PREVIEW_TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.subject_label = QLabel(t.PREVIEW_SUBJECT.format(subject=subject), self)
        self.subject_label.setObjectName("preview_subject")
        self.subject_label.setWordWrap(True)
        self.body_view = QPlainTextEdit(body, self)
        self.body_view.setObjectName("preview_body")
        self.body_view.setReadOnly(True)
        buttons = QDialogButtonBox(self)
        buttons.addButton(t.CLOSE, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject_label)
        layout.addWidget(self.body_view, 1)
        layout.addWidget(buttons)
        self.resize(560, 460)
