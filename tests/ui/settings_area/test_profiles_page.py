"""Configurações → Profiles de pagamento: create, a refusal at its field, the counter kept."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from contoffice.db.models import PaymentProfile
from contoffice.db.uow import Database
from contoffice.services.boletos.profiles import list_profiles, profile_input
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.context import WindowContext
from contoffice.ui.settings import DeskSettings
from contoffice.ui.settings_area.profiles_page import ProfilesPage


@pytest.fixture
def page(
    qtbot: Any, demo_db: Database, demo_actor: Actor, desk_settings: DeskSettings
) -> ProfilesPage:
    widget = ProfilesPage(WindowContext(demo_db, demo_actor, desk_settings))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _fill_bb(page: ProfilesPage, qtbot: Any, agreement: str) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.form
    form.name.setText("BB — Cobrança 17 (nova)")
    form.bank.setCurrentIndex(form.bank.findData("001"))
    for edit, text in (
        (form.agency, "4321"),
        (form.agency_dv, "0"),
        (form.account, "99887"),
        (form.account_dv, "1"),
        (form.wallet, "17"),
        (form.agreement, agreement),
        (form.extras["variation"], "019"),
    ):
        edit.clear()
        qtbot.keyClicks(edit, text)
    form.fine.setValue(2)
    form.interest.setValue(1)
    form.next_our_number.setText("500")


def test_create_a_profile(qtbot: Any, page: ProfilesPage, demo_db: Database) -> None:
    before = page.table.rowCount()
    _fill_bb(page, qtbot, "1234567")
    assert not page.form.extras["post"].isVisible()  # Sicredi's posto is not BB's
    assert page.form.extras["variation"].isVisible()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Alterações salvas."
    assert page.table.rowCount() == before + 1
    created = page.form.profile_id
    assert created is not None and page.table.current_id() == created
    stored = profile_input(demo_db.uow(), created)
    assert (
        stored.bank_code,
        stored.agreement,
        stored.fine_bp,
        stored.interest_month_bp,
        stored.next_our_number,
    ) == ("001", "1234567", 200, 100, 500)


def test_wrong_agreement_shows_next_to_the_field(
    qtbot: Any, page: ProfilesPage, demo_db: Database
) -> None:
    count = len(list_profiles(demo_db.uow()))
    _fill_bb(page, qtbot, "12345")  # BB has convênios of 4, 6, 7 and 8 digits
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    message = page.form.error_of("agreement")
    assert "convênio" in message
    assert page.form.findChild(type(page.status), "agreement_error").isVisible()
    assert page.form.error_of("name") == "" and page.status.text() == ""
    assert len(list_profiles(demo_db.uow())) == count  # nothing saved
    page.form.agreement.setText("1234567")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.form.error_of("agreement") == ""
    assert len(list_profiles(demo_db.uow())) == count + 1


def test_edit_keeps_the_counter_billing_advanced(
    qtbot: Any, page: ProfilesPage, demo_db: Database
) -> None:
    profile_id = page.table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    page.table.selectRow(0)
    loaded = int(page.form.next_our_number.text())
    assert page.form.loaded_next_our_number == loaded
    with demo_db.uow() as uow:  # another desk bills meanwhile and takes numbers
        profile = uow.session.scalar(select(PaymentProfile).where(PaymentProfile.id == profile_id))
        profile.next_our_number = loaded + 25
        uow.commit()
    page.form.instructions.setPlainText("Não receber após 30 dias do vencimento.")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Alterações salvas."
    stored = profile_input(demo_db.uow(), profile_id)
    assert stored.instructions == "Não receber após 30 dias do vencimento."
    assert stored.next_our_number == loaded + 25  # not set back to what the form showed
    assert page.form.next_our_number.text() == str(loaded + 25)
