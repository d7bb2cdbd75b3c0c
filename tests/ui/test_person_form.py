"""The person form: required fields, checks as typed, errors next to the field, save."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from contoffice.core.vocab import PersonKind
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people.form import load_person, save_person
from contoffice.services.people.records import clean_person
from contoffice.ui.dialogs.person_dialog import PersonDialog
from contoffice.ui.forms import build


def test_generated_forms_are_up_to_date(tmp_path: Path) -> None:
    for path in build.build(tmp_path):
        committed = build.TARGET / path.name
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def _dialog(qtbot: Any, db: Database, actor: Actor, edit: Any = None) -> PersonDialog:
    dialog = PersonDialog(None, edit.data if edit else None,
                          lambda data: save_person(db.uow(), actor, data, edit))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_required_fields_are_marked(qtbot: Any, demo_db: Database, demo_actor: Actor) -> None:
    dialog = _dialog(qtbot, demo_db, demo_actor)
    assert dialog.ui.name_label.text().endswith("*")
    assert dialog.ui.document_label.text().endswith("*")


@pytest.mark.parametrize("widget, typed, complete", [
    ("document_edit", "12.ABC.345/01DE-34", "12.ABC.345/01DE-35"),
    ("postal_code_edit", "00000-000", "01310-100"),
    ("email_edit", "padaria@", "padaria@pao.com.br"),
])
def test_checked_as_typed(qtbot: Any, demo_db: Database, demo_actor: Actor, widget: str,
                          typed: str, complete: str) -> None:
    dialog = _dialog(qtbot, demo_db, demo_actor)
    edit = getattr(dialog.ui, widget)
    edit.clear()
    qtbot.keyClicks(edit, typed)
    assert dialog.error_of(edit), widget
    edit.clear()
    qtbot.keyClicks(edit, complete)
    assert dialog.error_of(edit) == ""


def test_wrong_document_cannot_be_saved(qtbot: Any, demo_db: Database,
                                        demo_actor: Actor) -> None:
    dialog = _dialog(qtbot, demo_db, demo_actor)
    dialog.ui.name_edit.setText("Nova Empresa Ltda")
    dialog.ui.document_edit.setText("11.222.333/0001-00")
    dialog.ui.button_box.accepted.emit()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "CNPJ" in dialog.error_of(dialog.ui.document_edit)


def test_new_person_is_saved(qtbot: Any, demo_db: Database, demo_actor: Actor) -> None:
    dialog = _dialog(qtbot, demo_db, demo_actor)
    dialog.ui.name_edit.setText("Nova Empresa Ltda")
    dialog.ui.document_edit.setText("11.222.333/0001-81")
    dialog.ui.email_edit.setText("contato@nova.com.br")
    dialog.ui.button_box.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = load_person(demo_db.uow(), int(dialog.result_value))  # type: ignore[call-overload]
    assert saved.data.name == "Nova Empresa Ltda" and saved.data.document == "11222333000181"


def test_edit_keeps_values_and_reports_duplicates(qtbot: Any, demo_db: Database,
                                                 demo_actor: Actor, featured_id: int) -> None:
    edit = load_person(demo_db.uow(), featured_id)
    dialog = _dialog(qtbot, demo_db, demo_actor, edit)
    # The form round-trips every field (shown with masks, equal once cleaned).
    assert clean_person(dialog.value()) == clean_person(edit.data)
    assert dialog.ui.document_edit.text() == "12.ABC.345/01DE-35"
    dialog.reject()
    new = _dialog(qtbot, demo_db, demo_actor)
    new.ui.name_edit.setText("Outra Padaria Ltda")
    new.ui.document_edit.setText(edit.data.document)  # the Padaria's CNPJ again
    new.ui.button_box.accepted.emit()
    dialog = new
    shown = dialog.error_of(dialog.ui.document_edit) or dialog.ui.error_label.text()
    assert "Já existe um cadastro" in shown


def test_city_is_picked_from_the_ibge_list(qtbot: Any, demo_db: Database,
                                           demo_actor: Actor) -> None:
    dialog = _dialog(qtbot, demo_db, demo_actor)
    dialog.ui.city_edit.setText("sao jose dos c")
    dialog.ui.city_edit.textEdited.emit("sao jose dos c")
    labels = dialog.city_completer.model().stringList()
    assert labels == ["São José dos Campos/SP", "São José dos Cordeiros/PB"]
    dialog.city_completer.activated.emit(labels[0])
    assert dialog.ui.city_edit.text() == "São José dos Campos"
    assert dialog.ui.state_combo.currentData() == "SP"
    assert dialog.ui.city_ibge_code_edit.text() == "3549904"


def test_every_error_stays_beside_its_field_after_finalizar(qtbot: Any, demo_db: Database,
                                                            demo_actor: Actor) -> None:
    dialog = _dialog(qtbot, demo_db, demo_actor)
    ui = dialog.ui
    ui.kind_combo.setCurrentIndex(ui.kind_combo.findData(PersonKind.PF.value))
    ui.name_edit.setText("Maria da Silva")
    qtbot.keyClicks(ui.document_edit, "111.444.777-00")  # wrong check digits
    qtbot.keyClicks(ui.postal_code_edit, "00000-000")
    cpf, cep = dialog.error_of(ui.document_edit), dialog.error_of(ui.postal_code_edit)
    assert "CPF" in cpf and "00000-000 não existe" in cep
    for _ in range(2):  # Finalizar, and Finalizar again: both messages stay said
        ui.button_box.accepted.emit()
        assert dialog.result() != dialog.DialogCode.Accepted
        assert dialog.error_of(ui.document_edit) == cpf
        assert dialog.error_of(ui.postal_code_edit) == cep
    assert dialog.wrong_fields() == [ui.document_edit, ui.postal_code_edit]
    ui.postal_code_edit.clear()  # no CEP is no wrong CEP; the CPF is still wrong
    ui.button_box.accepted.emit()
    assert dialog.error_of(ui.postal_code_edit) == "" and dialog.error_of(ui.document_edit)


def test_finalizar_checks_what_was_left_half_typed(qtbot: Any, demo_db: Database,
                                                   demo_actor: Actor) -> None:
    dialog = _dialog(qtbot, demo_db, demo_actor)
    ui = dialog.ui
    ui.name_edit.setText("Nova Empresa Ltda")
    ui.document_edit.setText("11.222.333/0001-81")
    qtbot.keyClicks(ui.postal_code_edit, "0131")  # 4 digits: no message while typing
    assert dialog.error_of(ui.postal_code_edit) == ""
    ui.button_box.accepted.emit()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "8 dígitos" in dialog.error_of(ui.postal_code_edit)
