"""Mensagens: sending accounts, templates, and the outbox every e-mail and SMS goes through."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from contoffice.core.message_vocab import MailSecurity, MessageChannel, MessageStatus, TemplateScope
from contoffice.db.base import Base, UTCDateTime, utcnow
from contoffice.db.models.vocab_types import vocab


class MailAccount(Base):
    """An SMTP account of the office; its password lives in the OS keyring, never here."""

    __tablename__ = "mail_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    host: Mapped[str] = mapped_column(String(255))
    port: Mapped[int] = mapped_column(Integer)
    security: Mapped[MailSecurity] = mapped_column(vocab(MailSecurity, "security", 8))
    username: Mapped[str] = mapped_column(String(254), default="")
    sender_name: Mapped[str] = mapped_column(String(120), default="")
    sender_address: Mapped[str] = mapped_column(String(254))
    daily_limit: Mapped[int] = mapped_column(Integer, default=0)  # 0: no limit
    per_minute: Mapped[int] = mapped_column(Integer, default=0)  # 0: as fast as the server takes
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SmsGateway(Base):
    """An HTTP SMS gateway; `#token#` in its URL, headers or body stands for the keyring's token."""

    __tablename__ = "sms_gateway"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    url: Mapped[str] = mapped_column(String(500))
    method: Mapped[str] = mapped_column(String(6), default="POST")
    headers: Mapped[str] = mapped_column(Text, default="")  # one "Name: value" per line
    body_template: Mapped[str] = mapped_column(Text, default="")
    daily_limit: Mapped[int] = mapped_column(Integer, default=0)
    per_minute: Mapped[int] = mapped_column(Integer, default=0)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MessageTemplate(Base):
    """A saved subject and body, in the individual or the mass-sending set (seed INV-K)."""

    __tablename__ = "message_template"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    scope: Mapped[TemplateScope] = mapped_column(vocab(TemplateScope, "scope", 10))
    channel: Mapped[MessageChannel] = mapped_column(vocab(MessageChannel, "channel", 5))
    subject: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("scope", "channel", "name"),)


class MessageBatch(Base):
    """One mass sending: what was asked, by whom; its messages are rows of the outbox."""

    __tablename__ = "message_batch"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    description: Mapped[str] = mapped_column(String(200))
    channel: Mapped[MessageChannel] = mapped_column(vocab(MessageChannel, "channel", 5))
    total: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OutboundMessage(Base):
    """One e-mail or SMS, written before it is sent so it is sent at most once."""

    __tablename__ = "outbound_message"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("message_batch.id"))
    channel: Mapped[MessageChannel] = mapped_column(vocab(MessageChannel, "channel", 5))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("mail_account.id"))
    gateway_id: Mapped[int | None] = mapped_column(ForeignKey("sms_gateway.id"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id"))
    destination: Mapped[str] = mapped_column(String(1000))  # addresses, comma-separated, or phone
    copies: Mapped[str] = mapped_column(String(1000), default="")
    subject: Mapped[str] = mapped_column(String(200), default="")
    # Rendered when queued; a one-time password (#pass_sac#) is filled in only at sending.
    body: Mapped[str] = mapped_column(Text, default="")
    attachments: Mapped[str] = mapped_column(Text, default="")  # JSON list of what to build
    status: Mapped[MessageStatus] = mapped_column(
        vocab(MessageStatus, "status", 10), default=MessageStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[str] = mapped_column(String(200), unique=True)
    claimed_by: Mapped[str] = mapped_column(String(64), default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))

    __table_args__ = (
        Index("ix_outbound_message_status", "status", "batch_id"),
        Index("ix_outbound_message_person", "person_id", "created_at"),
        Index("ix_outbound_message_account_sent", "account_id", "sent_at"),
        Index("ix_outbound_message_invoice", "invoice_id"),
    )
