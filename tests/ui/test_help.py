"""The manual covers every area, page, settings page and tool; F1 opens the panel's section."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.toolbox import REGISTRY
from contoffice.ui import texts
from contoffice.ui.client.pages import PAGES
from contoffice.ui.context import WindowContext
from contoffice.ui.finder.list_panel import FEES_ACTION, PEOPLE_ACTIONS
from contoffice.ui.help import action, keys, manual
from contoffice.ui.help.window import HelpWindow, open_help, shown
from contoffice.ui.main_window import MainWindow
from contoffice.ui.settings import DeskSettings
from contoffice.ui.settings_area.area import PAGES as SETTINGS_PAGES

LINK = re.compile(r"\]\(#([a-z0-9-]+)\)")


def _section(key: str | None, what: str) -> manual.Section:
    assert key is not None, f"a ajuda não tem seção para {what}"
    found = manual.section(key)
    assert found is not None, f"{what}: seção {key} sem arquivo em contoffice/help"
    return found


@pytest.mark.parametrize("area", texts.NAVIGATION)
def test_every_area_has_a_section(area: str) -> None:
    assert _section(keys.area_section(area), area).title == area


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.grid)
def test_every_client_page_has_a_section(page: Any) -> None:
    assert _section(keys.page_section(page.grid, page.title), page.title).title == page.title


@pytest.mark.parametrize("entry", SETTINGS_PAGES, ids=lambda e: e[0])
def test_every_settings_page_has_a_section(entry: tuple[str, str, Any]) -> None:
    key, title, _factory = entry
    assert _section(keys.settings_section(key, title), title).title == title


@pytest.mark.parametrize("tool", REGISTRY.tools, ids=lambda t: t.key)
def test_every_tool_is_explained_on_its_page(tool: Any) -> None:
    if not tool.pages:  # a part of another tool's dialog (Alterar Fatura, Editar contrato…)
        assert any(s.mentions(tool.label) for s in manual.sections()), tool.label
    for grid in tool.pages:
        section = _section(keys.page_section(grid), grid)
        assert section.mentions(tool.label), f"{tool.label!r} falta na seção {section.key}"


def test_the_finder_tools_are_explained() -> None:
    clients = _section(keys.area_section(texts.NAVIGATION[0]), "Clientes")
    for spec in (*PEOPLE_ACTIONS, FEES_ACTION):
        assert clients.mentions(spec.text.rstrip("…")), spec.text


def test_every_area_tab_and_tool_is_named_in_its_section() -> None:
    from contoffice.ui.bank import labels as bank
    from contoffice.ui.billing import clearance_labels
    from contoffice.ui.dialogs import labels as billing
    from contoffice.ui.finder.finder_widget import PANEL_TITLES
    from contoffice.ui.fiscal_area import labels as fiscal
    from contoffice.ui.messages_area import labels as messages
    from contoffice.ui.reports_area.area import REPORTS
    from contoffice.ui.settings_area import backups_texts

    named = {
        "Clientes": PANEL_TITLES,
        "Faturamento": (billing.RUN_TAB, billing.CANCELLATIONS_TAB, clearance_labels.BUTTON),
        "Cobrança bancária": (bank.REMITTANCES_TAB, bank.RETURNS_TAB),
        "Fiscal": (fiscal.PENDING_TAB, fiscal.ISSUED_TAB, fiscal.SIMULATE, fiscal.GENERATE),
        "Mensagens": (messages.MASS,),
        "Relatórios": tuple(entry.title for entry in REPORTS),
    }
    for area, words in named.items():
        section = _section(keys.area_section(area), area)
        for word in words:
            assert section.mentions(word.rstrip("…")), f"{word!r} falta na seção {area}"
    backups = _section(keys.settings_section("settings.backups", backups_texts.TITLE), "backups")
    for word in (backups_texts.BACKUP_NOW, backups_texts.RESTORE, backups_texts.IDLE):
        assert backups.mentions(word.rstrip("…")), word


def test_every_link_leads_to_a_section_and_every_file_is_in_the_contents() -> None:
    known = {s.key for s in manual.sections()}
    assert set(manual.ORDER) == known  # a new file joins the reading order
    for section in manual.sections():
        for target in LINK.findall(section.text):
            assert target in known, f"{section.key} aponta para #{target}, que não existe"
    for topic in ("primeira-execucao", "copias-de-seguranca", "importar-clientes", "bloqueio"):
        assert topic in known
    backups = _section("copias-de-seguranca", "backups")
    assert backups.mentions("contoffice db backup") and backups.mentions("contoffice db restore")


def test_search_narrows_the_contents_and_links_move_between_sections(qtbot: Any) -> None:
    window = open_help("inicio")
    qtbot.addWidget(window)
    assert isinstance(window, HelpWindow) and window.current == "inicio"
    window.search_edit.setText("nosso número")
    shown = window.visible_keys()
    assert "faturas-a-receber" in shown and "bloqueio" not in shown
    window.search_edit.clear()
    assert len(window.visible_keys()) == len(manual.sections())
    from PySide6.QtCore import QUrl

    window.follow(QUrl("#contratos"))
    assert window.current == "contratos" and "Contratos" in window.windowTitle()
    assert "Trocar Regra de Vencimento" in window.browser.toPlainText()


# -- the window: Acessar ajuda on every panel, F1 -------------------------------------------

def _window(qtbot: Any, db: Database, actor: Actor, settings: DeskSettings) -> MainWindow:
    settings.operator = actor.login
    window = MainWindow(WindowContext(db, actor, settings))
    qtbot.addWidget(window)
    window.show()
    return window


def _press_help(window: MainWindow) -> str:
    """Acessar ajuda, as the button beside the tabs does; the section it opened."""
    button = window.tabs.cornerWidget(Qt.Corner.TopRightCorner)
    assert button is not None and button.isVisible(), "Acessar ajuda não está na tela"
    assert button.defaultAction() is window.help_action
    assert window.help_action.text() == action.ACCESS == "Acessar ajuda"
    window.help_action.trigger()
    opened = shown()
    assert opened is not None and opened.isVisible()
    return str(opened.current)


def test_acessar_ajuda_on_every_area_and_page(qtbot: Any, demo_db: Database,
                                             demo_actor: Actor, desk_settings: DeskSettings,
                                             featured_id: int) -> None:
    window = _window(qtbot, demo_db, demo_actor, desk_settings)
    settings_keys = set(keys.SETTINGS_SECTIONS.values())
    for row, name in enumerate(texts.NAVIGATION):
        window.navigation.setCurrentRow(row)
        opened = _press_help(window)
        # Configurações opens at its first page's own section, the deepest panel shown.
        assert opened == keys.area_section(name) or (
            name == texts.SETTINGS_AREA and opened in settings_keys), name
    settings = window.areas[texts.SETTINGS_AREA]
    for index in range(settings.count()):  # type: ignore[attr-defined]
        settings.setCurrentIndex(index)  # type: ignore[attr-defined]
        title = settings.tabText(index)  # type: ignore[attr-defined]
        key = next(k for k, t, _f in SETTINGS_PAGES if t == title)
        assert _press_help(window) == keys.settings_section(key, title), title
    tab = window.open_client(featured_id)
    for page in PAGES:
        tab.show_page(page.grid)
        assert _press_help(window) == keys.page_section(page.grid), page.title


def test_f1_on_a_client_page_opens_its_section(qtbot: Any, demo_db: Database,
                                               demo_actor: Actor, desk_settings: DeskSettings,
                                               featured_id: int) -> None:
    window = _window(qtbot, demo_db, demo_actor, desk_settings)
    assert window.help_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert window.help_action.shortcut() == QKeySequence(Qt.Key.Key_F1)
    tab = window.open_client(featured_id)
    page = tab.show_page("client.unbilled")
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5000)
    QTest.keyClick(page.grid.table, Qt.Key.Key_F1)
    opened = shown()
    qtbot.waitUntil(lambda: opened is not None and opened.current == "contas-nao-faturadas"
                    and opened.isVisible(), timeout=5000)
    assert "Faturar contas" in opened.browser.toPlainText()
