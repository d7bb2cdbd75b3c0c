"""Faturas programadas para recorrência automática: contracts billing and fees generated ahead."""

from __future__ import annotations

from datetime import date

from contoffice.core.paging import PageRequest
from contoffice.db.uow import Database
from contoffice.services.contracts import records as contracts
from contoffice.services.contracts import status as contract_status
from contoffice.services.kernel.permissions import Actor
from contoffice.services.panels import grids
from tests.services.billing_support import make_person, make_profile


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
    assert (rows[plain].remaining, rows[plain].next_due) == (0, None)
    assert rows[ahead].profile and rows[ahead].frequency == "Mensal"
    filtered = grids.fetch_page(db.uow(), "client.recurrence",
                                PageRequest({"description": "simples"}), person_id=person)
    assert [r.id for r in filtered.rows] == [ahead]
