"""Configurações → Dados fiscais: saved and read back, refusals by field, the A1 certificate."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog

from contoffice.core.secrets import STORE
from contoffice.db.uow import Database
from contoffice.fiscal.certificate import make_test_pkcs12
from contoffice.services.fiscal import certificates, settings
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.settings import DeskSettings
from contoffice.ui.settings_area import SettingsArea
from contoffice.ui.settings_area.fiscal_page import FiscalPage

CNPJ = "11222333000181"


_AREAS: list[SettingsArea] = []  # each area lives as long as its test


@pytest.fixture(autouse=True)
def _release_areas() -> Iterator[None]:
    yield
    _AREAS.clear()


def _page(qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings) -> FiscalPage:
    area = SettingsArea(WindowContext(db, actor, desk_settings))
    _AREAS.append(area)
    qtbot.addWidget(area)
    area.show()
    page = area.pages["settings.fiscal"]
    assert isinstance(page, FiscalPage)
    area.setCurrentWidget(page)
    assert area.tabText(area.currentIndex()) == "Dados fiscais"
    return page


def test_saved_and_read_back(qtbot: Any, db: Database, actor: Actor,
                             desk_settings: DeskSettings) -> None:
    page = _page(qtbot, db, actor, desk_settings)
    page.edits["municipal_registration"].setText("1234567")
    page.city_edit.setText("Campinas")
    page.city.suggest("Campinas")
    assert "Campinas/SP" in page.city.completer.model().stringList()
    page.city.pick("Campinas/SP")
    assert page.edits["city_code"].text() == "3509502"
    page.combos["simples_option"].setCurrentIndex(page.combos["simples_option"].findData(3))
    page.combos["simples_regime"].setCurrentIndex(page.combos["simples_regime"].findData(2))
    page.combos["special_regime"].setCurrentIndex(page.combos["special_regime"].findData(6))
    page.edits["iss_rate_bp"].setText("2,50")
    page.edits["simples_total_rate_bp"].setText("6,00")
    page.checks["iss_withheld"].setChecked(True)
    page.series_spin.setValue(7)
    page.combos["environment"].setCurrentIndex(page.combos["environment"].findData(1))
    page.combos["transmission"].setCurrentIndex(page.combos["transmission"].findData("sefin"))
    page.edits["first_competence"].setText("03/2026")
    page.checks["on_settled"].setChecked(True)
    page.save_button.click()
    assert page.status.text() == texts.SAVED
    with db.uow() as uow:
        stored = settings.read(uow)
    assert (stored.municipal_registration, stored.city_code, stored.simples_regime,
            stored.special_regime, stored.iss_rate_bp, stored.simples_total_rate_bp,
            stored.iss_withheld, stored.series, stored.environment, stored.transmission,
            stored.first_competence, stored.on_settled, stored.service_code) == (
        "1234567", "3509502", 2, 6, 250, 600, True, 7, 1, "sefin", date(2026, 3, 1), True,
        "171901")
    again = _page(qtbot, db, actor, desk_settings)  # another desk opens the page
    assert again.edits["iss_rate_bp"].text() == "2,50"
    assert again.city_edit.text() == "Campinas/SP"
    assert again.edits["first_competence"].text() == "03/2026"
    assert again.combos["environment"].currentText() == "Produção"
    assert again.combos["simples_regime"].isEnabled()
    again.combos["simples_option"].setCurrentIndex(again.combos["simples_option"].findData(1))
    assert not again.combos["simples_regime"].isEnabled()  # regApTribSN only for ME/EPP


def test_refusals_are_shown_by_their_field(qtbot: Any, db: Database, actor: Actor,
                                           desk_settings: DeskSettings) -> None:
    page = _page(qtbot, db, actor, desk_settings)
    page.edits["city_code"].setText("9999999")
    page.save_button.click()
    assert "IBGE" in page.form.error_of("city_code")
    page.edits["city_code"].setText("3550308")
    page.edits["iss_rate_bp"].setText("dois")
    page.save_button.click()
    assert page.form.error_of("iss_rate_bp") == (
        "Alíquota do ISS (%): informe um percentual como 2,00.")
    page.edits["iss_rate_bp"].setText("7,00")  # above the 5 % ceiling: the service says so
    page.save_button.click()
    assert "5,00%" in page.form.error_of("iss_rate_bp")
    page.edits["iss_rate_bp"].setText("")
    page.edits["first_competence"].setText("13/2026")
    page.save_button.click()
    assert "mês" in page.form.error_of("first_competence")
    assert page.status.text() == ""
    with db.uow() as uow:
        assert settings.read(uow).city_code == ""  # nothing was kept


def test_certificate_install_wrong_password_then_right(qtbot: Any, db: Database, actor: Actor,
                                                      desk_settings: DeskSettings,
                                                      tmp_path: Path) -> None:
    page = _page(qtbot, db, actor, desk_settings)
    box = page.certificate
    assert "Nenhum certificado" in box.warning_label.text()
    pfx = tmp_path / "escritorio.pfx"
    pfx.write_bytes(make_test_pkcs12(CNPJ, "Escritório Exemplo", "segredo", days=20))
    dialog = box.open_install()
    dialog.path_edit.setText(str(pfx))
    dialog.password_edit.setText("errada")
    dialog.install_button.click()
    assert dialog.error_label.text() == "Senha do certificado incorreta."
    assert dialog.isVisible()
    with db.uow() as uow:
        assert certificates.info(uow) is None  # nothing kept
    dialog.password_edit.setText("segredo")
    dialog.install_button.click()
    assert not dialog.isVisible()
    assert box.document_label.text() == "11.222.333/0001-81"
    assert "Escritório Exemplo" in box.subject_label.text()
    # Twenty days left: the red warning of the last thirty.
    assert box.warning_label.isVisibleTo(box) and "vence em" in box.warning_label.text()
    with db.uow() as uow:
        info = certificates.info(uow)
    assert info is not None and STORE.get(certificates.secret_key(info.fingerprint)) == "segredo"
    assert box.valid_label.text() == info.not_after.strftime("%d/%m/%Y")


def test_a_file_that_is_no_certificate_is_refused(qtbot: Any, db: Database, actor: Actor,
                                                  desk_settings: DeskSettings,
                                                  tmp_path: Path) -> None:
    page = _page(qtbot, db, actor, desk_settings)
    junk = tmp_path / "nota.pfx"
    junk.write_bytes(b"isto nao e um certificado")
    dialog = page.certificate.open_install()
    dialog.path_edit.setText(str(junk))
    dialog.password_edit.setText("x")
    dialog.install_button.click()
    assert dialog.error_label.text() == "O arquivo não é um certificado A1 (PKCS#12)."


def test_a_desk_without_the_password_is_asked_for_it(
        qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with db.uow() as uow:
        info = certificates.install(uow, actor, make_test_pkcs12(CNPJ, "Escritório", "certa"),
                                    "certa")
    STORE.forget(certificates.secret_key(info.fingerprint))  # another desk's keyring
    box = _page(qtbot, db, actor, desk_settings).certificate
    assert "não tem a senha" in box.warning_label.text() and box.unlock_button.isVisibleTo(box)
    answers = iter([("errada", True), ("certa", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: next(answers))
    assert not box.ask_password()
    assert box.warning_label.text() == "Senha do certificado incorreta."
    assert box.ask_password()
    assert not box.unlock_button.isVisibleTo(box) and box.warning_label.text() == ""
    assert STORE.get(certificates.secret_key(info.fingerprint)) == "certa"
