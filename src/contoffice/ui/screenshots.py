"""`python -m contoffice.ui.screenshots DIR`: PNGs of the window on a demo office (offscreen).

The window is shot at 1366 × 768, the smallest screen the office's desks have.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from contoffice.core.paging import PageRequest
from contoffice.demo.office import FEATURED_CNPJ, build_demo
from contoffice.services.admin import operators
from contoffice.services.admin.setup import Database, open_database
from contoffice.services.people.finder import search_people
from contoffice.services.people.form import load_person, save_person
from contoffice.ui import texts
from contoffice.ui.app import application
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs.person_dialog import PersonDialog
from contoffice.ui.main_window import MainWindow
from contoffice.ui.settings import DeskSettings

SCREEN = QSize(1366, 768)


def _save(widget: QWidget, folder: Path, name: str) -> Path:
    if isinstance(widget, MainWindow) and widget.size() != SCREEN:
        widget.resize(SCREEN)  # a tab or dialog may have asked for more room
    QApplication.processEvents()
    path = folder / f"{name}.png"
    image = widget.grab()
    if isinstance(widget, MainWindow) and image.size() != SCREEN:
        raise RuntimeError(f"{name}: window rendered at {image.width()}×{image.height()}, "
                           f"not {SCREEN.width()}×{SCREEN.height()}")
    image.save(str(path))
    return path


def _featured(db: Database) -> int:
    page = search_people(db.uow(), PageRequest({"document": FEATURED_CNPJ}))
    return page.rows[0].id


def take(folder: Path, work: Path) -> list[Path]:
    """Build a demo office in `work` and save the screenshots into `folder`."""
    app = application()
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(f"sqlite:///{work / 'demo.sqlite3'}")
    build_demo(db, people=400, seed=11)
    with db.uow() as uow:
        actor = operators.login(uow, "carlos", "demo1234")
    settings = DeskSettings(work / "desk.ini")
    window = MainWindow(WindowContext(db, actor, settings))
    window.show()
    window.resize(SCREEN)
    shots = [_save(window, folder, "01_finder_latest")]
    finder = window.finder
    finder.setCurrentWidget(finder.active)
    finder.active.grid.filters.edits[6].setText("São")
    finder.active.grid.apply_filters()
    shots.append(_save(window, folder, "02_finder_active_filtered"))
    finder.setCurrentWidget(finder.pivot)
    finder.pivot.configure_button.setChecked(True)
    finder.pivot.fields_list.move_to(finder.pivot.columns_list, "state")
    for _ in range(50):  # the pivot counts off the GUI thread
        app.processEvents()
        if finder.pivot.model.table and "state" in finder.pivot.model.table.column_fields:
            break
        time.sleep(0.02)
    shots.append(_save(window, folder, "03_finder_pivot"))
    finder.setCurrentWidget(finder.advanced)
    finder.advanced.edits["city_edit"].setText("São Paulo")
    finder.advanced.kind_combo.setCurrentIndex(2)
    finder.advanced.finish()
    shots.append(_save(window, folder, "04_finder_advanced"))
    person_id = _featured(db)
    edit = load_person(db.uow(), person_id)
    dialog = PersonDialog(window, edit.data, lambda data: save_person(db.uow(), actor, data, edit))
    dialog.ui.email_edit.setText("padaria@")
    dialog.ui.email_edit.textEdited.emit("padaria@")  # as if typed: the error shows
    dialog.show()
    shots.append(_save(dialog, folder, "05_person_form"))
    dialog.reject()
    tab = window.open_client(person_id)
    shots.append(_save(window, folder, "06_client_contracts"))
    tab.show_page("client.receivable")
    shots.append(_save(window, folder, "07_client_receivable"))
    tab.show_page("client.settled_receivable")
    shots.append(_save(window, folder, "08_client_settled"))
    tab.show_page("client.activity")
    shots.append(_save(window, folder, "09_client_activity"))
    tab.show_page("client.recurrence")
    shots.append(_save(window, folder, "10_client_recurrence"))
    for area, name in ((texts.BILLING_AREA, "11_billing_area"),
                       (texts.SETTINGS_AREA, "12_settings_profiles")):
        window.navigation.setCurrentRow(texts.NAVIGATION.index(area))
        shots.append(_save(window, folder, name))
    window.close()
    db.dispose()
    del app
    return shots


def main(argv: list[str]) -> int:
    """Write the screenshots into the folder given (default build/screenshots)."""
    folder = Path(argv[0] if argv else "build/screenshots")
    with tempfile.TemporaryDirectory(prefix="contoffice-shots-") as work:
        for path in take(folder, Path(work)):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
