"""Mensagens enviadas (the area's grid) and the client panel's page: open, resend, export."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.messaging import dispatch, mass
from contoffice.ui import texts
from contoffice.ui.client.grid_page import GridPage
from contoffice.ui.messages_area import MessagesArea
from contoffice.ui.messages_area.message_dialog import MessageDialog
from contoffice.ui.messages_area.sending import SendFlow
from contoffice.ui.messages_area.tools import MessageTools
from contoffice.ui.settings import DeskSettings
from tests.services.messaging.support import NO_WAIT, add_account
from tests.support.smtp_server import SmtpTestServer, smtp_server
from tests.ui.messages_area.conftest import (
    WAIT,
    Client,
    Seen,
    office_of,
    open_area,
    open_window,
    rows_of,
    select_where,
    shown_statuses,
)

REFUSED = "550 5.1.1 Caixa postal inexistente"


@dataclass
class Sent:
    """Three clients mailed their boletos; the first one's server refused it."""

    clients: list[Client]
    server: SmtpTestServer


@pytest.fixture
def sent(db: Database, actor: Actor) -> Iterator[Sent]:
    clients = office_of(db, actor, 3)
    with smtp_server(refuse={clients[0].email: REFUSED}) as server:
        add_account(db, actor, server.port)
        plan = mass.plan_batch(db.uow(), actor, mass.Selection(competence=date(2026, 12, 1)))
        batch_id = mass.queue_batch(db, actor, plan)
        report = dispatch.send_queued(db, actor, batch_id=batch_id, pace=NO_WAIT)
        assert (report.sent, report.failed) == (2, 1)
        yield Sent(clients, server)


def _resend(qtbot: Any, tools: MessageTools, trigger: Any) -> SendFlow:
    tools.last_flow = None
    trigger()
    qtbot.waitUntil(lambda: tools.last_flow is not None and tools.last_flow.dialog is not None,
                    timeout=WAIT)
    assert tools.last_flow is not None
    return tools.last_flow


def _opened(tools: MessageTools, trigger: Any) -> dict[str, str]:
    tools.last_dialog = None
    trigger()
    dialog = tools.last_dialog
    assert isinstance(dialog, MessageDialog) and dialog.isVisible()
    shown = dialog.texts()
    dialog.close()
    return shown


def test_the_grid_lists_them_opens_one_and_resends_the_failed_one(
    qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, seen: Seen,
    sent: Sent,
) -> None:
    failed, ok, _other = sent.clients
    window = open_window(qtbot, db, actor, desk_settings)
    area = open_area(qtbot, window)
    assert shown_statuses(area.grid) == {c.email: ("Falhou" if c is failed else "Enviada")
                                         for c in sent.clients}
    refused = next(r for r in rows_of(area.grid) if r.destination == failed.email)
    assert refused.error == f"O servidor recusou o destinatário {failed.email}: {REFUSED}"
    actions = area.actions.actions
    assert list(actions) == ["open", "resend", "export", "mass"]
    assert not actions["open"].isEnabled() and actions["mass"].isEnabled()
    # Abrir mensagem: what went, as it went.
    select_where(area.grid, lambda row: row.destination == ok.email)
    assert actions["open"].isEnabled() and actions["resend"].isEnabled()
    shown = _opened(area.tools, actions["open"].trigger)
    assert shown["client"] == ok.name and shown["destination"] == ok.email
    assert shown["channel"] == "E-mail" and shown["status"] == "Enviada"
    assert shown["subject"].startswith(f"Boleto da fatura {ok.invoice_id} ")
    assert shown["attachments"] == f"boleto-fatura-{ok.invoice_id}.pdf"
    assert shown["error"] == "—" and shown["when"][:2].isdigit()
    assert shown["body"].startswith(f"Olá, {ok.name}.")
    # A sent message is not sent again: the service's refusal, and nothing leaves.
    before = len(sent.server.received)
    sent_id = next(r.id for r in rows_of(area.grid) if r.destination == ok.email)
    actions["resend"].trigger()
    assert seen.warnings == [f"A mensagem {sent_id} está enviada: só mensagens que falharam "
                             "ou foram interrompidas são reenviadas."]
    assert len(sent.server.received) == before
    # Reenviar the failed one while the server still refuses it: it fails again, saying why.
    select_where(area.grid, lambda row: row.destination == failed.email)
    flow = _resend(qtbot, area.tools, actions["resend"].trigger)
    report = flow.dialog
    assert report is not None
    assert {k: int(v.text()) for k, v in report.count_labels.items()} == {
        "sent": 0, "failed": 1, "pending": 0, "uncertain": 0}
    assert report.failure_texts() == [f"Mensagem {refused.id}: {refused.error}"]
    report.close_button.click()
    assert flow.done and len(sent.server.received) == before
    # The address is fixed on the server's side: Reenviar delivers it, once.
    sent.server.handler.refuse.clear()
    select_where(area.grid, lambda row: row.destination == failed.email)
    flow = _resend(qtbot, area.tools, actions["resend"].trigger)
    report = flow.dialog
    assert report is not None and report.count_labels["sent"].text() == "1"
    report.close_button.click()
    delivered = [m for m in sent.server.received if failed.email in m.rcpt_tos]
    assert len(delivered) == 1 and len(sent.server.received) == before + 1
    assert shown_statuses(area.grid)[failed.email] == "Enviada"
    assert seen.warnings[1:] == []


def test_the_client_panel_page_lists_the_clients_messages_with_the_same_tools(
    qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, seen: Seen,
    sent: Sent,
) -> None:
    failed, ok, _other = sent.clients
    window = open_window(qtbot, db, actor, desk_settings)
    tab = window.open_client(failed.person_id)
    titles = [tab.pages_tabs.tabText(i) for i in range(tab.pages_tabs.count())]
    assert "SMS, e-mail e Mensagens Enviadas" in titles
    page = tab.show_page("client.messages")
    assert isinstance(page, GridPage)
    assert shown_statuses(page.grid) == {failed.email: "Falhou"}  # this client's only
    assert list(page.actions.actions) == ["open", "resend", "export"]
    tools = next(t for t in page.tools if isinstance(t, MessageTools))
    page.grid.table.selectRow(0)
    shown = _opened(tools, page.actions.actions["open"].trigger)
    assert shown["client"] == failed.name and shown["status"] == "Falhou"
    assert shown["error"].endswith(REFUSED)
    sent.server.handler.refuse.clear()
    flow = _resend(qtbot, tools, page.actions.actions["resend"].trigger)
    assert flow.reports[-1].sent == 1
    flow.dialog.close_button.click()  # type: ignore[union-attr]
    assert shown_statuses(page.grid) == {failed.email: "Enviada"}
    assert [m.rcpt_tos for m in sent.server.received if failed.email in m.rcpt_tos] == [
        (failed.email,)]
    other = window.open_client(ok.person_id).show_page("client.messages")
    assert shown_statuses(other.grid) == {ok.email: "Enviada"}
    assert seen.warnings == []


def test_export_writes_the_grid_as_shown(
    qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, seen: Seen,
    sent: Sent, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    target = tmp_path / "mensagens.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    area = open_area(qtbot, open_window(qtbot, db, actor, desk_settings))
    area.actions.actions["export"].trigger()
    qtbot.waitUntil(lambda: target.exists() and area.last_operation is not None
                    and area.last_operation.result is not None, timeout=WAIT)
    cells = {str(c.value) for row in load_workbook(target).active.iter_rows() for c in row}
    assert {c.email for c in sent.clients} <= cells
    assert {"Enviada", "Falhou", "Cliente", "Situação"} <= cells


def test_the_entry_and_its_tools_follow_the_permissions(
    qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings,
) -> None:
    row = texts.NAVIGATION.index(texts.MESSAGES_AREA)
    assert texts.NAVIGATION[row - 1] == "Cobrança bancária"
    assert texts.NAVIGATION[row + 1] == "Fiscal"
    nobody = Actor(actor.id, "bia", "Bia", permissions=frozenset({"people.create"}))
    window = open_window(qtbot, db, nobody, desk_settings)
    assert window.navigation.item(row).isHidden()
    window.navigation.setCurrentRow(row)
    assert not any(isinstance(window.tabs.widget(i), MessagesArea)
                   for i in range(window.tabs.count()))
    mass_only = Actor(actor.id, "caio", "Caio", permissions=frozenset({"messages.mass"}))
    area = open_area(qtbot, open_window(qtbot, db, mass_only, desk_settings))
    assert list(area.actions.actions) == ["mass"] and area.grid.isHidden()
    reader = Actor(actor.id, "duda", "Duda", permissions=frozenset({"messages.view"}))
    area = open_area(qtbot, open_window(qtbot, db, reader, desk_settings))
    assert list(area.actions.actions) == ["open", "export"] and not area.grid.isHidden()
