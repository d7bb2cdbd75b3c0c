"""Relatórios: office-wide numbers as plain values (a table and the series of its chart).

Every report is one or two aggregate queries, never a loop over the invoices:
the same code answers for the demo's thousands and the bench office's million.
"""

from contoffice.services.reporting.audit_log import AuditChoices, AuditFilter, audit_log, choices
from contoffice.services.reporting.balances import aging, top_debtors
from contoffice.services.reporting.export import export_report
from contoffice.services.reporting.forecast import fee_forecast
from contoffice.services.reporting.model import AUDIT, VIEW, Chart, Report, Series, Unit
from contoffice.services.reporting.revenue import delinquency_by_month, revenue_by_month
from contoffice.services.reporting.spc import spc_invoices

__all__ = [
    "AUDIT", "VIEW", "AuditChoices", "AuditFilter", "Chart", "Report", "Series", "Unit",
    "aging", "audit_log", "choices", "delinquency_by_month", "export_report", "fee_forecast",
    "revenue_by_month", "spc_invoices", "top_debtors",
]
