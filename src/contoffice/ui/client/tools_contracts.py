"""The tools of Contratos (INV-D)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contoffice.ui.client.grid_page import GridPage

Handlers = dict[str, Callable[[], None]]


class ContractTools:
    """Slots of the Contratos page, bound to one page."""

    def __init__(self, page: GridPage) -> None:
        self.page, self.ctx = page, page.ctx

    def handlers(self, grid: str) -> Handlers:
        """The slots the page `grid` offers."""
        return {}
