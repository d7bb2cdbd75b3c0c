"""Fiscal: the office's invoices without a note for a competência, mass issue, and its notes."""

from contoffice.ui.fiscal_area.area import FiscalArea, can_open

__all__ = ["FiscalArea", "can_open"]
