"""A small office with known numbers for the reports (both backends)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from contoffice.db.models import AuditEvent, Contract, Invoice, Operator, Person, Settlement
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor

TODAY = date(2026, 11, 24)


@dataclass(frozen=True)
class Office:
    alfa: int
    beta: int
    gama: int
    ana: int  # an operator besides the system one
    spc_invoice: int


def _invoice(person_id: int, due: date, amount: int, *, status: str = "open", paid: int = 0,
             direction: str = "R", in_spc: bool = False) -> Invoice:
    return Invoice(person_id=person_id, direction=direction, issue_date=date(2026, 1, 2),
                   due_date=due, amount_cents=amount, paid_cents=paid, status=status,
                   in_spc=in_spc, spc_added_at=datetime(2026, 11, 1, tzinfo=UTC) if in_spc
                   else None)


def _contract(person_id: int, fee: int, status: str, starts: date,
              ends: date | None = None) -> Contract:
    return Contract(person_id=person_id, plan="Simples Nacional", fee_cents=fee, status=status,
                    starts_on=starts, ends_on=ends)


def build(db: Database, actor: Actor) -> Office:
    """Invoices, settlements (one reversed), contracts and audit events with known sums."""
    with db.uow() as uow:
        s = uow.session
        people = [Person(kind="PJ", name=n, registered_on=date(2024, 1, 2))
                  for n in ("Alfa Contabilidade", "Beta Comércio", "Gama Serviços")]
        s.add_all(people)
        s.flush()
        a, b, c = (p.id for p in people)
        role_id = s.scalar(select(Operator.role_id).where(Operator.id == actor.id))
        ana = Operator(login="ana", name="Ana", role_id=role_id)
        s.add(ana)
        spc = _invoice(b, date(2026, 7, 1), 20_000, in_spc=True)  # > 90 days
        partial = _invoice(a, date(2026, 11, 20), 5_000, status="partial", paid=2_000)
        late = _invoice(c, date(2026, 10, 15), 7_000)  # 31–60 days
        settled = _invoice(c, date(2026, 10, 5), 9_000, status="settled", paid=9_000)
        payable = _invoice(b, date(2026, 10, 10), 99_900, direction="P")
        s.add_all([
            _invoice(a, date(2026, 9, 10), 10_000),  # 61–90 days
            partial, spc, _invoice(b, date(2026, 12, 10), 8_000),  # a vencer
            late, settled, payable,
            _invoice(a, date(2026, 10, 20), 4_000, status="removed", in_spc=True),
            _invoice(c, date(2026, 11, 5), 6_000, status="suspended"),
        ])
        s.flush()

        def settle(invoice: Invoice, amount: int, on: date, reverses: int | None = None
                   ) -> Settlement:
            row = Settlement(invoice_id=invoice.id, person_id=invoice.person_id,
                             amount_cents=amount, settled_on=on, method="other",
                             reverses_id=reverses, reversed=False)
            s.add(row)
            s.flush()
            return row

        settle(partial, 2_000, date(2026, 11, 21))
        settle(settled, 9_000, date(2026, 10, 7))
        undone = settle(late, 1_500, date(2026, 10, 20))
        settle(late, -1_500, date(2026, 11, 2), reverses=undone.id)  # its estorno
        settle(payable, 99_900, date(2026, 10, 10))  # a payable: never revenue
        s.add_all([
            _contract(a, 100_000, "active", date(2025, 1, 1)),
            _contract(a, 50_000, "suspended", date(2025, 1, 1)),
            _contract(b, 30_000, "active", date(2027, 2, 1)),
            _contract(b, 20_000, "cancel_requested", date(2025, 1, 1), date(2026, 12, 31)),
            _contract(c, 70_000, "cancelled", date(2025, 1, 1), date(2026, 6, 30)),
            _contract(c, 5_000, "awaiting", date(2026, 12, 1)),
            _contract(c, 10_000, "active", date(2025, 6, 1), date(2027, 1, 15)),
        ])
        s.flush()
        s.add_all([
            AuditEvent(at=datetime(2026, 11, 10, 12, tzinfo=UTC), operator_id=ana.id,
                       action="invoice.spc_added", entity="invoice", entity_id=spc.id,
                       person_id=b, before='{"in_spc": false}', after='{"in_spc": true}'),
            # 02:00 UTC on the 11th is 23:00 of the 10th in São Paulo.
            AuditEvent(at=datetime(2026, 11, 11, 2, tzinfo=UTC), operator_id=actor.id,
                       action="person.updated", entity="person", entity_id=a, person_id=a,
                       before='{"email": ""}', after='{"email": "alfa@example.com"}'),
            AuditEvent(at=datetime(2026, 10, 1, 15, tzinfo=UTC), operator_id=ana.id,
                       action="contract.suspended", entity="contract", entity_id=1,
                       person_id=c, justification="pedido do cliente"),
        ])
        uow.commit()
        return Office(a, b, c, ana.id, spc.id)
