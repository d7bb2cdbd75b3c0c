"""Abrir mensagem and Reenviar: one message's stored text, and the accounts some go out on."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from contoffice.core.message_vocab import MessageChannel
from contoffice.db.models import MailAccount, OutboundMessage
from contoffice.db.uow import UnitOfWork
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.messaging import accounts
from contoffice.services.messaging.values import shown


def message_body(uow: UnitOfWork, actor: Actor, message_id: int) -> str:
    """The body as it was queued (a one-time password shown as dots); NotFound if gone."""
    require(actor, "messages.view")
    with uow:
        return shown(uow.get(OutboundMessage, message_id, what="Mensagem").body)


def mail_accounts_of(uow: UnitOfWork, ids: Sequence[int]) -> list[str]:
    """The names of the e-mail accounts these messages go out on (by name, no repeats)."""
    with uow:
        used = set(uow.session.scalars(select(OutboundMessage.account_id).where(
            OutboundMessage.id.in_(list(ids)),
            OutboundMessage.channel == MessageChannel.EMAIL)))
        names = set(uow.session.scalars(select(MailAccount.name).where(
            MailAccount.id.in_([i for i in used if i is not None]))))
        if None in used:  # queued without an account: dispatch sends it on the default one
            names.add(accounts.find_account(uow).name)
        return sorted(names, key=str.lower)
