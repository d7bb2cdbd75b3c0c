"""The send dialog of the seed (INV-E-5, INV-K-5): a message to one client, sent at once.

`start` fills the dialog (destination from the client, the assigned operator in copy, the
set's template, the attachments the client has); `send_message` checks what the clerk
wrote, queues it in the outbox and sends it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from contoffice.core.format import format_date, format_money
from contoffice.core.message_vocab import MessageChannel, TemplateScope
from contoffice.db.models import Attachment, Invoice, Person
from contoffice.db.uow import Database, UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.messaging.templates import RenderedMessage, TemplateError, render
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.messaging import accounts, messages, outbox, recipients
from contoffice.services.messaging import attachments as files
from contoffice.services.messaging import templates_store as store
from contoffice.services.messaging.dispatch import PACE, DispatchReport, Pace, send_queued
from contoffice.services.messaging.values import message_values, shown

# The tools that open the dialog, each under its own permission (the clerk who may use
# *Enviar Boleto Individual* may send that e-mail without the Mensagens area's key).
SENDING_KEYS = frozenset({"messages.send", "invoices.send", "invoices.send_boleto",
                          "people.access_data", "clearances.send", "fiscal.send"})


def _require(actor: Actor, key: str) -> None:
    if key not in SENDING_KEYS:
        raise KeyError(f"not a sending permission: {key!r}")
    require(actor, key)


@dataclass(frozen=True, slots=True)
class Choice:
    """An attachment the clerk may tick."""

    descriptor: files.Descriptor
    label: str
    checked: bool


@dataclass(frozen=True, slots=True)
class Compose:
    """The dialog's starting values."""

    person_id: int
    person_name: str
    to: str
    cc: str
    template: str
    subject: str
    body: str
    invoice_ids: tuple[int, ...]
    choices: tuple[Choice, ...]
    accounts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Outgoing:
    """What the clerk confirmed in the dialog."""

    person_id: int
    to: str
    cc: str
    subject: str
    body: str
    attachments: tuple[files.Descriptor, ...] = ()
    invoice_ids: tuple[int, ...] = ()
    account: str | None = None
    permission: str = "messages.send"  # the key of the tool that opened the dialog


def _choices(uow: UnitOfWork, person_id: int, ticked: Sequence[int]) -> tuple[Choice, ...]:
    invoices = uow.session.scalars(select(Invoice).where(
        Invoice.person_id == person_id, Invoice.direction == "R",
        Invoice.status.in_(("open", "settled"))).order_by(Invoice.due_date.desc())).all()
    found = [Choice(files.boleto(i.id), f"Boleto da fatura {i.id} — vence em "
                    f"{format_date(i.due_date)} — {format_money(i.amount_cents)}",
                    i.id in ticked)
             for i in invoices if i.status == "open" and i.payment_profile_id]
    found += [Choice(files.receipt(i.id), f"Recibo da fatura {i.id} — "
                     f"{format_money(i.paid_cents)}", False)
              for i in invoices if i.status == "settled"][:24]
    found += [Choice(files.archived(a.id, a.filename), f"Arquivo {a.filename}", False)
              for a in uow.session.scalars(select(Attachment).where(
                  Attachment.person_id == person_id, Attachment.removed_at.is_(None))
                  .order_by(Attachment.id.desc()).limit(50))]
    return tuple(found)


def start(uow: UnitOfWork, actor: Actor, *, person_id: int | None = None,
          invoice_ids: Sequence[int] = (), access: bool = False,
          permission: str = "messages.send", extra_attachments: Sequence[Choice] = ()) -> Compose:
    """The dialog for a client, or for some of its invoices (their boletos ticked).

    `extra_attachments` come first, as given (a tool's own document, e.g. a declaration).
    """
    _require(actor, permission)
    with uow:
        invoices = [uow.get(Invoice, i, what="Fatura") for i in invoice_ids]
        owners = {i.person_id for i in invoices} | ({person_id} if person_id else set())
        if len(owners) != 1:
            raise NotAllowed(messages.ONE_CLIENT)
        person = uow.get(Person, owners.pop(), what="Cadastro")
        name = store.ACCESS if access else store.BOLETO
        template = store.find_template(uow, name, TemplateScope.INDIVIDUAL)
        return Compose(
            person_id=person.id, person_name=person.name, to=person.email or "",
            cc=", ".join(recipients.operator_copy(uow, person)), template=template.name,
            subject=template.subject, body=template.body, invoice_ids=tuple(invoice_ids),
            choices=(*extra_attachments, *_choices(uow, person.id, invoice_ids)),
            accounts=tuple(a.data.name for a in accounts.accounts_in(uow, only_active=True)))


def _render(uow: UnitOfWork, person: Person, invoice_ids: Sequence[int], subject: str,
            body: str) -> RenderedMessage:
    store.check_text(subject, body)
    invoice = uow.get(Invoice, invoice_ids[0], what="Fatura") if invoice_ids else None
    try:
        return render(subject, body, message_values(uow, person, invoice))
    except TemplateError as error:
        raise InvalidInput(str(error), field="Corpo da mensagem") from None


def preview(uow: UnitOfWork, person_id: int, invoice_ids: Sequence[int], subject: str,
            body: str) -> RenderedMessage:
    """The message as the client will read it (a one-time password shown as dots)."""
    with uow:
        person = uow.get(Person, person_id, what="Cadastro")
        rendered = _render(uow, person, invoice_ids, subject, body)
        return RenderedMessage(rendered.subject, shown(rendered.body))


def send_message(db: Database, actor: Actor, message: Outgoing, *,
                 pace: Pace = PACE) -> tuple[int, DispatchReport]:
    """Queue the message and send it now; (outbox id, report)."""
    _require(actor, message.permission)
    to = recipients.typed(message.to, "E-mail de destino")
    if not to:
        raise InvalidInput(messages.NO_RECIPIENT, field="E-mail de destino")
    cc = recipients.typed(message.cc, "Destinos em cópia")
    if not message.subject.strip() or not message.body.strip():
        raise InvalidInput(messages.EMPTY_MESSAGE, field="Assunto")
    with db.uow() as uow:
        person = uow.get(Person, message.person_id, what="Cadastro")
        rendered = _render(uow, person, message.invoice_ids, message.subject, message.body)
        account = accounts.find_account(uow, message.account)
        draft = outbox.Draft(MessageChannel.EMAIL, to, rendered.subject, rendered.body,
                             person_id=person.id,
                             invoice_id=message.invoice_ids[0] if message.invoice_ids else None,
                             cc=cc, attachments=message.attachments, account_id=account.id)
        _, (row_id,) = outbox.queue(uow, actor, [draft])
        uow.commit()
    return row_id, send_queued(db, actor, ids=[row_id], pace=pace)
