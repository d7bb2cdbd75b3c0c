"""What an import's dry run says per sheet row, shared by the people, contract and invoice
imports."""

from __future__ import annotations

from dataclasses import dataclass, field

from contoffice.errors import NotAllowed


@dataclass(frozen=True, slots=True)
class PlannedRow:
    """One data row: created (no reason) or refused (the reason), as the clerk reads it."""

    row: int
    name: str  # the client's name when found, else what identifies the row
    document: str  # masked
    reason: str = ""

    @property
    def ok(self) -> bool:
        """Whether the row will be (or was) created."""
        return not self.reason


class Verdicts:
    """The accepted and refused rows of a plan that holds `rows`."""

    __slots__ = ()
    rows: tuple[PlannedRow, ...]

    @property
    def accepted(self) -> list[PlannedRow]:
        """The rows that will be created."""
        return [r for r in self.rows if r.ok]

    @property
    def refused(self) -> list[PlannedRow]:
        """The rows left out, each with its reason."""
        return [r for r in self.rows if not r.ok]


@dataclass(frozen=True, slots=True)
class SheetPlan(Verdicts):
    """A whole sheet planned: its columns, each row's verdict and the clean values by row."""

    file: str
    headers: tuple[str, ...]
    columns: tuple[str, ...]  # the field key each column fills ("" ignored)
    rows: tuple[PlannedRow, ...]
    values: dict[int, dict[str, object]] = field(default_factory=dict, repr=False)


class RowRefused(Exception):
    """Why one row cannot be imported (a pt-BR sentence), raised while it is planned."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PlanRefused(NotAllowed):
    """Rows were refused and the clerk did not ask to leave them out: nothing was written."""

    def __init__(self, message: str, plan: Verdicts) -> None:
        super().__init__(message)
        self.plan = plan
