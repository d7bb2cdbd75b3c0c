"""Cobrança bancária: Remessas and Retornos importados, one tab each (as permitted)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from contoffice.services.kernel.permissions import Actor
from contoffice.ui.bank import labels as t
from contoffice.ui.bank.remittances_page import RemittancesPage
from contoffice.ui.bank.returns_page import ReturnsPage
from contoffice.ui.context import WindowContext

REMITTANCE_KEY, RETURN_KEY = "bank.remittance", "bank.import_return"


def can_open(actor: Actor) -> bool:
    """Whether the operator may generate remittances or import returns (else it is hidden)."""
    return actor.can(REMITTANCE_KEY) or actor.can(RETURN_KEY)


class BankArea(QTabWidget):
    """The navigation's Cobrança bancária entry."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bank_area")
        self.setDocumentMode(True)
        self.remittances: RemittancesPage | None = None
        self.returns: ReturnsPage | None = None
        # Each list is read under its own permission: a page the operator may not use
        # would only say "sem permissão".
        if ctx.actor.can(REMITTANCE_KEY):
            self.remittances = RemittancesPage(ctx, self)
            self.addTab(self.remittances, t.REMITTANCES_TAB)
        if ctx.actor.can(RETURN_KEY):
            self.returns = ReturnsPage(ctx, self)
            self.addTab(self.returns, t.RETURNS_TAB)

    def refresh(self) -> None:
        """F5 on the tab shown."""
        page = self.currentWidget()
        if isinstance(page, RemittancesPage | ReturnsPage):
            page.refresh()

    def focus_filters(self) -> None:
        """Ctrl+F on the tab shown."""
        page = self.currentWidget()
        if isinstance(page, RemittancesPage | ReturnsPage):
            page.focus_filters()
