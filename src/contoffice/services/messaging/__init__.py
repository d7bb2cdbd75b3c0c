"""Mensagens: sending accounts, templates, the outbox, and sending e-mail and SMS to clients."""
