"""The closed vocabularies of Mensagens: channels, message states, template sets, SMTP security."""

from __future__ import annotations

from enum import StrEnum


class MessageChannel(StrEnum):
    EMAIL = "email"
    SMS = "sms"

    @property
    def label(self) -> str:
        return {"email": "E-mail", "sms": "SMS"}[self.value]


class MessageStatus(StrEnum):
    """One message of the outbox, written before it is sent.

    SENDING is held only while a desk talks to the server; a row found SENDING by the
    next desk to send on that account was left by a desk that died mid-conversation:
    it becomes UNCERTAIN (the server may or may not have it) and is never resent
    without the clerk asking.
    """

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNCERTAIN = "uncertain"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return {"pending": "Pendente", "sending": "Enviando", "sent": "Enviada",
                "failed": "Falhou", "uncertain": "Envio interrompido",
                "cancelled": "Cancelada"}[self.value]


class TemplateScope(StrEnum):
    """The seed's two template sets: sending to one client, and mass sending."""

    INDIVIDUAL = "individual"
    MASS = "mass"

    @property
    def label(self) -> str:
        return {"individual": "Envio individual", "mass": "Envio em massa"}[self.value]


class MailSecurity(StrEnum):
    STARTTLS = "starttls"
    TLS = "tls"
    PLAIN = "plain"

    @property
    def label(self) -> str:
        return {"starttls": "STARTTLS", "tls": "SSL/TLS", "plain": "Sem criptografia"}[
            self.value]
