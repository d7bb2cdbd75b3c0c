"""Saved message templates, the seed's two sets (individual and mass sending), and the defaults."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from contoffice.core.message_vocab import MessageChannel, TemplateScope
from contoffice.db.models import MessageTemplate
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.messaging.templates import WILDCARDS as WILDCARDS  # the window lists them
from contoffice.messaging.templates import TemplateError, unknown_wildcards
from contoffice.services.kernel import audit
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.messaging import messages

BOLETO = "Boleto"
ACCESS = "Dados de acesso"
OVERDUE = "Fatura vencida"


@dataclass(frozen=True, slots=True)
class Template:
    """A subject and body in one set; `stored` False for a default nobody saved over."""

    name: str
    scope: TemplateScope
    channel: MessageChannel
    subject: str
    body: str
    stored: bool = True


_BOLETO_BODY = (
    "Olá, #cliente#.\n\nSegue em anexo o boleto da fatura #fatura#, no valor de #valor#, "
    "com vencimento em #vencimento#.\n\nLinha digitável: #linha_digitavel#\n\n"
    "Em caso de dúvida, fale conosco pelo telefone #fone#.\n\n#empresa#")
_ACCESS_BODY = (
    "Olá, #cliente#.\n\n#empresa# passou a oferecer a você uma área de acesso exclusiva.\n\n"
    "Usuário: #user_sac#\nSenha: #pass_sac#\n\nPor segurança, troque a senha no primeiro "
    "acesso. Site: #site#\n\n#empresa# — #fone#")
_OVERDUE_BODY = (
    "Olá, #cliente#.\n\nNão identificamos o pagamento da fatura #fatura#, no valor de "
    "#valor#, vencida em #vencimento#. Segue o boleto em anexo para pagamento.\n\n"
    "Se já pagou, por favor desconsidere esta mensagem.\n\n#empresa# — #fone#")
_E, _S = MessageChannel.EMAIL, MessageChannel.SMS
_I, _M = TemplateScope.INDIVIDUAL, TemplateScope.MASS
DEFAULTS: tuple[Template, ...] = (
    Template(BOLETO, _I, _E, "Boleto da fatura #fatura# — vencimento #vencimento#",
             _BOLETO_BODY, False),
    Template(ACCESS, _I, _E, "Seus dados de acesso — #empresa#", _ACCESS_BODY, False),
    Template(BOLETO, _M, _E, "Boleto da fatura #fatura# — vencimento #vencimento#",
             _BOLETO_BODY, False),
    Template(OVERDUE, _M, _E, "Fatura #fatura# vencida em #vencimento#", _OVERDUE_BODY, False),
    Template(BOLETO, _I, _S, "", "#empresa#: fatura #fatura# de #valor# vence em "
             "#vencimento#. Linha digitável: #linha_digitavel#", False),
    Template(BOLETO, _M, _S, "", "#empresa#: fatura #fatura# de #valor# vence em "
             "#vencimento#. Linha digitável: #linha_digitavel#", False),
    Template(OVERDUE, _M, _S, "", "#empresa#: a fatura #fatura# de #valor# venceu em "
             "#vencimento#. Se já pagou, desconsidere.", False),
)


def _of(row: MessageTemplate) -> Template:
    return Template(row.name, row.scope, row.channel, row.subject, row.body)


def list_templates(uow: UnitOfWork, scope: TemplateScope,
                   channel: MessageChannel = MessageChannel.EMAIL) -> list[Template]:
    """The set's templates: stored ones, and each default nobody saved over; by name."""
    with uow:
        return templates_in(uow, scope, channel)


def templates_in(uow: UnitOfWork, scope: TemplateScope,
                 channel: MessageChannel = MessageChannel.EMAIL) -> list[Template]:
    """`list_templates` inside the caller's open unit of work."""
    stored = {t.name.lower(): _of(t) for t in uow.session.scalars(
        select(MessageTemplate).where(MessageTemplate.scope == scope,
                                      MessageTemplate.channel == channel))}
    defaults = {t.name.lower(): t for t in DEFAULTS if t.scope == scope and t.channel == channel}
    return sorted({**defaults, **stored}.values(), key=lambda t: t.name.lower())


def find_template(uow: UnitOfWork, name: str, scope: TemplateScope,
                  channel: MessageChannel = MessageChannel.EMAIL) -> Template:
    """The template called `name` in the set, or NotAllowed (inside the caller's `with uow`)."""
    for template in templates_in(uow, scope, channel):
        if template.name.lower() == name.strip().lower():
            return template
    raise NotAllowed(messages.TEMPLATE_UNKNOWN.format(name=name))


def check_text(subject: str, body: str) -> None:
    """Refuse a subject or body naming a wildcard no message knows (named in the message)."""
    unknown = sorted(set(unknown_wildcards(subject)) | set(unknown_wildcards(body)))
    if unknown:
        error = TemplateError("", tuple(unknown), ())
        raise InvalidInput(_unknown_message(error), field="Corpo da mensagem")


def _unknown_message(error: TemplateError) -> str:
    template = messages.UNKNOWN_WILDCARD if len(error.unknown) == 1 else messages.UNKNOWN_WILDCARDS
    return template.format(names=", ".join(error.unknown))


def save_template(uow: UnitOfWork, actor: Actor, template: Template) -> None:
    """"Deseja salvar esse e-mail como modelo": create or replace the set's template `name`."""
    require(actor, "messages.send")
    name = template.name.strip()
    if not name:
        raise InvalidInput(messages.TEMPLATE_NAME, field="Nome do modelo")
    check_text(template.subject, template.body)
    with uow:
        row = uow.session.scalars(select(MessageTemplate).where(
            func.lower(MessageTemplate.name) == name.lower(),
            MessageTemplate.scope == template.scope,
            MessageTemplate.channel == template.channel)).first()
        if row is None:
            row = MessageTemplate(name=name, scope=template.scope, channel=template.channel)
            uow.session.add(row)
        row.subject, row.body, row.updated_by = template.subject, template.body, actor.id
        uow.flush()
        audit.record(uow, actor, "messaging.template_saved", "message_template", row.id,
                     after={"name": name, "scope": template.scope.label})
        uow.commit()
