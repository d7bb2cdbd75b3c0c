"""SCENARIOS.md 11: the PostgreSQL server goes down under an open client panel and comes back."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from contoffice.db.models import Person
from contoffice.db.uow import Database
from contoffice.demo.office import FEATURED_CNPJ, build_demo
from contoffice.services.admin.operators import system_actor
from contoffice.ui import db_health
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.context import WindowContext
from contoffice.ui.settings import DeskSettings
from tests.support.databases import prepare

PGCLUSTER = str(Path(__file__).resolve().parents[2] / "scripts" / "pgcluster")


@pytest.fixture
def own_server() -> Iterator[tuple[str, str]]:
    """A cluster of this test's own, since the test stops it."""
    try:
        url, folder = subprocess.run(
            [PGCLUSTER, "start"], check=True, capture_output=True, text=True
        ).stdout.split()
    except (subprocess.CalledProcessError, FileNotFoundError) as error:
        pytest.skip(f"PostgreSQL indisponível: {error}")
    try:
        yield url, folder
    finally:
        subprocess.run([PGCLUSTER, "stop", folder], check=False)


def _visible_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_outage_shows_one_dialog_and_the_window_recovers(
    qtbot: Any, own_server: tuple[str, str], desk_settings: DeskSettings
) -> None:
    url, folder = own_server
    prepare(url)
    db = Database(url)
    build_demo(db, people=30, seed=2)
    with db.uow() as uow:
        actor = system_actor(uow)
        uow.commit()
        person = int(uow.session.scalar(select(Person.id).where(Person.document == FEATURED_CNPJ)))
    tab = ClientTab(WindowContext(db, actor, desk_settings), person)
    qtbot.addWidget(tab)
    tab.show()
    page = tab.show_page("client.receivable")
    assert page.model.rowCount() > 0

    subprocess.run([PGCLUSTER, "pause", folder], check=True)
    tab.refresh()
    page.refresh()
    tab.refresh()
    assert "não está acessível" in tab.header.message_label.text()
    boxes = _visible_boxes()
    assert len(boxes) == 1 and boxes[0] is db_health.current_box()
    assert tab.isVisible() and tab.isEnabled()

    subprocess.run([PGCLUSTER, "resume", folder], check=True)
    boxes[0].accept()
    tab.refresh()
    assert "Padaria" in tab.header.name_label.text()
    assert page.model.rowCount() > 0
    db.dispose()
