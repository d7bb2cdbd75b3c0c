"""The client panel fits a 1,366 × 768 desk: the window does not widen, no header text is cut."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QLabel

from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.app import install_pt_br, style
from contoffice.ui.context import WindowContext
from contoffice.ui.main_window import MainWindow
from contoffice.ui.settings import DeskSettings

DESK_W, DESK_H = 1366, 768


def test_the_featured_client_panel_fits_the_desk(qtbot: Any, demo_db: Database,
                                                 demo_actor: Actor, desk_settings: DeskSettings,
                                                 featured_id: int) -> None:
    app = QApplication.instance()
    install_pt_br(app)
    style(app)  # the real style sheet: its fonts decide the widths
    window = MainWindow(WindowContext(demo_db, demo_actor, desk_settings))
    qtbot.addWidget(window)
    window.resize(DESK_W, DESK_H)
    window.show()
    tab = window.open_client(featured_id)
    qtbot.waitUntil(lambda: bool(tab.header.name_label.text()))
    qtbot.wait(50)
    assert window.width() <= DESK_W, "opening a client panel widened the window"
    header = tab.header
    assert header.width() <= DESK_W
    cut = [(label.objectName() or label.text(), label.width(), label.sizeHint().width())
           for label in header.findChildren(QLabel)
           if label.isVisible() and label.width() < label.sizeHint().width()]
    assert cut == [], f"header labels cut short: {cut}"
    assert header.overdue.text().startswith("R$ 1.870,00")
