"""The first step: what to import (clients or contracts) and which spreadsheet."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contoffice.ui.people_import import labels as t
from contoffice.ui.people_import.kinds import KINDS, ImportKind


class FilePage(QWidget):
    """What to import, and the path of the spreadsheet (Escolher… opens the file dialog)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = QLineEdit(self)
        self.path.setObjectName("file_path")
        choose = QPushButton(t.CHOOSE, self)
        choose.setObjectName("choose_button")
        choose.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(QLabel(t.FILE, self))
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind_combo")
        for kind in KINDS:
            self.kind_combo.addItem(kind.label, kind.key)
        what = QHBoxLayout()
        what.addWidget(QLabel(t.WHAT, self))
        what.addWidget(self.kind_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(t.STEP_FILE, self))
        layout.addLayout(what)
        layout.addLayout(row)
        layout.addStretch(1)

    @property
    def kind(self) -> ImportKind:
        """What the clerk chose to import."""
        return KINDS[max(0, self.kind_combo.currentIndex())]

    def choose(self) -> None:
        """Escolher…: the file dialog, starting where the typed path points."""
        path, _chosen = QFileDialog.getOpenFileName(self, t.TITLE, self.path.text(), t.OPEN_FILTER)
        if path:
            self.path.setText(path)
