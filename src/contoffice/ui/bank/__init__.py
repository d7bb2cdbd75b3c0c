"""Cobrança bancária: remessas CNAB generated and sent, returns imported with their reports."""

from contoffice.ui.bank.area import BankArea, can_open

__all__ = ["BankArea", "can_open"]
