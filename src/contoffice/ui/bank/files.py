"""Where bank files go and come from: the clerk's choice, an atomic write, pt-BR failures."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from contoffice.core.files import output_file
from contoffice.core.os_errors import describe
from contoffice.ui import texts
from contoffice.ui.operations import show_error


def ask_save(parent: QWidget | None, title: str, name: str, filters: str) -> Path | None:
    """The file to save to (the suggested name first); None when the clerk gave up."""
    path, _chosen = QFileDialog.getSaveFileName(parent, title, name, filters)
    return Path(path) if path else None


def ask_open(parent: QWidget | None, title: str, filters: str) -> Path | None:
    """The file to read; None when the clerk gave up."""
    path, _chosen = QFileDialog.getOpenFileName(parent, title, "", filters)
    return Path(path) if path else None


def save_bytes(path: Path, data: bytes) -> None:
    """Write the whole file or leave what was there (core.files.output_file)."""
    with output_file(path) as fh:
        fh.write(data)


def show_file_error(parent: QWidget | None, error: BaseException) -> None:
    """A file the system refused, said in pt-BR with its path; anything else as usual."""
    if isinstance(error, OSError):
        QMessageBox.warning(parent, texts.ERROR_TITLE, describe(error))
    else:
        show_error(parent, error)
