"""Dialogs: each returns a value from `ask()`; the caller runs the service."""
