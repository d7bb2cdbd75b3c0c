"""Page requests and pages: how every grid asks for rows (server-side filter and sort)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

Row = TypeVar("Row")


@dataclass(frozen=True, slots=True)
class Sort:
    key: str
    descending: bool = False


@dataclass(frozen=True, slots=True)
class PageRequest:
    """Filters by column key, sort keys, and the window of rows wanted."""

    filters: Mapping[str, Any] = field(default_factory=dict)
    sort: tuple[Sort, ...] = ()
    offset: int = 0
    limit: int = 200

    def with_window(self, offset: int, limit: int) -> PageRequest:
        """The same request for another window of rows."""
        return PageRequest(self.filters, self.sort, offset, limit)


@dataclass(frozen=True, slots=True)
class Page(Generic[Row]):
    rows: list[Row]
    total: int
    offset: int = 0
