"""Banco de Imagens / Anexar arquivos / Arquivo permanente (INV-D-10, D-12, E-15, R-1..4).

The list of a client's files (narrowed to a contract or an invoice when
opened from those pages): open, add, save a copy, remove with justification.
Every read and write runs on the operation runner; the slots only ask and hand over.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.format import format_datetime
from contoffice.services.attachments import files as attachments
from contoffice.services.attachments.files import AttachmentRow
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.simple_dialogs import TextDialog
from contoffice.ui.operations import Operation

HEADERS = ("Arquivo", "Categoria", "Tamanho", "Enviado por", "Em", "Vínculo")
ALL_FILES = "Todos os arquivos do cliente"
SEARCH = "Procurar por nome ou categoria"
CATEGORY = "Categoria do arquivo:"
REMOVE_TITLE = "Remover anexo"
COUNT = "{n} arquivo(s)"


@dataclass(frozen=True, slots=True)
class AttachmentScope:
    """Whose files: the client, or one of its contracts or invoices; and how to name them."""

    person_id: int
    contract_id: int | None = None
    invoice_id: int | None = None
    title: str = "Banco de Imagens"
    categories: tuple[str, ...] = attachments.ARCHIVE_CATEGORIES
    person_only: bool = False  # Arquivo permanente: the client's own documents only

    @property
    def narrowed(self) -> bool:
        """True when the scope is one contract or one invoice."""
        return self.contract_id is not None or self.invoice_id is not None

    def attach_key(self) -> str:
        """The permission that adding and removing here needs (the service checks it too)."""
        return "invoices.images" if self.invoice_id is not None else "contracts.attach"


# -- hooks the tests replace ---------------------------------------------------------
def open_file(path: Path) -> None:
    """Hand a file to the desktop's viewer."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def pick_file(parent: QWidget) -> Path | None:
    """The file to attach, or None."""
    name, _filter = QFileDialog.getOpenFileName(parent, parent.windowTitle())
    return Path(name) if name else None


def pick_target(parent: QWidget, filename: str) -> Path | None:
    """Where to save a copy, or None."""
    name, _filter = QFileDialog.getSaveFileName(parent, parent.windowTitle(), filename)
    return Path(name) if name else None


def ask_category(parent: QWidget, categories: Sequence[str]) -> str | None:
    """A category from the list, or typed; None when cancelled."""
    text, ok = QInputDialog.getItem(
        parent, parent.windowTitle(), CATEGORY, list(categories), 0, True
    )
    return text.strip() if ok else None


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024**2:
        return f"{size / 1024:.1f} KB".replace(".", ",")
    return f"{size / 1024**2:.1f} MB".replace(".", ",")


def _link(row: AttachmentRow) -> str:
    if row.contract_id is not None:
        return f"Contrato {row.contract_id}"
    return f"Fatura {row.invoice_id}" if row.invoice_id is not None else "Cliente"


class AttachmentsDialog(QDialog):
    """The files of one scope, with Abrir, Adicionar, Salvar cópia and Remover."""

    def __init__(self, parent: QWidget, ctx: WindowContext, scope: AttachmentScope) -> None:
        super().__init__(parent)
        self.ctx, self.scope = ctx, scope
        self.setObjectName("attachments_dialog")
        self.setWindowTitle(scope.title)
        self.resize(820, 420)
        self.rows: list[AttachmentRow] = []
        self.operation: Operation | None = None
        self._running = 0
        self.all_check = QCheckBox(ALL_FILES, self)
        self.all_check.setObjectName("all_check")
        # Seeing every file of the client is the contracts' Banco de Imagens permission.
        self.all_check.setVisible(scope.narrowed and ctx.actor.can("contracts.images"))
        self.all_check.toggled.connect(self.reload)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(SEARCH)
        self.search_edit.textChanged.connect(self._filter)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("files_table")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        can_change = ctx.actor.can(scope.attach_key())
        self.open_button = self._button("Abrir", "open_button", self.open_selected)
        self.add_button = self._button("Adicionar", "add_button", self.add, can_change)
        self.save_button = self._button("Salvar cópia", "save_button", self.save_copy)
        self.remove_button = self._button("Remover", "remove_button", self.remove, can_change)
        close = self._button(t.CLOSE, "close_button", self.accept)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.all_check)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.add_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._enable()
        self.reload()

    def _button(
        self, text: str, name: str, slot: Callable[[], None], visible: bool = True
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setVisible(visible)
        button.clicked.connect(slot)
        return button

    # -- what the slots hand to the runner -------------------------------------------
    def _run(self, fn: Callable[[], Any], then: Callable[[Any], None]) -> None:
        operation = Operation(self, lambda _progress: fn(), title=self.scope.title)
        operation.on_success(then)
        if operation.run():  # False: still busy with the last click
            self.operation, self._running = operation, self._running + 1
            operation.finished.connect(self._ended)

    def _ended(self) -> None:
        self._running -= 1

    @property
    def busy(self) -> bool:
        """True while a read or write is running (tests wait on it)."""
        return self._running > 0

    def _listed_scope(self) -> AttachmentScope:
        if not self.all_check.isHidden() and self.all_check.isChecked():
            return replace(self.scope, contract_id=None, invoice_id=None, person_only=False)
        return self.scope

    def reload(self) -> None:
        """Read the list again (names, sizes, who and when; never the contents)."""
        scope, db, actor = self._listed_scope(), self.ctx.db, self.ctx.actor
        self._run(
            lambda: attachments.list_attachments(
                db.uow(),
                actor,
                person_id=scope.person_id,
                contract_id=scope.contract_id,
                invoice_id=scope.invoice_id,
                person_only=scope.person_only,
            ),
            self._show,
        )

    def _show(self, rows: list[AttachmentRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            values = (
                row.filename,
                row.category,
                _size(row.size),
                row.uploaded_by_name,
                format_datetime(row.uploaded_at),
                _link(row),
            )
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.count_label.setText(COUNT.format(n=len(rows)))
        self._filter(self.search_edit.text())
        self._enable()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for index, row in enumerate(self.rows):
            found = needle in row.filename.casefold() or needle in row.category.casefold()
            self.table.setRowHidden(index, bool(needle) and not found)

    def selected(self) -> AttachmentRow | None:
        """The file of the selected line."""
        lines = self.table.selectionModel().selectedRows()
        return self.rows[lines[0].row()] if lines else None

    def _enable(self) -> None:
        chosen = self.selected() is not None
        for button in (self.open_button, self.save_button, self.remove_button):
            button.setEnabled(chosen)

    def open_selected(self) -> None:
        """Abrir: copy the file out to a private folder and hand it to the viewer."""
        row = self.selected()
        if row is not None:
            db, actor = self.ctx.db, self.ctx.actor
            self._run(lambda: attachments.extract_attachment(db.uow(), actor, row.id), open_file)

    def add(self) -> None:
        """Adicionar: a file from disk, with a category, to this scope's client/contract/invoice."""
        path = pick_file(self)
        category = ask_category(self, self.scope.categories) if path else None
        if path is None or category is None:
            return
        scope, db, actor = self.scope, self.ctx.db, self.ctx.actor
        self._run(
            lambda: attachments.attach_file(
                db.uow(),
                actor,
                person_id=scope.person_id,
                contract_id=scope.contract_id,
                invoice_id=scope.invoice_id,
                file=attachments.NewFile(
                    attachments.read_source(path), path.name, category=category
                ),
            ),
            lambda _new_id: self.reload(),
        )

    def save_copy(self) -> None:
        """Salvar cópia: the file's bytes to a place the clerk picks."""
        row = self.selected()
        target = pick_target(self, row.filename) if row else None
        if row is not None and target is not None:
            db, actor = self.ctx.db, self.ctx.actor
            self._run(
                lambda: attachments.extract_attachment(db.uow(), actor, row.id, target=target),
                lambda _path: None,
            )

    def remove(self) -> None:
        """Remover: with a justification; the file is kept with who, when and why."""
        row = self.selected()
        reason = TextDialog.ask(self, REMOVE_TITLE, t.JUSTIFICATION) if row else None
        if row is not None and reason is not None:
            db, actor = self.ctx.db, self.ctx.actor
            self._run(
                lambda: attachments.remove_attachment(
                    db.uow(), actor, attachment_id=row.id, reason=reason
                ),
                lambda _none: self.reload(),
            )
