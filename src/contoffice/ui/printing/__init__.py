"""Printing invoices (boleto, carnê) with a preview, and the boleto to send."""

from contoffice.ui.printing.tools import print_invoices, send_boleto

__all__ = ["print_invoices", "send_boleto"]
