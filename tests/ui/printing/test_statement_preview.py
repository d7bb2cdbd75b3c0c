"""Extrato and Ficha cadastral from the client panel header: period, runner, the preview."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from contoffice.core.format import format_date, format_money
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.panels.client_panel import client_header
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.client.statement_actions import PeriodDialog
from contoffice.ui.context import WindowContext
from contoffice.ui.printing import jobs
from contoffice.ui.printing.preview import PdfPreviewDialog
from contoffice.ui.settings import DeskSettings
from tests.support.pdftools import PdfTools, require_pdf_tools


@pytest.fixture(autouse=True)
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "previews"
    folder.mkdir()
    monkeypatch.setattr(jobs, "TEMP_ROOT", folder)
    return folder


def _tab(qtbot: Any, ctx: WindowContext, person_id: int) -> ClientTab:
    tab = ClientTab(ctx, person_id)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    return tab


def _preview(qtbot: Any, parent: QWidget) -> PdfPreviewDialog:
    def shown() -> list[PdfPreviewDialog]:
        return [d for d in parent.findChildren(PdfPreviewDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=10_000)
    return shown()[-1]


def _period(qtbot: Any, tab: ClientTab) -> PeriodDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in tab.findChildren(PeriodDialog)))
    return next(d for d in tab.findChildren(PeriodDialog) if d.isVisible())


def test_extrato_asks_the_period_and_opens_the_preview(
    qtbot: Any, demo_db: Database, demo_actor: Actor, desk_settings: DeskSettings,
    featured_id: int, tmp_path: Path,
) -> None:
    tab = _tab(qtbot, WindowContext(demo_db, demo_actor, desk_settings), featured_id)
    assert tab.statement_button.isVisible() and tab.statement_button.text() == "Extrato"
    qtbot.mouseClick(tab.statement_button, Qt.MouseButton.LeftButton)
    dialog = _period(qtbot, tab)
    today = date.today()
    assert dialog.start_edit.text() == format_date(date(today.year, 1, 1))
    assert dialog.end_edit.text() == format_date(today)
    # An inverted period is said in the dialog, which stays open.
    dialog.start_edit.setDate(date(today.year, 12, 31))
    dialog.end_edit.setDate(date(today.year, 1, 1))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Período inválido" in dialog.error_label.text()
    assert "data final" in dialog.error_label.text()
    dialog.start_edit.setDate(date(today.year, 1, 1))
    dialog.end_edit.setDate(today)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    preview = _preview(qtbot, tab)
    assert preview.pdf.path.name == f"extrato-{featured_id}.pdf" and preview.page_count >= 1
    require_pdf_tools()
    flat = " ".join(PdfTools(tmp_path).text(preview.pdf.path).split())
    balances = client_header(demo_db.uow(), featured_id).balances
    closing = format_money(balances.overdue_cents + balances.current_cents)
    assert "Padaria Pão Quente Ltda" in flat and f"Saldo final {closing}" in flat
    assert f"Período: 01/01/{today.year} a {format_date(today)}" in flat
    preview.close()


def test_ficha_cadastral_opens_the_preview(
    qtbot: Any, demo_db: Database, demo_actor: Actor, desk_settings: DeskSettings,
    featured_id: int, tmp_path: Path,
) -> None:
    tab = _tab(qtbot, WindowContext(demo_db, demo_actor, desk_settings), featured_id)
    qtbot.mouseClick(tab.sheet_button, Qt.MouseButton.LeftButton)
    preview = _preview(qtbot, tab)
    assert preview.pdf.path.name == f"ficha-cadastral-{featured_id}.pdf"
    assert preview.page_count == 1
    require_pdf_tools()
    flat = " ".join(PdfTools(tmp_path).text(preview.pdf.path).split())
    assert "FICHA CADASTRAL" in flat and "CNPJ: 12.ABC.345/01DE-35" in flat
    preview.close()


def test_the_buttons_follow_the_permissions(
    qtbot: Any, demo_db: Database, demo_actor: Actor, desk_settings: DeskSettings,
    featured_id: int,
) -> None:
    clerk = Actor(demo_actor.id, "bia", "Bia", permissions=frozenset({"people.view"}))
    tab = _tab(qtbot, WindowContext(demo_db, clerk, desk_settings), featured_id)
    assert tab.sheet_button.isVisible() and not tab.statement_button.isVisible()
