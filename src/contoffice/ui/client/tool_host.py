"""What a page offers its tool slots (selection, quick reads, running tools), without a cycle.

The tool modules are written against this protocol; `GridPage` is the page that
fulfils it (a QWidget, so the tools also use it as their dialogs' parent), and it
imports them — they never import it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from contoffice.services.kernel.results import Changes
from contoffice.ui.client.pages import PageSpec
from contoffice.ui.context import WindowContext
from contoffice.ui.tool_flow import SimpleFlow, ToolFlow

T = TypeVar("T")


class ToolHost(Protocol):
    """A page of one client's grid, as its tools see it."""

    ctx: WindowContext
    page: PageSpec
    person_id: int

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows."""
        ...

    def read(self, fn: Callable[[], T]) -> T | None:
        """A quick read for a dialog; None after showing the error."""
        ...

    def run_tool(self, key: str, ids: list[int] | None = None, *, title: str | None = None,
                 answered: frozenset[str] = frozenset(), **values: Any) -> ToolFlow:
        """Run a registered tool on the selection (or `ids`)."""
        ...

    def run_simple(self, title: str, fn: Callable[..., Any], changes: Changes, *,
                   confirmable: bool = False) -> SimpleFlow:
        """Run a service that returns a plain value."""
        ...
