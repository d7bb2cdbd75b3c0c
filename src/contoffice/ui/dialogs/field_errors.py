"""What is wrong with a dialog's typed fields, said in the row under each one."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QWidget

from contoffice.ui.dialogs.fields import CheckedEdit


class FieldErrors(QDialog):
    """The part of a tool dialog that says, beside each field, why its value is wrong.

    A base of `ToolDialog` only: it keeps the dialog's checked fields and their
    message labels, which `ToolDialog` fills as it builds its rows.
    """

    _checked: list[CheckedEdit]
    _error_labels: dict[QWidget, QLabel]

    def check(self, edit: CheckedEdit, *, final: bool) -> None:
        """Say (or stop saying) what is wrong with a field; half-typed values wait for `final`."""
        message = edit.problem(self.label_of(edit))
        if message and not final and edit.still_typing() and not self.error_of(edit):
            return  # the clerk is still typing: no message yet
        self.set_error(edit, message or None)

    def set_error(self, widget: QWidget, message: str | None) -> None:
        """Show (or clear) a message in the row under `widget`."""
        label = self._error_labels.get(widget)
        if label is None:
            place = self._place_of(widget)
            if message is None or place is None:
                return
            form, row = place
            label = QLabel(form.parentWidget())
            label.setObjectName(f"{widget.objectName()}_error")
            label.setProperty("role", "error")
            label.setWordWrap(True)
            form.insertRow(row + 1, "", label)
            self._error_labels[widget] = label
        label.setText(message or "")
        label.setVisible(bool(message))
        widget.setProperty("invalid", bool(message))
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        if message:
            self._make_room()

    def _make_room(self) -> None:
        # A wrapped message needs a height the dialog's minimum size does not know of
        # (height for width): grow to it, or the rows below would be drawn over.
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        if needed > self.height():
            self.resize(self.width(), needed)

    def error_of(self, widget: QWidget) -> str:
        """The message shown under `widget` ("" when none)."""
        label = self._error_labels.get(widget)
        return label.text() if label is not None and not label.isHidden() else ""

    def label_of(self, widget: QWidget) -> str:
        """The caption of a field's row (its name in a message), "" when it has none."""
        place = self._place_of(widget)
        if place is None:
            return ""
        item = place[0].itemAt(place[1], QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        return label.text().rstrip(" :*") if isinstance(label, QLabel) else ""

    def _place_of(self, widget: QWidget) -> tuple[QFormLayout, int] | None:
        for form in self.findChildren(QFormLayout):
            row, _role = form.getWidgetPosition(widget)
            if row >= 0:
                return form, row
        return None

    def field_problems(self, within: QWidget | None = None) -> list[str]:
        """What is wrong with the enabled date and money fields (of `within`, else all).

        A field on a page not shown counts too: Finalizar must not take a wrong
        value the clerk can no longer see.
        """
        found = []
        for edit in self._checked:
            if not edit.isEnabled() or edit.isHidden():
                continue
            if within is not None and not within.isAncestorOf(edit):
                continue
            message = edit.problem(self.label_of(edit))
            if message:
                found.append(message)
        return found
