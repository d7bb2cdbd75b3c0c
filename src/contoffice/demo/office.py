"""The demo office: realistic people, operators, payment profiles and two years of billing."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from contoffice.core.progress import NullProgress, Progress, check_cancelled
from contoffice.core.vocab import Role
from contoffice.db import bulk
from contoffice.db.models import Person
from contoffice.db.uow import Database
from contoffice.demo import messages as demo_messages
from contoffice.demo import staff
from contoffice.demo.billing import BillingGenerator
from contoffice.demo.people import FEATURED_CNPJ, ids_with_role, people_chunks
from contoffice.demo.staff import DEMO_OFFICE, DEMO_OPERATORS, DEMO_PASSWORD
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.admin.setup import ensure_defaults

# The size of the demo: below MIN_PEOPLE the scenarios lack the people they name; past
# MAX_PEOPLE the build takes minutes and gigabytes for nothing a clerk could browse.
MIN_PEOPLE = 10
MAX_PEOPLE = 200_000
MAX_INVOICES = 1_000_000  # --invoices: one-offs past this only slow the build down
PEOPLE_OUT_OF_RANGE = (
    "O escritório de demonstração tem de {low} a {high} cadastros; informe um número nesse "
    "intervalo (recebido: {people})."
)
INVOICES_OUT_OF_RANGE = (
    "O escritório de demonstração tem no máximo {high} faturas (recebido: {invoices})."
)
# Contracts: 60% of the people up to FULL_SHARE_UP_TO, then one in ten of the rest, so a
# larger office never has fewer contracts and the billing history stays proportionate.
FULL_SHARE_UP_TO = 2_000



def thousands(n: int) -> str:
    """An integer with the pt-BR thousands mark (200000 → "200.000")."""
    return f"{n:,}".replace(",", ".")


def people_out_of_range(people: int) -> str:
    """The pt-BR refusal of a demo size outside [MIN_PEOPLE, MAX_PEOPLE], or "" when it fits."""
    if MIN_PEOPLE <= people <= MAX_PEOPLE:
        return ""
    return PEOPLE_OUT_OF_RANGE.format(
        low=thousands(MIN_PEOPLE), high=thousands(MAX_PEOPLE), people=people
    )


def contracts_for(people: int) -> int:
    """How many contracts a demo of `people` holds: never fewer for a larger office."""
    # Integer arithmetic: int(people * 0.6) up to the threshold, the same counts (and so the
    # same seeded offices) as before; past it each further ten people add one contract.
    return min(people, FULL_SHARE_UP_TO) * 6 // 10 + max(people - FULL_SHARE_UP_TO, 0) // 10


@dataclass(frozen=True, slots=True)
class DemoSummary:
    people: int
    contracts: int
    invoices: int
    charges: int
    settlements: int
    seconds: float


def build_demo(
    db: Database,
    *,
    people: int,
    seed: int = 1,
    contracts: int | None = None,
    invoices: int | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    fiscal: bool = True,
) -> DemoSummary:
    """Fill an empty database with the demo office (refused when people already exist)."""
    started = time.perf_counter()
    progress = progress or NullProgress()
    today = today or date.today()
    rng = random.Random(seed)
    refusal = people_out_of_range(people)
    if refusal:  # before anything is written: a refused size leaves the database as it was
        raise InvalidInput(refusal, field="Cadastros")
    if invoices is not None and not 0 <= invoices <= MAX_INVOICES:
        raise InvalidInput(
            INVOICES_OUT_OF_RANGE.format(high=thousands(MAX_INVOICES), invoices=invoices),
            field="Faturas",
        )
    with db.uow() as uow:
        if uow.session.scalar(select(func.count()).select_from(Person)):
            raise NotAllowed(
                "O banco de dados já tem cadastros; o escritório de demonstração "
                "só é criado num banco vazio."
            )
        ensure_defaults(uow)
        staff.office_identity(uow)
        operator_ids = staff.operators(uow)
        profile_ids = staff.profiles(uow)
        uow.commit()
    n_contracts = contracts if contracts is not None else contracts_for(people)
    with db.engine.begin() as conn:
        person_id = bulk.next_id(conn, "person")
        generated = 0
        clients: list[tuple[int, date, bool]] = []
        with bulk.search_index_deferred(conn):
            for chunk in people_chunks(rng, people, person_id, today, operator_ids):
                bulk.insert(conn, "person", chunk)
                clients += [
                    (p["id"], p["registered_on"], p["active"])
                    for p in chunk
                    if p["roles"] & Role.CLIENT and p["kind"] != "PRE"
                ]
                generated += len(chunk)
                progress.step(generated, people, "Cadastros")
                check_cancelled(progress)
        suppliers = ids_with_role(conn, Role.SUPPLIER)
        gen = BillingGenerator(rng, today, profile_ids, operator_ids)
        counts = gen.write(conn, clients, suppliers, n_contracts, invoices, progress)
        demo_messages.write_messages(conn, rng, operator_ids)
        bulk.reset_sequences(
            conn,
            (
                "person",
                "contract",
                "charge",
                "invoice",
                "settlement",
                "email_test",
                "invoice_event",
                "outbound_message",
            ),
        )
    if fiscal:
        from contoffice.demo import fiscal as demo_fiscal  # signing and XSDs: only when built

        demo_fiscal.fiscal_office(db, today)
    return DemoSummary(
        people,
        counts.contracts,
        counts.invoices,
        counts.charges,
        counts.settlements,
        time.perf_counter() - started,
    )





def has_people(db: Database) -> bool:
    """Whether the database already has registrations."""
    with db.uow() as uow:
        return bool(uow.session.scalar(select(Person.id).limit(1)))


__all__ = [
    "DEMO_OFFICE",
    "DEMO_OPERATORS",
    "DEMO_PASSWORD",
    "FEATURED_CNPJ",
    "MAX_INVOICES",
    "MAX_PEOPLE",
    "MIN_PEOPLE",
    "DemoSummary",
    "build_demo",
    "contracts_for",
    "has_people",
    "people_out_of_range",
    "thousands",
]
