"""Gerar em lote: every client billed in a closed year, planned, then issued one by one.

The plan (a dry run) says for each client with invoices due in the year whether the
declaration can be issued and why not; issuing commits each client on its own, so a
cancelled or interrupted run keeps what it issued and a second run goes on from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from contoffice.core.progress import NullProgress, Progress, check_cancelled
from contoffice.db.models import Person
from contoffice.db.uow import Database
from contoffice.errors import ContofficeError
from contoffice.services.clearances.eligibility import (
    check_year,
    existing_for,
    judge,
    year_invoices,
)
from contoffice.services.clearances.issue import generate
from contoffice.services.kernel.permissions import Actor, require


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One client of the batch: eligible or why not; the declaration issued, if any."""

    person_id: int
    name: str
    eligible: bool
    reason: str
    invoices: int
    total_cents: int
    declaration_id: int | None = None


def plan(db: Database, actor: Actor, *, year: int, person_ids: list[int] | None = None,
         today: date | None = None) -> list[PlanRow]:
    """Every client with invoices due in `year` (or those given), eligible or not and why."""
    require(actor, "clearances.generate")
    check_year(year, today or date.today())
    with db.uow() as uow:
        invoices = year_invoices(uow, year, person_ids)
        wanted = sorted(set(invoices) | set(person_ids or ()))
        names = {r.id: r.name for r in uow.session.execute(
            select(Person.id, Person.name).where(Person.id.in_(wanted)))}
        existing = existing_for(uow, year, wanted)
        rows = []
        for person_id in sorted(wanted, key=lambda p: (names.get(p, ""), p)):
            if person_id not in names:
                continue  # an unknown code given: nothing to say of nobody
            found = judge(person_id, names[person_id], year, invoices.get(person_id, []),
                          existing.get(person_id))
            rows.append(PlanRow(person_id, found.name, found.eligible, found.reason,
                                len(found.invoices), found.total_cents, found.existing_id))
    return rows


def generate_batch(db: Database, actor: Actor, *, year: int, person_ids: list[int] | None = None,
                   dry_run: bool = False, progress: Progress | None = None,
                   today: date | None = None) -> list[PlanRow]:
    """The plan, and unless `dry_run` each eligible client's declaration issued (cancellable)."""
    progress = progress or NullProgress()
    rows = plan(db, actor, year=year, person_ids=person_ids, today=today)
    if dry_run:
        return rows
    eligible = [r for r in rows if r.eligible]
    done: dict[int, PlanRow] = {}
    for n, row in enumerate(eligible):
        check_cancelled(progress)  # what was issued stays issued
        try:
            new_id = generate(db.uow(), actor, person_id=row.person_id, year=year, today=today)
            done[row.person_id] = PlanRow(row.person_id, row.name, True, row.reason,
                                          row.invoices, row.total_cents, new_id)
        except ContofficeError as error:  # changed since the plan (paid, reversed, issued)
            done[row.person_id] = PlanRow(row.person_id, row.name, False, str(error),
                                          row.invoices, row.total_cents)
        progress.step(n + 1, len(eligible), row.name)
    return [done.get(r.person_id, r) for r in rows]
