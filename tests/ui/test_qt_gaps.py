"""Qt's file dialog speaks pt-BR where Qt's own translation leaves English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from contoffice.ui.app import install_pt_br
from contoffice.ui.qt_gaps import GAPS


def test_the_file_dialog_labels_are_pt_br(qapp) -> None:  # type: ignore[no-untyped-def]
    install_pt_br(qapp)
    dialog = QFileDialog(None, "Salvar")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = [dialog.labelText(label) for label in QFileDialog.DialogLabel]
    assert "&Examinar:" in labels and "Arquivos do &tipo:" in labels
    assert not [text for text in labels if "Look" in text or "Files" in text]
    # Qt's own translation still answers everything else.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    for (context, source), text in GAPS.items():
        assert QCoreApplication.translate(context, source) == text
    dialog.deleteLater()
