"""Mensagens in the window: the send dialog and what it needs."""
