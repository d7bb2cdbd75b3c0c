"""Configuração Básica: the money ceiling, the confirmation threshold and the founding date."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from contoffice.db.uow import Database
from contoffice.services.kernel import money_limits
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.settings import DeskSettings
from contoffice.ui.settings_area.office_page import OfficePage


@pytest.fixture
def page(qtbot: Any, demo_db: Database, demo_actor: Actor,
         desk_settings: DeskSettings) -> OfficePage:
    widget = OfficePage(WindowContext(demo_db, demo_actor, desk_settings))
    qtbot.addWidget(widget)
    return widget


def test_bounds_shown_checked_and_saved(qtbot: Any, page: OfficePage) -> None:
    assert page.edits["ceiling"].text() == "10.000.000,00"
    assert page.edits["confirm"].text() == "100.000,00"
    assert page.edits["founded"].text() == "01/01/2000"
    page.edits["ceiling"].setText("100.000.000,00")  # more than a boleto carries
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "R$ 99.999.999,99" in page.form.error_of("ceiling")
    page.edits["ceiling"].setText("50.000,00")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "R$ 50.000,00" in page.form.error_of("confirm")  # 100.000,00 is above it now
    page.edits["confirm"].setText("5.000,00")
    page.edits["founded"].setText("15/03/1998")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == texts.SAVED
    with page.ctx.db.uow() as uow:
        bounds = money_limits.limits(uow)
    assert (bounds.ceiling_cents, bounds.confirm_cents) == (5_000_000, 500_000)
    assert bounds.founded_on.isoformat() == "1998-03-15"


def test_the_office_can_ask_the_command_line_to_log_in_for_reads(
        qtbot: Any, page: OfficePage, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from contoffice.cli import main

    assert not page.login_for_reads.isChecked()
    url = str(page.ctx.db.engine.url)
    for name in ("CONTOFFICE_OPERATOR", "CONTOFFICE_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    assert main(["people", "search", "--latest", "--database", url]) == 0  # open by default
    page.login_for_reads.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == texts.SAVED
    capsys.readouterr()
    assert main(["people", "search", "--latest", "--database", url]) == 2
    assert "Informe o operador" in capsys.readouterr().err
    monkeypatch.setenv("CONTOFFICE_OPERATOR", "ana")
    monkeypatch.setenv("CONTOFFICE_PASSWORD", "demo1234")
    assert main(["people", "search", "--latest", "--database", url]) == 0
    page.refresh()
    assert page.login_for_reads.isChecked()
