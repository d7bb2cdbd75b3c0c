"""Starting the window: Qt application, pt-BR, the database, the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from contoffice.config import database_url as resolve_database_url
from contoffice.errors import ContofficeError
from contoffice.services.setup import open_database


def install_pt_br(app: QApplication) -> None:
    """Qt's own pt-BR strings (Cancelar, Sim, Não) and the pt-BR locale for widgets."""
    QLocale.setDefault(QLocale(QLocale.Language.Portuguese, QLocale.Country.Brazil))
    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_pt_BR", path):
        app.installTranslator(translator)


def run_app(database_url: str | None = None) -> int:
    """Open the database (migrating it) and run the window until it closes."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    install_pt_br(app)
    url = resolve_database_url(database_url)
    try:
        db = open_database(url)
    except ContofficeError as error:
        QMessageBox.critical(None, "contoffice", str(error))
        return 2
    window = QMainWindow()
    window.setWindowTitle("contoffice")
    window.setCentralWidget(QLabel(f"Banco de dados: {db.backend}"))
    window.resize(1200, 800)
    window.show()
    return app.exec()

