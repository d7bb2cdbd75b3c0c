"""What a return import did, line by line and in total: shown, exported, kept."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from contoffice.core.vocab import ReturnOutcome

OCCURRENCE_LABELS = {
    "entrada_confirmada": "Entrada confirmada",
    "rejeitada": "Rejeitada",
    "liquidacao": "Liquidação",
    "baixa": "Baixa",
    "tarifa": "Tarifa",
    "protesto": "Protesto",
    "outros": "Outros",
}
# Outcomes a clerk must look at: money the office did not expect, or the bank refused.
PROBLEMS = frozenset({ReturnOutcome.NOT_FOUND, ReturnOutcome.REJECTED})


@dataclass(slots=True)  # not frozen: 50,000 of them, and frozen init costs per field
class ReportLine:
    """One record of the file and what importing it did."""

    line_number: int
    our_number: str
    invoice_id: int | None
    occurrence_code: str
    occurrence: str  # layout.Occurrence value
    outcome: ReturnOutcome
    face_cents: int
    paid_cents: int
    interest_cents: int
    discount_cents: int
    fee_cents: int
    occurrence_date: date | None
    credit_date: date | None
    message: str = ""
    identity: str = ""

    @property
    def occurrence_label(self) -> str:
        """The normalised occurrence in pt-BR."""
        return OCCURRENCE_LABELS.get(self.occurrence, self.occurrence)


@dataclass(frozen=True, slots=True)
class ReturnReport:
    """The whole import: settled, already settled, not found, rejected, fees, totals."""

    return_id: int | None
    filename: str
    bank: str
    bank_name: str
    file_format: str
    profile_id: int
    profile_name: str
    generated_on: date | None
    lines: tuple[ReportLine, ...]
    declared_count: int | None = None
    declared_total_cents: int | None = None
    fee_charge_id: int | None = None
    dry_run: bool = False
    spc_invoices: tuple[int, ...] = field(default=())

    @property
    def counts(self) -> Counter[ReturnOutcome]:
        """How many records ended in each outcome."""
        return Counter(line.outcome for line in self.lines)

    @property
    def settled_cents(self) -> int:
        """What the settled records paid."""
        return sum(x.paid_cents for x in self.lines if x.outcome is ReturnOutcome.SETTLED)

    @property
    def paid_cents(self) -> int:
        """What every record of the file says was paid."""
        return sum(x.paid_cents for x in self.lines)

    @property
    def face_cents(self) -> int:
        """The face values of every record (what most trailers total)."""
        return sum(x.face_cents for x in self.lines)

    @property
    def fee_cents(self) -> int:
        """The bank's fees over the file."""
        return sum(x.fee_cents for x in self.lines)

    @property
    def problems(self) -> int:
        """Records a clerk must look at."""
        return sum(1 for x in self.lines if x.outcome in PROBLEMS)
