"""What a service returns: per-row outcomes of a mass action and what changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Changes:
    """Which grids must refresh after an operation."""

    people: bool = False
    contracts: bool = False
    invoices: bool = False
    charges: bool = False
    settlements: bool = False
    header: bool = False  # the client panel's balances
    messages: bool = False  # e-mails and SMS sent or queued
    clearances: bool = False  # Negativas de Débitos issued
    fiscal: bool = False  # DPS/NFS-e generated, cancelled, annulled or edited
    # The people whose rows changed; empty means unknown or everyone (broad).
    person_ids: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """One row of a mass action: done, or refused with the seed's message."""

    id: int
    done: bool
    message: str | None = None
    warning: str | None = None  # done, but the clerk must read this (seed "ATENÇÃO: …")
    new_id: int | None = None  # e.g. the reissued invoice


@dataclass(frozen=True, slots=True)
class BatchResult:
    outcomes: Sequence[RowOutcome]
    changes: Changes = field(default_factory=Changes)

    @property
    def done(self) -> list[RowOutcome]:
        return [o for o in self.outcomes if o.done]

    @property
    def refused(self) -> list[RowOutcome]:
        return [o for o in self.outcomes if not o.done]
