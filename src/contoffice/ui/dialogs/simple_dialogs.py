"""Small tool dialogs: observações, suspension reason, comment, justification, plain confirm."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QWidget

from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.base import ToolDialog
from contoffice.ui.dialogs.fields import text_of


@dataclass(frozen=True, slots=True)
class NotesValue:
    notes: str
    extra: bool = False  # the optional check (e.g. "remover também as contas")


@dataclass(frozen=True, slots=True)
class SuspendValue:
    reason: str
    notes: str


class NotesDialog(ToolDialog):
    """Observações adicionais (Remover, Cancelar suspensão), optionally one more check."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        *,
        required: bool,
        extra: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(parent, title)
        self.required = required
        if hint:
            self.form.addRow(QLabel(hint, self))
        self.notes_edit = self.memo(t.NOTES, "notes_edit")
        self.extra_check: QCheckBox | None = None
        if extra:
            self.extra_check = QCheckBox(extra, self)
            self.add_row("", self.extra_check, "extra_check")
        self.revalidate()

    def is_valid(self) -> bool:
        return not self.required or bool(text_of(self.notes_edit))

    def value(self) -> NotesValue:
        """The typed notes and the extra check."""
        return NotesValue(
            text_of(self.notes_edit), bool(self.extra_check and self.extra_check.isChecked())
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        *,
        required: bool = True,
        extra: str | None = None,
        hint: str | None = None,
    ) -> NotesValue | None:
        """Show the dialog; None when cancelled."""
        dialog = cls(parent, title, required=required, extra=extra, hint=hint)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class SuspendDialog(ToolDialog):
    """Suspender fatura / conta: Motivo de suspensão (configured list) and observações."""

    def __init__(self, parent: QWidget | None, title: str, reasons: Sequence[str]) -> None:
        super().__init__(parent, title)
        self.reason_combo = QComboBox(self)
        self.reason_combo.addItems(list(reasons))
        self.reason_combo.setCurrentIndex(-1)
        self.add_row(t.SUSPENSION_REASON, self.reason_combo, "reason_combo")
        self.notes_edit = self.memo(t.NOTES, "notes_edit")
        self.revalidate()

    def is_valid(self) -> bool:
        return self.reason_combo.currentIndex() >= 0

    def value(self) -> SuspendValue:
        """The chosen reason and the notes."""
        return SuspendValue(self.reason_combo.currentText(), text_of(self.notes_edit))

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, reasons: Sequence[str]) -> SuspendValue | None:
        """Show the dialog; None when cancelled."""
        dialog = cls(parent, title, reasons)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class TextDialog(ToolDialog):
    """One required text: a comment, a justification, a reason."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        *,
        confirm_text: str = t.SURE,
        hint: str | None = None,
    ) -> None:
        super().__init__(parent, title, confirm_text=confirm_text)
        if hint:
            hint_label = QLabel(hint, self)
            hint_label.setWordWrap(True)
            self.form.addRow(hint_label)
        self.text_edit = self.memo(label, "text_edit")
        self.revalidate()

    def is_valid(self) -> bool:
        return bool(text_of(self.text_edit))

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        label: str = t.JUSTIFICATION,
        *,
        confirm_text: str = t.SURE,
        hint: str | None = None,
    ) -> str | None:
        """Show the dialog; the text, or None when cancelled."""
        dialog = cls(parent, title, label, confirm_text=confirm_text, hint=hint)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return text_of(dialog.text_edit)


class ConfirmDialog(ToolDialog):
    """A tool without fields: a sentence, "Tenho certeza", Finalizar."""

    def __init__(self, parent: QWidget | None, title: str, hint: str) -> None:
        super().__init__(parent, title)
        label = QLabel(hint, self)
        label.setWordWrap(True)
        self.form.addRow(label)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, hint: str) -> bool:
        """True when the clerk confirmed."""
        return cls(parent, title, hint).exec() == QDialog.DialogCode.Accepted
