"""reports: reportlab PDFs (boleto, carnê, receipt, clearance, statement)."""

from contoffice.reports.boleto_slip import BoletoSlip
from contoffice.reports.render import render_boletos, render_boletos_parallel

__all__ = ["BoletoSlip", "render_boletos", "render_boletos_parallel"]
