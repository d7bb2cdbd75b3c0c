"""Configurações → Contas de envio: accounts and gateways saved, edited and tested for real."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import keyring
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget
from sqlalchemy import select

from contoffice.core.message_vocab import MailSecurity
from contoffice.core.secrets import SERVICE, STORE, sms_key
from contoffice.db.base import Base
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.messaging import accounts
from contoffice.ui.context import WindowContext
from contoffice.ui.messages.password_prompt import (
    KEPT,
    SESSION_ONLY,
    PasswordDialog,
    ensure_password,
)
from contoffice.ui.settings import DeskSettings
from contoffice.ui.settings_area import SettingsArea
from contoffice.ui.settings_area import sending_texts as t
from contoffice.ui.settings_area.form_dialog import FormDialog
from contoffice.ui.settings_area.mail_accounts_page import MailAccountsArea
from contoffice.ui.settings_area.record_page import RecordPage
from contoffice.ui.settings_area.sending_forms import AccountForm, GatewayForm
from tests.support import smtp_server as local
from tests.support.http_server import http_server

SENDER = "cobranca@escritorio.example"
Handler = Callable[[QWidget], None]


@pytest.fixture
def ctx(db: Database, actor: Actor, desk_settings: DeskSettings) -> WindowContext:
    return WindowContext(db, actor, desk_settings)


@pytest.fixture
def area(qtbot: Any, ctx: WindowContext) -> MailAccountsArea:
    widget = MailAccountsArea(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The texts of the message boxes the page showed (they would block the test)."""
    shown: dict[str, list[str]] = {"information": [], "warning": []}
    for kind, texts in shown.items():
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *_a, _k=texts: _k.append(
            text) or QMessageBox.StandardButton.Ok)
    return shown


@pytest.fixture
def user() -> str:
    """A login no other test used: the test keyring lives as long as the test process."""
    return f"escritorio-{uuid.uuid4().hex[:8]}@example.com.br"


def modal_script(*handlers: Handler, limit: int = 1000) -> list[QWidget]:
    """Answer the next modal dialogs, in order, each with its handler; the dialogs seen.

    It looks every 10 ms, `limit` times at most (so it never outlives its test for long).
    """
    seen: list[QWidget] = []
    pending = list(handlers)
    tries = [0]

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and widget.isVisible() and widget not in seen:
            seen.append(widget)
            pending.pop(0)(widget)
        tries[0] += 1
        if pending and tries[0] < limit:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return seen


def type_in(text: str, defaults: list[str] | None = None) -> Handler:
    """Answer an input dialog with `text` (noting the text it offered)."""
    def handle(widget: QWidget) -> None:
        assert isinstance(widget, QInputDialog)
        if defaults is not None:
            defaults.append(widget.textValue())
        widget.setTextValue(text)
        widget.accept()
    return handle


def database_text(db: Database) -> str:
    with db.engine.connect() as conn:
        return "\n".join(str(value) for table in Base.metadata.sorted_tables
                         for row in conn.execute(select(table)) for value in row)


def password_key(db: Database) -> str:
    """The keyring entry of the (only) account's password."""
    [row] = accounts.list_accounts(db.uow())
    return accounts.secret_key(row.data)


def cells(page: RecordPage, row: int = 0) -> list[str]:
    return [page.table.item(row, c).text() for c in range(page.table.columnCount())]


def editor(page: RecordPage) -> FormDialog:
    assert page.editor is not None and page.editor.isVisible()
    return page.editor


def fill_account(qtbot: Any, page: RecordPage, port: int, user: str, password: str) -> None:
    """Nova conta, filled by keyboard for the local server, and Salvar."""
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = editor(page)
    form = dialog.form
    assert isinstance(form, AccountForm)
    assert form.port.value() == 587 and form.password.placeholderText() == ""
    qtbot.keyClicks(form.name, "Principal")
    qtbot.keyClicks(form.host, local.HOST)
    form.security.setCurrentIndex(form.security.findText("SSL/TLS"))
    assert form.port.value() == 465  # untouched: follows the security
    form.security.setCurrentIndex(form.security.findText("Sem criptografia"))
    assert form.port.value() == 25
    form.port.setValue(port)
    form.security.setCurrentIndex(form.security.findText("STARTTLS"))
    assert form.port.value() == port  # typed by the clerk: kept
    form.security.setCurrentIndex(form.security.findText("Sem criptografia"))
    qtbot.keyClicks(form.username, user)
    qtbot.keyClicks(form.password, password)
    assert form.password.echoMode() == form.password.EchoMode.Password
    form.sender_name.insert("Escritório Modelo")  # QTest types ASCII only
    qtbot.keyClicks(form.sender_address, SENDER)
    form.daily_limit.setValue(300)
    form.is_default.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.editor is None, form.general_error.text()


def run_test(qtbot: Any, page: RecordPage) -> None:
    """Click Testar and wait for the worker."""
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    operation = page.last_operation
    assert operation is not None
    blocker = qtbot.waitSignal(operation.finished, timeout=30_000)
    blocker.wait()
    page.last_operation = None


def test_create_edit_and_test_an_account(qtbot: Any, area: MailAccountsArea, db: Database,
                                         user: str, boxes: dict[str, list[str]]) -> None:
    page = area.accounts
    with local.smtp_server(user=user) as server:
        fill_account(qtbot, page, server.port, user, local.PASSWORD)
        assert page.status.text() == t.SAVED
        assert cells(page) == ["Principal", local.HOST, str(server.port), "Sem criptografia",
                               f"Escritório Modelo <{SENDER}>", "Sim", "Sim", "Sim", "0"]
        key = password_key(db)
        assert keyring.get_password(SERVICE, key) == local.PASSWORD
        assert local.PASSWORD not in database_text(db)
        assert boxes == {"information": [], "warning": []}  # this desk has a keyring

        # Editar: the password field stays empty and says the stored one is kept.
        qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
        dialog = editor(page)
        assert dialog.windowTitle() == t.ACCOUNT_EDIT_TITLE
        form = dialog.form
        assert isinstance(form, AccountForm)
        assert form.password.text() == "" and form.password.placeholderText() == t.PASSWORD_KEEP
        assert form.port.value() == server.port and form.daily_limit.value() == 300
        form.sender_name.clear()
        form.sender_name.insert("Cobrança")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert page.editor is None
        assert cells(page)[4] == f"Cobrança <{SENDER}>" and cells(page)[7] == "Sim"
        assert keyring.get_password(SERVICE, key) == local.PASSWORD

        # Testar conexão: the address offered is the sender's; the mail really arrives.
        offered: list[str] = []
        modal_script(type_in("cliente@exemplo.com.br", offered))
        run_test(qtbot, page)
    assert offered == [SENDER]
    assert boxes["warning"] == []
    assert boxes["information"] == ["Mensagem de teste enviada para cliente@exemplo.com.br."]
    [mail] = server.received
    assert mail.rcpt_tos == ("cliente@exemplo.com.br",)
    assert mail.message["Subject"] == "Teste da conta de envio Principal"


def test_a_refusal_shows_at_its_field(qtbot: Any, area: MailAccountsArea) -> None:
    page = area.accounts
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = editor(page)
    form = dialog.form
    assert isinstance(form, AccountForm)
    qtbot.keyClicks(form.name, "Principal")
    qtbot.keyClicks(form.host, "smtp.exemplo.com.br")
    qtbot.keyClicks(form.sender_address, "sem-arroba")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "E-mail" in form.error_of("sender_address")
    assert page.table.rowCount() == 0
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)


def test_a_wrong_password_is_refused_in_portuguese(
        qtbot: Any, area: MailAccountsArea, user: str, boxes: dict[str, list[str]]) -> None:
    page = area.accounts
    with local.smtp_server(user=user) as server:
        fill_account(qtbot, page, server.port, user, "senha-errada")
        modal_script(type_in(SENDER))
        run_test(qtbot, page)
    assert boxes["warning"] == ["O servidor recusou o usuário ou a senha."]
    assert page.status.text() == "O servidor recusou o usuário ou a senha."
    assert server.received == [] and boxes["information"] == []


def test_without_a_keyring_the_clerk_is_told_once_and_asked_again(
        qtbot: Any, area: MailAccountsArea, ctx: WindowContext, user: str,
        boxes: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(STORE, "keyring_available", lambda: False)
    page = area.accounts
    with local.smtp_server(user=user) as server:
        fill_account(qtbot, page, server.port, user, local.PASSWORD)
        key = password_key(ctx.db)
        assert boxes["information"] == [t.NO_KEYRING]
        assert "cofre de senhas" in t.NO_KEYRING
        assert STORE.get(key) == local.PASSWORD and keyring.get_password(SERVICE, key) is None
        qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(editor(page).save_button, Qt.MouseButton.LeftButton)
        assert boxes["information"] == [t.NO_KEYRING]  # once

        # The next run has nothing: Testar conexão asks the password, for this session only.
        STORE.forget(key)
        page.refresh(page.table.current_id())
        assert cells(page)[7] == "Não"
        said: list[str] = []

        def password(widget: QWidget) -> None:
            assert isinstance(widget, PasswordDialog)
            said.append(widget.where.text())
            assert not widget.ok_button.isEnabled()
            qtbot.keyClicks(widget.password, local.PASSWORD)
            qtbot.mouseClick(widget.ok_button, Qt.MouseButton.LeftButton)

        modal_script(password, type_in(SENDER))
        run_test(qtbot, page)
        assert said == [SESSION_ONLY] and cells(page)[7] == "Sim"
        STORE.forget(key)
    assert [m.rcpt_tos for m in server.received] == [(SENDER,)]


def test_ensure_password(qtbot: Any, ctx: WindowContext, user: str,
                         boxes: dict[str, list[str]]) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert not ensure_password(parent, ctx, None)
    assert boxes["warning"] == [accounts.messages.NO_ACCOUNT]
    data = accounts.AccountInput(
        name="Principal", host=local.HOST, port=2525, security=MailSecurity.PLAIN,
        username=user, sender_name="", sender_address=SENDER, is_default=True)
    account_id = accounts.save_account(ctx.db.uow(), ctx.actor, data)
    modal_script(lambda w: w.reject() if isinstance(w, PasswordDialog) else None)
    assert not ensure_password(parent, ctx, None)  # Cancelar

    said: list[str] = []

    def answer(widget: QWidget) -> None:
        assert isinstance(widget, PasswordDialog)
        said.append(widget.where.text())
        qtbot.keyClicks(widget.password, "outra-senha")
        qtbot.mouseClick(widget.ok_button, Qt.MouseButton.LeftButton)

    modal_script(answer)
    assert ensure_password(parent, ctx, "principal")
    assert said == [KEPT]
    assert keyring.get_password(SERVICE, password_key(ctx.db)) == "outra-senha"
    seen = modal_script(lambda w: w.reject(), limit=5)  # type: ignore[attr-defined]
    assert ensure_password(parent, ctx, None)  # kept: nothing asked
    qtbot.wait(150)
    assert seen == []
    accounts.save_account(ctx.db.uow(), ctx.actor, replace(data, username=""),
                          account_id=account_id)
    assert ensure_password(parent, ctx, None)  # no user: no password needed
    STORE.forget(password_key(ctx.db))


def test_the_page_needs_its_permission(qtbot: Any, ctx: WindowContext) -> None:
    full = SettingsArea(ctx)
    qtbot.addWidget(full)
    assert t.TITLE in [full.tabText(i) for i in range(full.count())]
    assert isinstance(full.pages["settings.mail_accounts"], MailAccountsArea)
    office = Actor(id=ctx.actor.id, login="x", name="X", permissions=frozenset(
        {"settings.office", "messages.send", "messages.mass"}))
    partial = SettingsArea(WindowContext(ctx.db, office, ctx.settings))
    qtbot.addWidget(partial)
    assert [partial.tabText(i) for i in range(partial.count())] == ["Configuração Básica"]
    only = Actor(id=ctx.actor.id, login="y", name="Y",
                 permissions=frozenset({"settings.mail_accounts"}))
    mine = SettingsArea(WindowContext(ctx.db, only, ctx.settings))
    qtbot.addWidget(mine)
    assert [mine.tabText(i) for i in range(mine.count())] == [t.TITLE]
    inner = mine.pages["settings.mail_accounts"]
    assert isinstance(inner, MailAccountsArea)
    assert [inner.tabText(i) for i in range(inner.count())] == [t.MAIL_TAB, t.SMS_TAB]


def test_a_gateway_saved_and_tested(qtbot: Any, area: MailAccountsArea, db: Database,
                                    boxes: dict[str, list[str]]) -> None:
    area.setCurrentWidget(area.gateways)
    page = area.gateways
    token = f"tk-{uuid.uuid4().hex}"
    with http_server(responses=[(500, "x"), (200, "ok")]) as server:
        url = f"{server.url}/sms/{uuid.uuid4().hex}"
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
        dialog = editor(page)
        form = dialog.form
        assert isinstance(form, GatewayForm)
        for placeholder in ("#telefone#", "#mensagem#", "#token#"):
            assert placeholder in form.help.text()
        qtbot.keyClicks(form.name, "Zenvia")
        qtbot.keyClicks(form.url, url)
        form.method.setCurrentText("POST")
        form.headers.setPlainText("Authorization Bearer #token#")
        form.body.setPlainText('{"to": "#telefone#", "text": "#mensagem#"}')
        qtbot.keyClicks(form.token, token)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "linha 1" in form.error_of("headers")
        form.headers.setPlainText("Authorization: Bearer #token#\nX-Origem: contoffice")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert page.editor is None, form.general_error.text()
        assert cells(page) == ["Zenvia", url, "POST", t.NO_LIMIT, t.NO_LIMIT, "Não", "Sim", "Sim"]
        assert keyring.get_password(SERVICE, sms_key(url)) == token
        assert token not in database_text(db)

        modal_script(type_in("(11) 98765-4321"))
        run_test(qtbot, page)
        assert len(boxes["warning"]) == 1 and "500" in boxes["warning"][0]
        assert token not in boxes["warning"][0]
        modal_script(type_in("(11) 98765-4321"))
        run_test(qtbot, page)
    assert boxes["information"] == [
        "O gateway de SMS Zenvia aceitou a mensagem de teste para (11) 98765-4321 "
        "(resposta 200)."]
    request = server.requests[-1]
    assert request.json() == {"to": "5511987654321",
                              "text": "Teste do gateway de SMS Zenvia pelo contoffice."}
    assert request.headers["authorization"] == f"Bearer {token}"
