"""Configurações → Contas de envio: the SMTP accounts and the SMS gateways of the office."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QTabWidget, QWidget

from contoffice.services.messaging import accounts, gateways
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.messages.password_prompt import ask_and_remember
from contoffice.ui.settings_area import sending_texts as t
from contoffice.ui.settings_area.record_page import KeyringNotice, RecordPage, ask_text
from contoffice.ui.settings_area.sending_forms import AccountForm, GatewayForm

YES_NO = {True: texts.YES, False: texts.NO}


def _limit(value: int) -> str:
    return str(value) if value else t.NO_LIMIT


class MailAccountsPage(RecordPage):
    """The SMTP accounts; Testar conexão sends a test e-mail."""

    columns = t.ACCOUNT_COLUMNS
    new_text, new_title, edit_title = t.NEW_ACCOUNT, t.ACCOUNT_NEW_TITLE, t.ACCOUNT_EDIT_TITLE
    test_text = t.TEST_ACCOUNT

    def rows(self) -> list[tuple[int, Sequence[str]]]:
        """One line per account, the default first."""
        self.records = {r.id: r for r in accounts.list_accounts(self.ctx.db.uow())}
        lines = []
        for r in self.records.values():
            d = r.data
            sender = f"{d.sender_name} <{d.sender_address}>" if d.sender_name else d.sender_address
            stored = YES_NO[r.has_password] if d.username else t.NO_LOGIN
            lines.append((r.id, (d.name, d.host, str(d.port), d.security.label, sender,
                                 YES_NO[d.is_default], YES_NO[d.active], stored,
                                 str(r.sent_today))))
        return lines

    def make_form(self, record_id: int | None) -> AccountForm:
        """The account's form (the password field stays empty)."""
        form = AccountForm()
        row = self.records.get(record_id) if record_id is not None else None
        form.load(row.data if row else None, has_password=bool(row and row.has_password))
        return form

    def save_form(self, form: AccountForm, record_id: int | None) -> int:
        """accounts.save_account; a typed password goes to the keyring."""
        return accounts.save_account(self.ctx.db.uow(), self.ctx.actor, form.value(),
                                     account_id=record_id, new_password=form.new_password())

    def test_job(self, record_id: int) -> Callable[[Any], str] | None:
        """Ask the password if this desk lacks it, then the address the test goes to."""
        row = self.records[record_id]
        if row.data.username and not row.has_password:
            if not ask_and_remember(self, self.ctx, record_id, row.data.name, row.data.username):
                return None
            self.refresh(record_id)
        to = ask_text(self, t.TEST_ACCOUNT, t.TEST_TO_LABEL, row.data.sender_address)
        if to is None:
            return None
        db, actor = self.ctx.db, self.ctx.actor
        return lambda _progress: accounts.test_account(db, actor, record_id, to)


class SmsGatewaysPage(RecordPage):
    """The HTTP SMS gateways; Testar envio sends a test SMS."""

    columns = t.GATEWAY_COLUMNS
    new_text, new_title, edit_title = t.NEW_GATEWAY, t.GATEWAY_NEW_TITLE, t.GATEWAY_EDIT_TITLE
    test_text = t.TEST_GATEWAY

    def rows(self) -> list[tuple[int, Sequence[str]]]:
        """One line per gateway, the default first."""
        self.records = {r.id: r for r in gateways.list_gateways(self.ctx.db.uow())}
        return [(r.id, (r.data.name, r.data.url, r.data.method, _limit(r.data.daily_limit),
                        _limit(r.data.per_minute), YES_NO[r.data.is_default],
                        YES_NO[r.data.active], YES_NO[r.has_token]))
                for r in self.records.values()]

    def make_form(self, record_id: int | None) -> GatewayForm:
        """The gateway's form (the token field stays empty)."""
        form = GatewayForm()
        row = self.records.get(record_id) if record_id is not None else None
        form.load(row.data if row else None, has_token=bool(row and row.has_token))
        return form

    def save_form(self, form: GatewayForm, record_id: int | None) -> int:
        """gateways.save_gateway; a typed token goes to the keyring."""
        return gateways.save_gateway(self.ctx.db.uow(), self.ctx.actor, form.value(),
                                     gateway_id=record_id, new_token=form.new_token())

    def test_job(self, record_id: int) -> Callable[[Any], str] | None:
        """Ask the phone that receives the test SMS."""
        phone = ask_text(self, t.TEST_GATEWAY, t.TEST_PHONE_LABEL)
        if phone is None:
            return None
        db, actor = self.ctx.db, self.ctx.actor
        return lambda _progress: gateways.test_gateway(db, actor, record_id, phone)


class MailAccountsArea(QTabWidget):
    """Contas de envio: e-mail accounts and SMS gateways, one keyring notice for both."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mail_accounts_area")
        self.setDocumentMode(True)
        notice = KeyringNotice()
        self.accounts = MailAccountsPage(ctx, notice, self)
        self.accounts.setObjectName("mail_accounts_page")
        self.gateways = SmsGatewaysPage(ctx, notice, self)
        self.gateways.setObjectName("sms_gateways_page")
        self.addTab(self.accounts, t.MAIL_TAB)
        self.addTab(self.gateways, t.SMS_TAB)

    def refresh(self) -> None:
        """F5: both lists."""
        self.accounts.refresh(self.accounts.table.current_id())
        self.gateways.refresh(self.gateways.table.current_id())
