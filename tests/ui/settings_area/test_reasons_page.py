"""Configurações → Motivos de Suspensão: add, refuse a duplicate, deactivate."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.panels import lookups
from contoffice.ui.context import WindowContext
from contoffice.ui.settings import DeskSettings
from contoffice.ui.settings_area.reasons_page import ReasonsPage


@pytest.fixture
def page(qtbot: Any, demo_db: Database, demo_actor: Actor,
         desk_settings: DeskSettings) -> ReasonsPage:
    widget = ReasonsPage(WindowContext(demo_db, demo_actor, desk_settings))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_add_then_deactivate_a_reason(page: ReasonsPage, qtbot: Any, demo_db: Database) -> None:
    page.text_edit.setText("Aguardando documentação")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "Aguardando documentação" in lookups.suspension_reasons(demo_db.uow())
    assert page.table.current_id() is not None
    page.active_check.setChecked(False)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Aguardando documentação" not in lookups.suspension_reasons(demo_db.uow())
    assert page.status.text() == "Alterações salvas."


def test_duplicate_is_refused_at_the_page(page: ReasonsPage, qtbot: Any) -> None:
    rows = page.table.rowCount()
    page.text_edit.setText("Pedido do cliente")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "já existe" in page.status.text()
    assert page.table.rowCount() == rows
