"""Configurações → Operadores e permissões, Configuração Básica, and who sees Configurações."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from contoffice.db.models import Operator
from contoffice.db.uow import Database
from contoffice.errors import NotAllowed
from contoffice.services.admin import office, operators
from contoffice.services.kernel.permissions import PERMISSIONS, Actor
from contoffice.ui import texts
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.context import WindowContext
from contoffice.ui.main_window import MainWindow
from contoffice.ui.settings import DeskSettings
from contoffice.ui.settings_area import SettingsArea, can_open
from contoffice.ui.settings_area.area import OperatorsArea
from contoffice.ui.settings_area.office_page import OfficePage

PASSWORD = "joana123"


@pytest.fixture
def ctx(demo_db: Database, demo_actor: Actor, desk_settings: DeskSettings) -> WindowContext:
    return WindowContext(demo_db, demo_actor, desk_settings)


@pytest.fixture
def area(qtbot: Any, ctx: WindowContext) -> OperatorsArea:
    widget = OperatorsArea(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _create_joana(qtbot: Any, area: OperatorsArea) -> int:
    page = area.operators
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.form
    qtbot.keyClicks(form.login, "joana")
    qtbot.keyClicks(form.name, "Joana Prado")
    qtbot.keyClicks(form.email, "joana@escritorio.example")
    form.role.setCurrentIndex(form.role.findText("Atendimento"))
    qtbot.keyClicks(form.password, PASSWORD)
    form.max_attempts.setValue(3)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == texts.SAVED, form.general_error.text()
    assert form.operator_id is not None
    return form.operator_id


def test_the_tree_lists_every_key_with_the_seeds_caption(area: OperatorsArea) -> None:
    tree = area.roles.tree
    assert set(tree.items) == {p.key for p in PERMISSIONS}
    item = tree.items["invoices.print"]
    assert item.text(0) == "Imprimir Fatura" and item.parent().text(0) == "Faturas a Receber"


def test_atendimento_without_imprimir_fatura_has_no_such_tool(
    qtbot: Any, area: OperatorsArea, ctx: WindowContext, featured_id: int
) -> None:
    _create_joana(qtbot, area)
    roles = area.roles
    roles.select_role("Atendimento")
    assert roles.tree.items["invoices.print"].checkState(0) == Qt.CheckState.Checked
    roles.tree.set_checked("invoices.print", False)
    qtbot.mouseClick(roles.save_button, Qt.MouseButton.LeftButton)
    assert roles.status.text() == texts.SAVED
    with ctx.db.uow() as uow:
        joana = operators.login(uow, "joana", PASSWORD)
    assert not joana.can("invoices.print") and joana.can("invoices.send_boleto")
    assert not can_open(joana)
    tab = ClientTab(WindowContext(ctx.db, joana, ctx.settings), featured_id)
    qtbot.addWidget(tab)
    page = tab.show_page("client.receivable")
    names = [a.objectName() for a in page.toolbar.actions()]
    assert "action_print" not in names and "action_send_boleto" in names
    assert "action_print" not in [a.objectName() for a in page.actions.menu(page).actions()]


def test_field_errors_and_unlock(qtbot: Any, area: OperatorsArea, ctx: WindowContext) -> None:
    joana = _create_joana(qtbot, area)
    page = area.operators
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.form.login, "joana")
    qtbot.keyClicks(page.form.name, "Outra Joana")
    qtbot.keyClicks(page.form.password, PASSWORD)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "joana" in page.form.error_of("login")
    for _ in range(3):
        with ctx.db.uow() as uow, pytest.raises(NotAllowed):
            operators.login(uow, "joana", "errada")
    page.refresh(joana)
    page.load_selected()
    assert page.unlock_button.isEnabled()
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == texts.UNLOCKED and not page.unlock_button.isEnabled()
    with ctx.db.uow() as uow:
        assert operators.login(uow, "joana", PASSWORD).login == "joana"


def test_office_identity(qtbot: Any, ctx: WindowContext) -> None:
    page = OfficePage(ctx)
    qtbot.addWidget(page)
    assert page.edits["name"].text() == "Ribeiro & Lima Contabilidade Ltda"
    page.edits["document"].setText("11.222.333/0001-00")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "dígito verificador" in page.form.error_of("document")
    page.edits["document"].setText("11.222.333/0001-81")
    page.edits["name"].setText("Ribeiro, Lima & Associados")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == texts.SAVED
    with ctx.db.uow() as uow:
        identity = office.identity(uow)
    assert (identity.name, identity.document) == ("Ribeiro, Lima & Associados", "11222333000181")


def test_configuracoes_only_for_settings_keys(qtbot: Any, ctx: WindowContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    row = texts.NAVIGATION.index("Configurações")
    assert not window.navigation.item(row).isHidden()
    window.navigation.setCurrentRow(row)
    area = window.tabs.currentWidget()
    assert isinstance(area, SettingsArea)
    assert [area.tabText(i) for i in range(area.count())] == [
        "Profiles de pagamento",
        "Operadores e permissões",
        "Configuração Básica",
        "Configuração Motivos de Suspensão",
        "Contas de envio",
        "Cópias de segurança",
        "Dados fiscais",
    ]
    with ctx.db.uow() as uow:
        beatriz = operators.actor_for_login(uow, "beatriz")  # Atendimento in the demo
    clerk = MainWindow(WindowContext(ctx.db, beatriz, ctx.settings))
    qtbot.addWidget(clerk)
    assert clerk.navigation.item(row).isHidden()
    only_office = Actor(
        id=beatriz.id, login="x", name="X", permissions=frozenset({"settings.office"})
    )
    partial = SettingsArea(WindowContext(ctx.db, only_office, ctx.settings))
    qtbot.addWidget(partial)
    assert [partial.tabText(i) for i in range(partial.count())] == ["Configuração Básica"]


def test_an_impossible_expiry_date_is_said_at_its_field(
        qtbot: Any, area: OperatorsArea, demo_db: Database) -> None:
    operator_id = _create_joana(qtbot, area)
    page, form = area.operators, area.operators.form
    form.expires.setChecked(True)
    form.expires_on.setText("31/02/2027")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "31/02/2027" in form.error_of("expires_on")  # said, not turned into 28/02
    assert page.status.text() != texts.SAVED
    form.expires_on.setText("28/02/2027")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == texts.SAVED
    with demo_db.uow() as uow:
        assert uow.session.get(Operator, operator_id).expires_on.isoformat() == "2027-02-28"
