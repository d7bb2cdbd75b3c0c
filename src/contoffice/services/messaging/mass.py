"""Mass sending: who gets what (and who is skipped, and why), then one batch in the outbox.

`plan_batch` is the dry run the clerk reads before confirming; `queue_batch` writes the
same plan as rows, and `dispatch.send_queued(batch_id=…)` sends them (again after a crash).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select

from contoffice.core.format import format_competence
from contoffice.core.message_vocab import MessageChannel, TemplateScope
from contoffice.db.models import Invoice, Person, SmsGateway
from contoffice.db.uow import Database, UnitOfWork
from contoffice.errors import NotAllowed
from contoffice.messaging.templates import TemplateError, render
from contoffice.services.admin import office
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.messaging import accounts, messages, outbox, recipients
from contoffice.services.messaging import attachments as files
from contoffice.services.messaging import templates_store as store
from contoffice.services.messaging.values import message_values

INVOICE_WILDCARDS = ("#fatura#", "#vencimento#", "#valor#", "#linha_digitavel#", "#pix#",
                     "#competencia#")


@dataclass(frozen=True, slots=True)
class Selection:
    """Whom to write to: a competência's boletos, the overdue ones, invoices, clients.

    The filters combine: selected clients with a competência get that month's boletos.
    """

    competence: date | None = None
    overdue: bool = False
    invoice_ids: tuple[int, ...] = ()
    person_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the dry run: a message that goes, or one skipped with its reason."""

    person_id: int
    name: str
    invoice_id: int | None
    destination: str
    subject: str = ""
    reason: str = ""


@dataclass
class BatchPlan:
    """The dry run: the messages, the skipped clients, and the drafts to queue."""

    description: str
    channel: MessageChannel
    lines: list[Line] = field(default_factory=list)
    skipped: list[Line] = field(default_factory=list)
    drafts: list[outbox.Draft] = field(default_factory=list)


def _invoices(uow: UnitOfWork, selection: Selection, today: date) -> list[Invoice]:
    query = select(Invoice).where(Invoice.direction == "R", Invoice.status == "open")
    if selection.competence is not None:
        query = query.where(Invoice.competence == selection.competence.replace(day=1))
    if selection.overdue:
        query = query.where(Invoice.due_date < today)
    if selection.invoice_ids:
        query = query.where(Invoice.id.in_(list(selection.invoice_ids)))
    if selection.person_ids:
        query = query.where(Invoice.person_id.in_(list(selection.person_ids)))
    return list(uow.session.scalars(query.order_by(Invoice.person_id, Invoice.due_date,
                                                   Invoice.id)))


def _describe(selection: Selection, template: str) -> str:
    if selection.competence is not None:
        what = f"competência {format_competence(selection.competence)}"
    elif selection.overdue:
        what = "faturas vencidas"
    elif selection.invoice_ids:
        what = f"{len(selection.invoice_ids)} fatura(s) selecionada(s)"
    else:
        what = f"{len(selection.person_ids)} cliente(s) selecionado(s)"
    return f"{template} — {what}"


def plan_batch(uow: UnitOfWork, actor: Actor, selection: Selection, *,
               template: str = store.BOLETO, channel: MessageChannel = MessageChannel.EMAIL,
               account: str | None = None, gateway_id: int | None = None,
               today: date | None = None) -> BatchPlan:
    """The dry run of a mass sending (nothing is written)."""
    require(actor, "messages.mass")
    today = today or date.today()
    with uow:
        chosen = store.find_template(uow, template, TemplateScope.MASS, channel)
        account_id = accounts.find_account(uow, account).id if channel == "email" else None
        if channel == "sms":
            gateway_id = gateway_id or _default_gateway(uow)
        plan = BatchPlan(_describe(selection, chosen.name), channel)
        identity = office.identity(uow)
        pairs = _pairs(uow, selection, chosen, today)
        people = {p.id: p for p in uow.session.scalars(select(Person).where(
            Person.id.in_({pid for pid, _ in pairs})))}
        for person_id, invoice in pairs:
            person = people[person_id]
            line = Line(person.id, person.name, invoice.id if invoice else None, "")
            try:
                if invoice is None and _per_invoice(chosen):
                    raise recipients.NoDestination(messages.NOTHING_TO_SEND)
                to = recipients.destination(person, channel)
                if invoice is not None and channel == "email" and not invoice.payment_profile_id:
                    raise recipients.NoDestination(messages.NO_BOLETO.format(code=invoice.id))
                rendered = render(chosen.subject, chosen.body,
                                  message_values(uow, person, invoice, identity))
            except (recipients.NoDestination, TemplateError) as error:
                plan.skipped.append(_with(line, reason=str(error)))
                continue
            cc = recipients.operator_copy(uow, person) if channel == "email" else ()
            attach = (files.boleto(invoice.id),) if invoice and channel == "email" else ()
            plan.lines.append(_with(line, destination=", ".join(to), subject=rendered.subject))
            plan.drafts.append(outbox.Draft(
                channel, to, rendered.subject, rendered.body, person_id=person.id,
                invoice_id=line.invoice_id, cc=cc, attachments=attach, account_id=account_id,
                gateway_id=gateway_id))
        return plan


def _per_invoice(template: store.Template) -> bool:
    """Whether the template speaks of an invoice (then it goes once per open invoice)."""
    text = f"{template.subject} {template.body}".lower()
    return any(name in text for name in INVOICE_WILDCARDS)


def _pairs(uow: UnitOfWork, selection: Selection, template: store.Template,
           today: date) -> list[tuple[int, Invoice | None]]:
    """(client, invoice) per message: per open invoice, or per client for a plain notice.

    Selected clients get one message per open invoice when the template names invoice
    fields (a client with none is listed as skipped), else one notice each.
    """
    if not selection.person_ids:
        return [(i.person_id, i) for i in _invoices(uow, selection, today)]
    if not _per_invoice(template):
        return [(p, None) for p in selection.person_ids]
    found = [(i.person_id, i) for i in _invoices(uow, selection, today)]
    with_invoice = {p for p, _i in found}
    return found + [(p, None) for p in selection.person_ids if p not in with_invoice]


def _with(line: Line, **changes: str) -> Line:
    return replace(line, **changes)


def _default_gateway(uow: UnitOfWork) -> int:
    gateway = uow.session.scalars(select(SmsGateway).where(SmsGateway.active.is_(True))
                                  .order_by(SmsGateway.is_default.desc(), SmsGateway.id)).first()
    if gateway is None:
        raise NotAllowed(messages.NO_GATEWAY)
    return gateway.id


def queue_batch(db: Database, actor: Actor, plan: BatchPlan) -> int:
    """Write the plan's messages as one batch in the outbox; the batch id."""
    require(actor, "messages.mass")
    with db.uow() as uow:
        batch_id, _ids = outbox.queue(uow, actor, plan.drafts, batch=plan.description)
        uow.commit()
    assert batch_id is not None
    return batch_id
