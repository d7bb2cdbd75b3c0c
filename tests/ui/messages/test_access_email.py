"""Informações de acesso → "Enviar e-mail com dados de acesso": the person form opens the send
dialog with the access template, and the client receives its login and a fresh password."""

from __future__ import annotations

from typing import Any

from contoffice.ui.messages.send_dialog import SendDialog, open_send_dialog
from tests.ui.messages.conftest import Office
from tests.ui.messages.conftest import send as _send


def test_the_person_form_sends_the_access_data_with_a_fresh_password(
    qtbot: Any, office: Office
) -> None:
    import re

    from contoffice.services.people import access as client_access
    from contoffice.services.people.form import load_person, save_person
    from contoffice.ui.dialogs.person_access import access_part
    from contoffice.ui.dialogs.person_dialog import PersonDialog

    client = office.person_of(office.invoices[1])
    edit = load_person(office.db.uow(), client.id)
    mailed: list[int] = []

    def mail(person_id: int) -> None:
        mailed.append(person_id)
        open_send_dialog(office.parent, office.ctx, person_id=person_id, access=True,
                         permission="people.access_data")

    ctx = office.ctx
    form = PersonDialog(None, edit.data,
                        lambda data: save_person(ctx.db.uow(), ctx.actor, data, edit),
                        access=access_part(ctx.db, ctx.actor, edit, mail=mail))
    qtbot.addWidget(form)
    form.show()
    ui = form.ui
    check = form.access_group.mail_check
    assert check.isVisible() and check.text() == "Enviar e-mail com dados de acesso"
    ui.document_edit.setText("11.222.333/0001-81")  # the bulk-made client has none
    ui.access_login_edit.setText("cliente.um")
    ui.access_password_edit.setText("Senha-Digitada-9")
    ui.access_active_check.setChecked(True)
    check.setChecked(True)
    ui.button_box.accepted.emit()
    assert form.result() == form.DialogCode.Accepted, [
        form.error_of(w) for w in form.wrong_fields()]
    before = set(office.parent.findChildren(SendDialog))
    form.access_group.saved(form.result_value)
    assert mailed == [client.id]
    (dialog,) = set(office.parent.findChildren(SendDialog)) - before
    assert dialog.template_combo.currentText() == "Dados de acesso"
    assert "#pass_sac#" in dialog.body_edit.toPlainText()
    _send(qtbot, office, dialog)
    body = office.server.received[-1].message.get_body().get_content()
    assert "Usuário: cliente.um" in body
    issued = re.search(r"Senha: (\S+)", body)
    assert issued is not None and issued[1] != "Senha-Digitada-9"
    with office.db.uow() as uow:
        assert client_access.verify_access(uow, "cliente.um", issued[1]) == client.id
        uow.commit()


def test_without_the_option_ticked_nothing_is_mailed(qtbot: Any, office: Office) -> None:
    from contoffice.services.people.form import load_person, save_person
    from contoffice.ui.dialogs.person_access import access_part
    from contoffice.ui.dialogs.person_dialog import PersonDialog

    client = office.person_of(office.invoices[1])
    edit = load_person(office.db.uow(), client.id)
    mailed: list[int] = []
    ctx = office.ctx
    form = PersonDialog(None, edit.data,
                        lambda data: save_person(ctx.db.uow(), ctx.actor, data, edit),
                        access=access_part(ctx.db, ctx.actor, edit, mail=mailed.append))
    qtbot.addWidget(form)
    form.show()
    form.ui.document_edit.setText("11.222.333/0001-81")
    form.ui.button_box.accepted.emit()
    assert form.result() == form.DialogCode.Accepted
    form.access_group.saved(form.result_value)
    assert mailed == [] and office.server.received == []
