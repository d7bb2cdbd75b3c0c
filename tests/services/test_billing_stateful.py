"""Random sequences of billing tools keep the ledger's invariants (hypothesis)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import func, select

from contoffice.db.models import AuditEvent, Charge, Invoice, Settlement
from contoffice.db.queries.balances import client_balances
from contoffice.db.uow import Database
from contoffice.errors import ContofficeError
from contoffice.services.admin.operators import system_actor
from contoffice.services.billing import charge_billing, charges, fees
from contoffice.services.billing import run as billing_run
from contoffice.services.invoices import actions as invoices
from contoffice.services.invoices import alteration as invoice_changes
from contoffice.services.kernel.results import BatchResult, RowOutcome
from contoffice.services.settlements import reversals
from contoffice.services.settlements import settle as settlements
from tests.services.billing_support import (
    TODAY,
    cash_account,
    make_contract,
    make_person,
    make_profile,
)

YES = frozenset({"invoice.reissue", "invoice.comment"})
pick = st.integers(min_value=0, max_value=40)
money = st.integers(min_value=1, max_value=200_000)


class BillingMachine(RuleBasedStateMachine):
    new_database: object = None  # set by the test: () -> Database

    def __init__(self) -> None:
        super().__init__()
        self.db: Database = type(self).new_database()  # type: ignore[misc]
        with self.db.uow() as uow:
            self.actor = system_actor(uow)
            uow.commit()
        self.person = make_person(self.db)
        self.profile = make_profile(self.db)
        make_contract(self.db, self.actor, self.person, self.profile, starts_on=date(2026, 6, 1))
        fees.generate_fees(self.db.uow(), self.actor, person_ids=[self.person], start="2026-06",
                           times=8)
        for month in ("2026-07", "2026-08", "2026-09", "2026-10", "2026-11"):
            billing_run.run_billing(self.db, self.actor, competence=month, today=TODAY)
        self.account = cash_account(self.db)
        self.audits = self._audit_count()
        self.settled = self._settled_snapshot()

    def teardown(self) -> None:
        self.db.dispose()

    # --- helpers -------------------------------------------------------------------------
    def _ids(self, model: type, *where: object) -> list[int]:
        with self.db.uow() as uow:
            return list(uow.session.scalars(select(model.id).where(*where).order_by(model.id)))

    def _invoice(self, n: int) -> int:
        ids = self._ids(Invoice) or [0]
        return ids[n % len(ids)]

    def _audit_count(self) -> int:
        with self.db.uow() as uow:
            return int(uow.session.scalar(select(func.count()).select_from(AuditEvent)))

    def _settled_snapshot(self) -> dict[int, tuple[object, ...]]:
        with self.db.uow() as uow:
            return {i.id: (i.status, i.amount_cents, i.due_date, i.our_number, i.paid_cents)
                    for i in uow.session.scalars(select(Invoice).where(
                        Invoice.status == "settled"))}

    def _did(self, result: BatchResult | None, events_per_row: int = 1) -> None:
        done = len(result.done) if result else 0
        now = self._audit_count()
        assert now - self.audits == done * events_per_row, (now, self.audits, result)
        self.audits = now

    def _call(self, fn, **kwargs) -> BatchResult | None:
        try:
            return fn(self.db.uow(), self.actor, **kwargs)
        except ContofficeError:
            return None

    # --- rules ---------------------------------------------------------------------------
    @rule(n=pick, value=st.one_of(st.none(), money))
    def settle(self, n: int, value: int | None) -> None:
        self._did(self._call(settlements.settle_invoices, invoice_ids=[self._invoice(n)],
                             method="other", settled_on=TODAY, justification="pago",
                             value_cents=value, today=TODAY))

    @rule(n=pick, value=money)
    def pay_part(self, n: int, value: int) -> None:
        self._did(self._call(settlements.settle_invoices, invoice_ids=[self._invoice(n)],
                             method="other", settled_on=TODAY, justification="parcial",
                             value_cents=value, partial=True, today=TODAY))

    @rule(n=pick)
    def reverse(self, n: int) -> None:
        invoice_id = self._invoice(n)
        result = self._call(reversals.reverse_settlements, invoice_ids=[invoice_id],
                            cash_account_id=self.account, justification="estorno",
                            today=TODAY)
        if result and result.done:
            self.settled.pop(invoice_id, None)
        self._did(result)

    @rule(n=pick, days=st.integers(min_value=0, max_value=60),
          surcharge=st.integers(min_value=0, max_value=5_000))
    def alter_due(self, n: int, days: int, surcharge: int) -> None:
        self._did(self._call(invoice_changes.alter_due_date, invoice_ids=[self._invoice(n)],
                             due_date=date.fromordinal(TODAY.toordinal() + days),
                             surcharge_cents=surcharge, justification="pedido",
                             confirmed=YES, today=TODAY))

    @rule(n=pick, value=money)
    def alter_value(self, n: int, value: int) -> None:
        self._did(self._call(invoice_changes.alter_value, invoice_ids=[self._invoice(n)],
                             value_cents=value, justification="acordo", confirmed=YES,
                             today=TODAY))

    @rule(n=pick)
    def remove(self, n: int) -> None:
        self._did(self._call(invoices.remove_invoices, invoice_ids=[self._invoice(n)],
                             reason="duplicada"))

    @rule(n=pick, lift=st.booleans())
    def suspend(self, n: int, lift: bool) -> None:
        if lift:
            self._did(self._call(invoices.unsuspend_invoices, invoice_ids=[self._invoice(n)]))
        else:
            self._did(self._call(invoices.suspend_invoices, invoice_ids=[self._invoice(n)],
                                 reason="Pedido do cliente"))

    @rule(n=pick)
    def comment(self, n: int) -> None:
        self._did(self._call(invoices.comment_invoices, invoice_ids=[self._invoice(n)],
                             text="ligou", confirmed=YES))

    @rule(value=money, all_in_one=st.booleans())
    def insert_and_bill(self, value: int, all_in_one: bool) -> None:
        ids = charges.insert_charges(self.db.uow(), self.actor, data=charges.ChargeInput(
            person_id=self.person, description="Serviço avulso", amount_cents=value,
            due_date=date(2026, 12, 1), replications=1), today=TODAY)
        self._did(BatchResult([RowOutcome(i, True) for i in ids]))
        unbilled = self._ids(Charge, Charge.invoice_id.is_(None), Charge.status == "open",
                             Charge.kind != "fee")[:3]
        result = self._call(charge_billing.bill_charges, charge_ids=unbilled,
                            method="all_in_one" if all_in_one else "per_charge", today=TODAY)
        if all_in_one and len(unbilled) > 1 and result is not None:
            result = BatchResult([RowOutcome(0, True)])  # one invoice, one audit event
        self._did(result)

    # --- invariants ----------------------------------------------------------------------
    @invariant()
    def ledger_is_consistent(self) -> None:
        with self.db.uow() as uow:
            live = list(uow.session.scalars(select(Invoice).where(Invoice.status != "removed")))
            sums = dict(uow.session.execute(
                select(Charge.invoice_id, func.sum(Charge.amount_cents))
                .where(Charge.invoice_id.is_not(None)).group_by(Charge.invoice_id)).all())
            paid = dict(uow.session.execute(
                select(Settlement.invoice_id, func.sum(Settlement.amount_cents))
                .group_by(Settlement.invoice_id)).all())
            for inv in live:
                assert inv.amount_cents == sums.get(inv.id, 0), inv.id
                assert inv.paid_cents == paid.get(inv.id, 0), inv.id
            open_ = [i for i in live if i.status in ("open", "partial")]
            expected = sum(sums.get(i.id, 0) - paid.get(i.id, 0) for i in open_)
            numbers = Counter((i.payment_profile_id, i.our_number) for i in
                              uow.session.scalars(select(Invoice).where(
                                  Invoice.our_number.is_not(None))))
            assert max(numbers.values()) == 1
        header = client_balances(self.db.uow(), self.person, TODAY)
        assert header.overdue_cents + header.current_cents == expected

    @invariant()
    def settled_invoices_stay_as_they_were(self) -> None:
        now = self._settled_snapshot()
        for invoice_id, snapshot in self.settled.items():
            assert now.get(invoice_id) == snapshot, invoice_id
        self.settled = now


def test_billing_state_machine(sqlite_templates, tmp_path: Path) -> None:
    counter = iter(range(10_000))

    def new_database() -> Database:
        folder = tmp_path / f"db{next(counter)}"
        folder.mkdir()
        return Database(sqlite_templates.new(folder))

    BillingMachine.new_database = new_database
    run_state_machine_as_test(BillingMachine, settings=settings(
        max_examples=30, stateful_step_count=20, deadline=None,
        suppress_health_check=list(HealthCheck)))


def test_billing_state_machine_on_postgresql(request: pytest.FixtureRequest) -> None:
    """The same invariants on the shared-server backend (fewer examples: each needs a database)."""
    server = request.getfixturevalue("pg_server")
    if server is None:
        pytest.skip("PostgreSQL indisponível")
    made: list[str] = []

    def new_database() -> Database:
        name, url = server.new()
        made.append(name)
        return Database(url)

    BillingMachine.new_database = new_database
    try:
        run_state_machine_as_test(BillingMachine, settings=settings(
            max_examples=8, stateful_step_count=15, deadline=None,
            suppress_health_check=list(HealthCheck)))
    finally:
        for name in made:
            server.drop(name)
