"""Faturas programadas para recorrência automática: contracts billing and fees generated ahead."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from contoffice.core.paging import PageRequest, Sort
from contoffice.db.models import Charge, Contract
from contoffice.db.queries import client_recurrence
from contoffice.db.uow import Database
from contoffice.services.contracts import records as contracts
from contoffice.services.contracts import status as contract_status
from contoffice.services.invoicing.rules import fee_due_date
from contoffice.services.kernel.permissions import Actor
from contoffice.services.panels import grids
from tests.services.billing_support import make_person, make_profile


def _contract(db: Database, actor: Actor, person: int, plan: str, starts_on: date,
              months: int = 0, profile: int | None = None) -> int:
    return contracts.create_contract(db.uow(), actor, data=contracts.ContractInput(
        person_id=person, plan=plan, fee_cents=20_000, due_day=10, starts_on=starts_on,
        payment_profile_id=profile, generate_months=months))


def _search(db: Database, person: int, today: date,
            **request: object) -> list[client_recurrence.RecurrenceRow]:
    filters = {"person_id": person, **request.pop("filters", {})}  # type: ignore[dict-item]
    with db.uow() as uow:
        page = client_recurrence.search(uow.session, PageRequest(filters, **request), today=today)
    return page.rows


def _due(db: Database, contract_id: int, competence: date) -> date:
    with db.uow() as uow:
        return fee_due_date(uow.get(Contract, contract_id), competence)


def test_scheduled_fees_per_contract(db: Database, actor: Actor) -> None:
    person, profile = make_person(db), make_profile(db)
    ahead = contracts.create_contract(db.uow(), actor, data=contracts.ContractInput(
        person_id=person, plan="Simples Nacional", fee_cents=93_500, due_day=10,
        starts_on=date(2027, 1, 1), payment_profile_id=profile, generate_months=6))
    plain = contracts.create_contract(db.uow(), actor, data=contracts.ContractInput(
        person_id=person, plan="Folha", fee_cents=20_000, starts_on=date(2027, 1, 1)))
    gone = contracts.create_contract(db.uow(), actor, data=contracts.ContractInput(
        person_id=person, plan="Antigo", fee_cents=10_000, starts_on=date(2026, 1, 1)))
    contract_status.cancel_contracts(db.uow(), actor, contract_ids=[gone], reason="fim")

    page = grids.fetch_page(db.uow(), "client.recurrence", PageRequest(), person_id=person)
    rows = {r.id: r for r in page.rows}
    assert set(rows) == {ahead, plain}  # a cancelled contract no longer recurs
    assert (rows[ahead].remaining, rows[ahead].next_due) == (6, date(2027, 2, 10))
    # Nothing generated ahead: the fee of its first competência is the next to fall due.
    assert rows[plain].remaining == 0
    assert rows[plain].next_due == _due(db, plain, date(2027, 1, 1))
    assert rows[ahead].profile and rows[ahead].frequency == "Mensal"
    filtered = grids.fetch_page(db.uow(), "client.recurrence",
                                PageRequest({"description": "simples"}), person_id=person)
    assert [r.id for r in filtered.rows] == [ahead]


def test_next_due_after_the_last_fee_made_and_only_future_unbilled_fees_count(
    db: Database, actor: Actor
) -> None:
    person = make_person(db)
    contract = _contract(db, actor, person, "Simples", date(2026, 1, 1), months=4)
    with db.uow() as uow:  # January is paid: no longer scheduled
        january = uow.session.scalar(select(Charge).where(
            Charge.contract_id == contract, Charge.competence == date(2026, 1, 1)))
        january.invoice_id = None
        january.status = "settled"
        uow.commit()

    def row(today: date) -> client_recurrence.RecurrenceRow:
        return _search(db, person, today)[0]

    # Fees of 01..04/2026 fall due on 10/02..10/05 (or the next business day).
    early = row(date(2026, 1, 15))
    assert early.remaining == 3 and early.next_due == _due(db, contract, date(2026, 2, 1))
    # Past their due dates they are no longer "programadas"; the next one is May's fee.
    late = row(date(2026, 4, 20))
    assert late.remaining == 1 and late.next_due == _due(db, contract, date(2026, 4, 1))
    # None left: the competência after the last fee made (05/2026, due in June).
    after = row(date(2026, 6, 1))
    assert after.remaining == 0 and after.next_due == _due(db, contract, date(2026, 5, 1))
    # Its due date gone too: the next competência's.
    assert row(date(2026, 6, 20)).next_due == _due(db, contract, date(2026, 6, 1))


def test_next_due_filters_and_sorts_with_computed_dates(db: Database, actor: Actor) -> None:
    person = make_person(db)
    later = _contract(db, actor, person, "Folha", date(2027, 6, 1))
    sooner = _contract(db, actor, person, "Simples", date(2027, 2, 1))

    def ids(**request: object) -> list[int]:
        return [r.id for r in _search(db, person, date(2026, 11, 20), **request)]

    assert ids() == [sooner, later]  # what falls due first, first
    assert ids(sort=(Sort("next_due", True),)) == [later, sooner]
    assert ids(sort=(Sort("description"),)) == [later, sooner]
    assert ids(filters={"next_due": "03/2027"}) == [sooner]
    assert ids(filters={"next_due": ">=01/07/2027"}) == [later]
    assert ids(offset=1, limit=1) == [later]
