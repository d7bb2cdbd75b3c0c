"""Mensagens: the sent messages of the office (open, resend, export) and Envio em massa."""

from contoffice.ui.messages_area.area import MessagesArea, can_open

__all__ = ["MessagesArea", "can_open"]
