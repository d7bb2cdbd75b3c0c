"""How long-running core work reports progress and learns it was cancelled."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


class Cancelled(Exception):
    """Raised by a worker when its Progress says the user cancelled."""


@runtime_checkable
class Progress(Protocol):
    """Sink for progress of a batch (billing run, import, export)."""

    def step(self, done: int, total: int, label: str = "") -> None:
        """Report that `done` of `total` items are finished."""
        ...

    def cancelled(self) -> bool:
        """True once the user asked to stop."""
        ...


class NullProgress:
    """A Progress that ignores reports and is never cancelled."""

    def step(self, done: int, total: int, label: str = "") -> None:
        """Ignore the report."""

    def cancelled(self) -> bool:
        """Never cancelled."""
        return False


def check_cancelled(progress: Progress) -> None:
    """Raise Cancelled if the user asked to stop."""
    if progress.cancelled():
        raise Cancelled
