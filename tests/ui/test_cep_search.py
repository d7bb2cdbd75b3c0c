"""Buscar CEP in the person form and on leaving the wizard's CEP, against a local ViaCEP."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt

from contoffice.db.uow import Database
from contoffice.services.admin import cep_messages as m
from contoffice.services.admin.cep_lookup import ENV_URL
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people.form import save_person
from contoffice.ui.dialogs.person_dialog import PersonDialog
from contoffice.ui.first_run.office_step import OfficeStep
from tests.support.http_server import http_server

WAIT = 30_000
FOUND = json.dumps({"cep": "12245-000", "logradouro": "Avenida São João", "complemento": "",
                    "bairro": "Jardim Esplanada", "localidade": "São José dos Campos",
                    "uf": "SP", "ibge": "3549904"}, ensure_ascii=False)


def test_the_person_form_fills_the_address_by_cep(qtbot: Any, demo_db: Database,
                                                  demo_actor: Actor,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    with http_server([(500, "Internal Server Error"), (200, FOUND)]) as server:
        monkeypatch.setenv(ENV_URL, server.url + "/ws/{cep}/json/")
        dialog = PersonDialog(None, None, lambda data: save_person(
            demo_db.uow(), demo_actor, data, None))
        qtbot.addWidget(dialog)
        dialog.show()
        ui, search = dialog.ui, dialog.cep_search
        ui.postal_code_edit.setText("12245-000")
        ui.street_edit.setText("Rua digitada à mão")
        search.button.click()
        qtbot.waitUntil(lambda: search.status.text() == m.CEP_UNAVAILABLE, timeout=WAIT)
        assert search.status.isVisibleTo(dialog)
        assert ui.street_edit.text() == "Rua digitada à mão"  # the clerk's text stays
        search.button.click()
        qtbot.waitUntil(lambda: ui.city_ibge_code_edit.text() == "3549904", timeout=WAIT)
    assert [ui.street_edit.text(), ui.district_edit.text(), ui.city_edit.text(),
            ui.state_combo.currentData()] == [
        "Avenida São João", "Jardim Esplanada", "São José dos Campos", "SP"]
    ui.postal_code_edit.setText("0000-000")  # a wrong CEP still says so on its own row
    dialog.check_all()
    assert "8 dígitos" in dialog.error_of(ui.postal_code_edit)
    assert len(server.requests) == 2


def test_leaving_a_cep_just_typed_in_the_wizard_looks_it_up_once(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    with http_server([(200, FOUND)]) as server:
        monkeypatch.setenv(ENV_URL, server.url)
        step = OfficeStep()
        qtbot.addWidget(step)
        step.show()
        cep = step.edits["cep"]
        cep.setFocus()
        qtbot.keyClicks(cep, "12245000")
        qtbot.keyClick(cep, Qt.Key.Key_Return)  # editingFinished
        qtbot.waitUntil(lambda: step.city_code == "3549904", timeout=WAIT)
        assert step.edits["city"].text() == "São José dos Campos/SP"
        qtbot.keyClick(cep, Qt.Key.Key_Return)  # unchanged: not asked again
        assert step.cep_search.status.text() == "Endereço preenchido pelo CEP: confira e " \
            "complete o número."
    assert [r.path for r in server.requests] == ["/ws/12245000/json/"]
