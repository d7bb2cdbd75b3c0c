"""Enviar e-mail driven through its real widgets, sending to a real SMTP server on 127.0.0.1.

Opened from an invoice (and from the client panel's Enviar fatura / Enviar Boleto Individual
and the print preview's E-mail), it shows the client's address and the assigned operator in
copy; what arrives carries the pt-BR body, the wildcards replaced and the boleto whose barcode
decodes. An unknown wildcard is said beside the body and nothing leaves.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from contoffice.core.format import format_date
from contoffice.core.message_vocab import MessageStatus
from contoffice.db.models import Invoice
from contoffice.services.boletos.printing import slips_for_invoices
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.context import WindowContext
from contoffice.ui.messages.send_dialog import SendDialog
from contoffice.ui.messages.send_parts import PreviewView
from contoffice.ui.printing import jobs, print_invoices
from contoffice.ui.printing.preview import PdfPreviewDialog
from tests.support.pdftools import PdfTools, require_pdf_tools
from tests.ui.client.conftest import select as select_rows
from tests.ui.messages.conftest import COPY, Office
from tests.ui.messages.conftest import open_dialog as _open
from tests.ui.messages.conftest import send as _send


def test_the_boleto_of_an_invoice_reaches_the_client_with_the_operator_in_copy(
    qtbot: Any, office: Office, tmp_path: Path
) -> None:
    require_pdf_tools()
    invoice = office.invoices[0]
    client = office.person_of(invoice)
    with office.db.uow() as uow:
        slip = slips_for_invoices(uow, [invoice])[0]
        due = uow.session.get(Invoice, invoice).due_date
    dialog = _open(office, invoice_ids=[invoice])
    assert dialog.windowTitle() == "Enviar e-mail"
    assert dialog.to_edit.text() == client.email == f"cliente{client.id}@exemplo.com.br"
    assert dialog.cc_edit.text() == COPY
    assert dialog.template_combo.currentText() == "Boleto"
    assert not dialog.account_combo.isVisibleTo(dialog)  # one account: nothing to choose
    boleto = next(label for label in dialog.attachments.labels() if f"fatura {invoice}" in label)
    assert dialog.attachments.labels(checked_only=True) == [boleto]
    # The clerk adds the client code at the end of the body by double-clicking the wildcard.
    cursor = dialog.body_edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    dialog.body_edit.setTextCursor(cursor)
    dialog.body_edit.insertPlainText("\nCódigo do cliente: ")
    item = dialog.wildcards.item_of("#codpessoa#")
    dialog.wildcards.scrollToItem(item)
    where = dialog.wildcards.visualItemRect(item).center()
    for click in (qtbot.mouseClick, qtbot.mouseDClick):  # a real double-click presses first
        click(dialog.wildcards.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert dialog.body_edit.toPlainText().endswith("Código do cliente: #codpessoa#")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    view = dialog.findChild(PreviewView)
    assert view is not None
    assert f"Boleto da fatura {invoice}" in view.subject_label.text()
    assert view.body_view.toPlainText().startswith(f"Olá, {client.name}.")
    assert "#" not in view.body_view.toPlainText()
    _send(qtbot, office, dialog)
    assert office.said == [f"E-mail enviado para {client.email}."]
    assert office.notes[-1] == office.said[-1]
    qtbot.waitUntil(lambda: not office.parent.findChildren(SendDialog))  # closed once sent
    (mail,) = office.server.received
    message = mail.message
    assert message["To"] == client.email and message["Cc"] == COPY
    assert set(mail.rcpt_tos) == {client.email, COPY}
    assert message["Subject"] == f"Boleto da fatura {invoice} — vencimento {format_date(due)}"
    body = message.get_body().get_content().replace("\r\n", "\n")  # SMTP line ends
    assert body.startswith(f"Olá, {client.name}.\n\nSegue em anexo o boleto da fatura {invoice}")
    assert slip.digitable_line_formatted in body and "#" not in body
    assert body.rstrip().endswith(f"Código do cliente: {client.id}")
    (pdf,) = list(message.iter_attachments())
    assert pdf.get_filename() == f"boleto-fatura-{invoice}.pdf"
    path = tmp_path / "recebido.pdf"
    path.write_bytes(pdf.get_content())
    tools = PdfTools(tmp_path)
    codes = [code for page in tools.pages(path) for code in tools.decode(page, "i25")]
    assert slip.barcode in codes
    (row,) = office.outbox()
    assert row.status == MessageStatus.SENT and row.invoice_id == invoice


def test_an_unknown_wildcard_is_said_beside_the_body_and_nothing_is_sent(
    qtbot: Any, office: Office
) -> None:
    dialog = _open(office, invoice_ids=[office.invoices[0]])
    dialog.body_edit.setPlainText("Olá, #cliente#. Seu saldo: #saldo_total#.")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.findChild(PreviewView) is None
    problem = dialog.error_of(dialog.body_edit)
    assert problem == "Coringa desconhecido: #saldo_total#. Use só os coringas da lista."
    dialog.confirm_check.setChecked(True)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.operation is not None and dialog.operation.error is not None,
                    timeout=10_000)
    assert dialog.error_of(dialog.body_edit) == problem
    assert office.server.received == [] and office.outbox() == []
    assert dialog.isVisible()  # the clerk fixes it here


def test_a_wildcard_without_value_is_said_before_sending(qtbot: Any, office: Office) -> None:
    client = office.person_of(office.invoices[1])
    dialog = _open(office, person_id=client.id)  # no invoice: #fatura# has nothing to say
    assert dialog.cc_edit.text() == ""  # nobody assigned to this client
    assert dialog.attachments.labels(checked_only=True) == []
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.findChild(PreviewView) is None
    assert "#fatura#" in dialog.error_of(dialog.body_edit)
    assert "sem valor" in dialog.error_of(dialog.body_edit)


def test_saved_as_template_it_is_offered_next_time(qtbot: Any, office: Office) -> None:
    invoice = office.invoices[1]
    client = office.person_of(invoice)
    dialog = _open(office, invoice_ids=[invoice])
    dialog.subject_edit.setText("Lembrete da fatura #fatura#")
    dialog.body_edit.setPlainText("Olá, #cliente#. A fatura #fatura# vence em #vencimento#.")
    dialog.save_check.setChecked(True)
    dialog.template_name_edit.setText("Lembrete")
    _send(qtbot, office, dialog)
    assert office.said == [f"E-mail enviado para {client.email}."]
    (mail,) = office.server.received
    assert mail.message["Subject"] == f"Lembrete da fatura {invoice}"
    again = _open(office, invoice_ids=[invoice])
    names = [again.template_combo.itemText(i) for i in range(again.template_combo.count())]
    assert "Lembrete" in names and "Boleto" in names
    assert again.template_combo.currentText() == "Boleto"
    again.template_combo.setCurrentText("Lembrete")
    assert again.subject_edit.text() == "Lembrete da fatura #fatura#"
    assert again.body_edit.toPlainText().startswith("Olá, #cliente#. A fatura #fatura#")


def test_a_template_needs_a_name_and_nothing_leaves_without_it(
    qtbot: Any, office: Office
) -> None:
    dialog = _open(office, invoice_ids=[office.invoices[1]])
    dialog.save_check.setChecked(True)
    dialog.confirm_check.setChecked(True)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.error_of(dialog.template_name_edit) == "Informe o nome do modelo."
    assert dialog.operation is None and office.outbox() == []


def test_a_refused_address_is_said_with_the_server_reason_and_logged_as_failed(
    qtbot: Any, office: Office
) -> None:
    dialog = _open(office, invoice_ids=[office.invoices[1]])
    dialog.to_edit.setText("recusado@exemplo.com.br")
    _send(qtbot, office, dialog)
    (said,) = office.said
    assert said.startswith("O e-mail não foi enviado: ") and "Caixa inexistente" in said
    assert "registrada como falha" in said
    (row,) = office.outbox()
    assert row.status == MessageStatus.FAILED and "Caixa inexistente" in row.last_error
    assert dialog.isVisible() and office.server.received == []


def test_a_wrong_address_is_marked_on_its_field(qtbot: Any, office: Office) -> None:
    dialog = _open(office, invoice_ids=[office.invoices[1]])
    dialog.cc_edit.setText("julia@")
    dialog.confirm_check.setChecked(True)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error_of(dialog.cc_edit)), timeout=10_000)
    assert dialog.error_of(dialog.cc_edit).startswith("Destinos em cópia inválido")
    assert dialog.cc_edit.property("invalid")
    assert office.outbox() == [] and office.server.received == []


def test_the_client_panel_opens_it_from_both_tools(qtbot: Any, office: Office) -> None:
    invoice = office.invoices[0]
    client = office.person_of(invoice)
    tab = ClientTab(office.ctx, client.id)
    qtbot.addWidget(tab)
    tab.show()
    page = tab.show_page("client.receivable")
    page.refresh()
    select_rows(page, [invoice])
    for action in ("send_invoices", "send_boleto"):
        assert page.actions.actions[action].isEnabled(), action
        page.actions.actions[action].trigger()
        (dialog,) = page.findChildren(SendDialog)
        assert dialog.to_edit.text() == client.email and dialog.cc_edit.text() == COPY
        (ticked,) = dialog.attachments.labels(checked_only=True)
        assert f"Boleto da fatura {invoice}" in ticked
        dialog.close()
        qtbot.waitUntil(lambda: not page.findChildren(SendDialog))


def test_the_preview_offers_e_mail_for_one_clients_invoices(
    qtbot: Any, office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "TEMP_ROOT", tmp_path)
    invoice = office.invoices[0]
    client = office.person_of(invoice)

    def preview(ctx: WindowContext, person_id: int | None) -> PdfPreviewDialog:
        before = set(office.parent.findChildren(PdfPreviewDialog))
        print_invoices(office.parent, ctx, [invoice], person_id=person_id)
        qtbot.waitUntil(lambda: bool(set(office.parent.findChildren(PdfPreviewDialog)) - before),
                        timeout=15_000)
        (shown,) = set(office.parent.findChildren(PdfPreviewDialog)) - before
        return shown

    shown = preview(office.ctx, client.id)
    assert shown.email_button.isVisible() and shown.email_button.text() == "E-mail"
    qtbot.mouseClick(shown.email_button, Qt.MouseButton.LeftButton)
    (dialog,) = shown.findChildren(SendDialog)
    assert dialog.start.invoice_ids == (invoice,)
    assert dialog.to_edit.text() == client.email
    shown.close()
    assert not preview(office.ctx, None).email_button.isVisible()  # not one client's invoices
    actor = office.ctx.actor
    clerk = replace(actor, is_admin=False, permissions=frozenset({"invoices.print"}))
    assert not preview(replace(office.ctx, actor=clerk), client.id).email_button.isVisible()
