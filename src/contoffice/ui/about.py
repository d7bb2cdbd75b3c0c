"""Ajuda → Sobre: the version, the database (without its password) and the folders in use."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QMessageBox, QWidget

from contoffice.services.backups.about import About, about
from contoffice.ui import texts
from contoffice.ui.context import WindowContext

LINES = (
    ("Versão", "version"),
    ("Banco de dados", "database"),
    ("Pasta de dados", "data_folder"),
    ("Pasta do log", "log_folder"),
    ("Pasta das cópias de segurança", "backup_folder"),
)


def about_html(info: About) -> str:
    """The text of Sobre (rich text: one labelled line per item)."""
    rows = "".join(f"<tr><td><b>{label}:</b></td><td>{escape(str(getattr(info, key)))}</td></tr>"
                   for label, key in LINES)
    return f"<p>{texts.ABOUT_TEXT}</p><table cellspacing='4'>{rows}</table>"


def show_about(parent: QWidget, ctx: WindowContext) -> None:
    """The Sobre box."""
    QMessageBox.about(parent, texts.ABOUT, about_html(about(ctx.db)))
