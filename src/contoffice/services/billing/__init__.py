"""Billing: contas, fee generation, Faturar contas and the mass billing run."""
