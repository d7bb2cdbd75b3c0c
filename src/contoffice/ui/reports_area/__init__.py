"""Relatórios: revenue, aging, delinquency, top debtors, SPC, forecast and the audit log."""

from contoffice.ui.reports_area.area import ReportsArea, can_open

__all__ = ["ReportsArea", "can_open"]
