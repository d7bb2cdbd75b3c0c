"""Who a message to a client goes to: the client's addresses, and the assigned operator in copy."""

from __future__ import annotations

from contoffice.core.email import split_emails
from contoffice.core.message_vocab import MessageChannel
from contoffice.core.phone import normalize_phone
from contoffice.core.validation import ValidationError
from contoffice.db.models import Operator, Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.messaging import messages


class NoDestination(Exception):
    """The client cannot be reached on the channel; the message says why (pt-BR)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def destination(person: Person, channel: MessageChannel) -> tuple[str, ...]:
    """The client's addresses (or mobile) on the channel, or NoDestination."""
    if channel is MessageChannel.SMS:
        phone = normalize_phone(person.mobile or person.phone)
        if len(phone) < 10:
            raise NoDestination(messages.NO_PHONE)
        return (phone,)
    if not (person.email or "").strip():
        raise NoDestination(messages.NO_EMAIL)
    try:
        return tuple(split_emails(person.email))
    except ValidationError:
        raise NoDestination(messages.BAD_EMAIL.format(address=person.email.strip())) from None


def operator_copy(uow: UnitOfWork, person: Person) -> tuple[str, ...]:
    """The assigned operator's address, copied on every e-mail to the client (INV-B-9)."""
    if person.assigned_operator_id is None:
        return ()
    operator = uow.session.get(Operator, person.assigned_operator_id)
    if operator is None or not operator.active or not (operator.email or "").strip():
        return ()
    try:
        return tuple(split_emails(operator.email))
    except ValidationError:  # a typo in an operator's own address must not stop the client's
        return ()


def typed(text: str, field: str) -> tuple[str, ...]:
    """Addresses the clerk typed (`;` or `,` between them), or InvalidInput naming the field."""
    try:
        return tuple(split_emails(text, field))
    except ValidationError as error:
        raise InvalidInput(error.message, field=field) from None
