"""Envio em massa in the window, against a real SMTP server on 127.0.0.1.

Simular says who gets what and who is skipped and why; Enviar delivers exactly those
messages; cancelling half-way leaves the rest pending, and Continuar envio sends only them.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from contoffice.core.message_vocab import MailSecurity, MessageChannel, TemplateScope
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.messaging import accounts, gateways
from contoffice.services.messaging.gateways import GatewayInput
from contoffice.services.messaging.mass import Selection
from contoffice.services.messaging.templates_store import Template, save_template
from contoffice.ui.messages_area import MessagesArea
from contoffice.ui.messages_area.mass_dialog import MassDialog
from contoffice.ui.messages_area.mass_preview import PlanPreview
from contoffice.ui.messages_area.report_dialog import SendReportDialog
from contoffice.ui.messages_area.sending import SendFlow
from contoffice.ui.settings import DeskSettings
from tests.services.messaging.support import add_account
from tests.support import smtp_server as local
from tests.support.smtp_server import Received, smtp_server
from tests.ui.messages_area.conftest import (
    WAIT,
    Seen,
    office_of,
    open_area,
    open_window,
    select_where,
    set_email,
    shown_statuses,
)


def _mass_dialog(area: MessagesArea) -> MassDialog:
    area.actions.actions["mass"].trigger()
    dialog = area.mass_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _simulate(qtbot: Any, dialog: MassDialog) -> None:
    dialog.options.competence_edit.setDate(QDate(2026, 12, 1))
    qtbot.mouseClick(dialog.simulate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.busy, timeout=WAIT)


def _send(qtbot: Any, area: MessagesArea, dialog: MassDialog) -> SendFlow:
    """Enviar: the batch is queued and the area's first round ends with its report."""
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.last_flow is not None, timeout=WAIT)
    flow = area.last_flow
    assert flow is not None
    qtbot.waitUntil(lambda: flow.dialog is not None, timeout=WAIT)
    return flow


def _counts(report: SendReportDialog) -> dict[str, int]:
    return {key: int(label.text()) for key, label in report.count_labels.items()}


def _addresses(received: list[Received]) -> Counter[str]:
    return Counter(address for message in received for address in message.rcpt_tos)


def test_simulate_shows_who_is_skipped_and_send_delivers_exactly_the_rest(
    qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, seen: Seen,
) -> None:
    clients = office_of(db, actor, 5)
    set_email(db, clients[1].person_id, "")
    set_email(db, clients[3].person_id, "cliente sem arroba")
    going = [c for i, c in enumerate(clients) if i not in (1, 3)]
    with smtp_server() as server:
        add_account(db, actor, server.port)
        window = open_window(qtbot, db, actor, desk_settings)
        area = open_area(qtbot, window)
        dialog = _mass_dialog(area)
        options = dialog.options
        today = date.today()
        assert options.competence_edit.date() == QDate(today.year, today.month, 1)
        assert options.competence_radio.isChecked()
        assert not options.finder_radio.isEnabled()  # nothing selected in the finder
        combo = options.channel_combo
        assert [combo.itemText(i) for i in range(combo.count())] == ["E-mail"]  # no gateway
        assert options.template == "Boleto" and options.account == "Principal"
        assert not dialog.send_button.isEnabled()  # nothing simulated yet
        _simulate(qtbot, dialog)
        preview = dialog.preview
        assert preview.lines_label.text() == "3 mensagem(ns) a enviar"
        assert preview.skipped_label.text() == "2 sem envio"
        lines = PlanPreview.texts(preview.lines_table)
        assert [row[:3] for row in lines] == [[c.name, str(c.invoice_id), c.email]
                                              for c in going]
        assert all(row[3].startswith(f"Boleto da fatura {c.invoice_id} ")
                   for row, c in zip(lines, going, strict=True))
        assert PlanPreview.texts(preview.skipped_table) == [
            [clients[1].name, str(clients[1].invoice_id), "Cliente sem e-mail cadastrado."],
            [clients[3].name, str(clients[3].invoice_id), "E-mail inválido: cliente sem arroba."]]
        assert server.received == []  # Simular writes and sends nothing
        # Another month makes the plan stale: Enviar waits for a new Simular.
        options.competence_edit.setDate(QDate(2026, 11, 1))
        assert not dialog.send_button.isEnabled() and dialog.plan is None
        _simulate(qtbot, dialog)
        assert dialog.send_button.isEnabled()
        flow = _send(qtbot, area, dialog)
        assert seen.questions == ["Enviar 3 mensagens?"]
        assert not dialog.isVisible()  # the batch is queued: the area sends it
        report = flow.dialog
        assert report is not None and report.isVisible()
        assert _counts(report) == {"sent": 3, "failed": 0, "pending": 0, "uncertain": 0}
        assert report.continue_button.isHidden() and report.note_texts() == []
        assert _addresses(server.received) == Counter(c.email for c in going)
        for message in server.received:
            invoice = next(c.invoice_id for c in going if c.email in message.rcpt_tos)
            names = [part.get_filename() for part in message.message.iter_attachments()]
            assert names == [f"boleto-fatura-{invoice}.pdf"]
            assert str(message.message["Subject"]).startswith(f"Boleto da fatura {invoice} ")
        report.close_button.click()
        assert flow.done
        assert shown_statuses(area.grid) == {c.email: "Enviada" for c in going}
        assert seen.warnings == []


def test_cancel_half_way_leaves_the_rest_pending_and_continue_sends_only_it(
    qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, seen: Seen,
) -> None:
    clients = office_of(db, actor, 8)
    with smtp_server() as server:
        # Two messages a second: the clerk has the time to press Cancelar half-way.
        accounts.save_account(db.uow(), actor, accounts.AccountInput(
            name="Principal", host=local.HOST, port=server.port, security=MailSecurity.PLAIN,
            username=local.USER, sender_name="Escritório Modelo",
            sender_address="cobranca@escritorio.com.br", per_minute=120, is_default=True),
            new_password=local.PASSWORD)
        window = open_window(qtbot, db, actor, desk_settings)
        area = open_area(qtbot, window)
        dialog = _mass_dialog(area)
        _simulate(qtbot, dialog)
        assert dialog.preview.lines_label.text() == "8 mensagem(ns) a enviar"
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: area.last_flow is not None
                        and area.last_flow.operation is not None
                        and area.last_flow.operation.dialog is not None
                        and len(server.received) >= 1, timeout=WAIT)
        flow = area.last_flow
        assert flow is not None and flow.operation is not None
        progress = flow.operation.dialog
        assert progress is not None
        progress.findChild(QPushButton).click()  # Cancelar
        qtbot.waitUntil(lambda: flow.dialog is not None, timeout=WAIT)
        first = flow.dialog
        assert first is not None
        counts = _counts(first)
        sent = counts["sent"]
        assert 1 <= sent < 8 and len(server.received) == sent
        assert counts == {"sent": sent, "failed": 0, "pending": 8 - sent, "uncertain": 0}
        assert first.note_texts() == [
            f"Envio cancelado pelo operador: {8 - sent} mensagem(ns) ficaram pendentes."]
        statuses = Counter(shown_statuses(area.grid).values())
        assert statuses == Counter({"Enviada": sent, "Pendente": 8 - sent})
        assert first.continue_button.isVisible()
        first.continue_button.click()  # Continuar envio
        qtbot.waitUntil(lambda: len(flow.reports) == 2 and flow.dialog is not first,
                        timeout=WAIT)
        second = flow.dialog
        assert second is not None
        assert _counts(second) == {"sent": 8 - sent, "failed": 0, "pending": 0, "uncertain": 0}
        assert second.continue_button.isHidden()
        # Every client got exactly one message: nothing of the first round went again.
        assert _addresses(server.received) == Counter(c.email for c in clients)
        second.close_button.click()
        assert flow.done
        assert set(shown_statuses(area.grid).values()) == {"Enviada"}
        assert seen.questions == ["Enviar 8 mensagens?"] and seen.warnings == []


def test_the_finders_selection_and_the_sms_channel_are_offered_when_they_exist(
    qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, seen: Seen,
) -> None:
    clients = office_of(db, actor, 3)
    add_account(db, actor, local.free_port())
    # A client, not an invoice, is written to: the template names no invoice field.
    save_template(db.uow(), actor, Template(
        "Aviso", TemplateScope.MASS, MessageChannel.EMAIL, "Aviso do #empresa#",
        "Olá, #cliente#. O escritório mudou de endereço."))
    gateways.save_gateway(db.uow(), actor, GatewayInput(
        name="Torpedo", url="http://127.0.0.1:9/sms", method="POST", headers="",
        body_template="to=#telefone#&msg=#mensagem#", is_default=True))
    window = open_window(qtbot, db, actor, desk_settings)
    finder = window.finder
    finder.setCurrentWidget(finder.latest)
    qtbot.waitUntil(lambda: finder.latest.grid.model.rowCount() >= 3, timeout=WAIT)
    chosen = {clients[0].person_id, clients[2].person_id}
    select_where(finder.latest.grid, lambda row: row.id in chosen)
    area = open_area(qtbot, window)
    dialog = _mass_dialog(area)
    options = dialog.options
    assert options.finder_radio.isEnabled()
    assert options.finder_radio.text() == "Clientes selecionados no localizador (2)"
    options.finder_radio.setChecked(True)
    assert options.selection() == Selection(person_ids=tuple(finder.latest.grid.selected_ids()))
    assert set(options.selection().person_ids) == chosen
    options.template_combo.setCurrentText("Aviso")
    qtbot.mouseClick(dialog.simulate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.busy, timeout=WAIT)
    assert sorted(PlanPreview.texts(dialog.preview.lines_table)) == [
        [c.name, "—", c.email, "Aviso do Escritório Modelo Contábil"]
        for c in clients if c.person_id in chosen]
    assert dialog.preview.skipped_label.text() == "0 sem envio"
    combo = options.channel_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["E-mail", "SMS"]
    combo.setCurrentIndex(1)
    assert options.gateway_id is not None and options.account is None
    assert options.account_combo.currentText() == "Torpedo"
    assert options.template_combo.findText("Boleto") >= 0
    # The overdue invoices pick the set's "Fatura vencida" template.
    options.overdue_radio.setChecked(True)
    assert options.template == "Fatura vencida"
