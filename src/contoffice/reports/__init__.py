"""reports: reportlab PDFs (boleto, carnê, receipt, clearance, statement)."""
