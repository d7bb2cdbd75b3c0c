"""What every panel of the window needs, passed explicitly (no global application object)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from contoffice.core.paging import Page, PageRequest
from contoffice.services.admin.setup import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.panels import grids
from contoffice.ui.changes import ChangeBus
from contoffice.ui.settings import DeskSettings


def _ignore(_message: str) -> None:
    """Default status-bar sink."""


@dataclass
class WindowContext:
    db: Database
    actor: Actor
    settings: DeskSettings
    open_client: Callable[[int], None] = lambda _person_id: None
    notify: Callable[[str], None] = field(default=_ignore)
    changes: ChangeBus = field(default_factory=ChangeBus)  # the window's change channel

    def fetcher(self, key: str, person_id: int | None = None
                ) -> Callable[[PageRequest], Page[Any]]:
        """The page fetch of grid `key` (for a client panel: of that person)."""
        db = self.db
        return lambda request: grids.fetch_page(db.uow(), key, request, person_id=person_id)
