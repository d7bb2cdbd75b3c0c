"""Starting the window: Qt application, pt-BR, Fusion + style sheet, login, main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from contoffice.config import database_url as resolve_database_url
from contoffice.errors import ContofficeError
from contoffice.services.admin import operators
from contoffice.services.admin.setup import Database, open_database
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import resources, texts
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs.login_dialog import FirstAdminDialog, LoginDialog
from contoffice.ui.first_run.trigger import first_run_needed
from contoffice.ui.first_run.wizard import FirstRunWizard
from contoffice.ui.main_window import MainWindow
from contoffice.ui.qt_gaps import GapTranslator
from contoffice.ui.settings import DeskSettings
from contoffice.ui.settings_area.backups_auto import backup_on_start


def install_pt_br(app: QApplication) -> None:
    """Qt's own pt-BR strings (Cancelar, Sim, Não) and the pt-BR locale for widgets."""
    QLocale.setDefault(QLocale(QLocale.Language.Portuguese, QLocale.Country.Brazil))
    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_pt_BR", path):
        app.installTranslator(translator)
    # Installed last, asked first: the few words Qt's translation leaves in English.
    app.installTranslator(GapTranslator(app))


def style(app: QApplication) -> None:
    """Fusion and the one style sheet."""
    app.setStyle("Fusion")
    app.setStyleSheet(resources.style_sheet())


def application() -> QApplication:
    """The QApplication, created once, in pt-BR and styled."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv)
    app.setApplicationName(texts.APP_TITLE)
    install_pt_br(app)
    style(app)
    return app


def authenticate(db: Database, settings: DeskSettings) -> Actor | None:
    """First administrator on a new database, else the login dialog."""
    with db.uow() as uow:
        first = operators.needs_first_admin(uow)

    def create(name: str, login: str, password: str) -> Actor:
        with db.uow() as uow:
            return operators.create_first_admin(uow, name=name, login=login, password=password)

    def check(login: str, password: str) -> Actor:
        with db.uow() as uow:
            return operators.login(uow, login, password)

    actor = FirstAdminDialog.ask(None, create) if first else LoginDialog.ask(
        None, check, settings.last_login)
    if actor is not None:
        settings.last_login = actor.login
        settings.operator = actor.login
    return actor


def run_app(database_url: str | None = None) -> int:
    """Open the database (migrating it), log in, and run the window until it closes."""
    app = application()
    settings = DeskSettings()
    try:
        if first_run_needed(database_url):  # no config, nobody to log in: the wizard
            outcome = FirstRunWizard.ask(None)
            if outcome is None:  # cancelled: nothing was saved, the next start asks again
                return 0
            database_url = outcome.run_url
            settings.last_login = outcome.admin_login or settings.last_login
        # The first run creates the file; an empty or damaged one is refused, not replaced.
        db = open_database(resolve_database_url(database_url), create=True)
    except ContofficeError as error:
        QMessageBox.critical(None, texts.APP_TITLE, str(error))
        return 2
    actor = authenticate(db, settings)
    if actor is None:  # the clerk cancelled the login: a normal way to leave
        return 0
    window = MainWindow(WindowContext(db, actor, settings))
    screen = window.screen().availableGeometry()
    if window.width() > screen.width() or window.height() > screen.height():
        # A 1366 × 768 desk: the whole screen, never past its edge (with or without a
        # window manager to maximise it).
        window.resize(min(window.width(), screen.width()), min(window.height(), screen.height()))
        window.showMaximized()
    else:
        window.show()
    backup_on_start(window, window.ctx)  # the daily backup, when the last one is a day old
    return app.exec()
