"""Printing invoices (boleto, carnê) and receipts with a preview, and the boleto to send."""

from contoffice.ui.printing.tools import print_invoices, print_receipts, send_boleto

__all__ = ["print_invoices", "print_receipts", "send_boleto"]
