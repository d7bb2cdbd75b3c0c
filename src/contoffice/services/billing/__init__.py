"""Billing: contas, invoicing rules, Faturar contas and the mass billing run."""
