"""Printing invoices (boleto, carnê) and receipts with a preview."""

from contoffice.ui.printing.tools import print_invoices, print_receipts

__all__ = ["print_invoices", "print_receipts"]
