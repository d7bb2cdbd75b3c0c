"""Mass settlement in bulk: same rows as one by one, and the per-row path when a chunk conflicts."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from contoffice.core.vocab import ChargeStatus, InvoiceStatus
from contoffice.db.models import AuditEvent, Charge, InvoiceEvent, Settlement
from contoffice.db.uow import Database
from contoffice.services.kernel import batch
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.permissions import Actor
from contoffice.services.settlements import bulk_write as settle_bulk_write
from contoffice.services.settlements import settle as settlements
from tests.cli.money_support import open_invoices
from tests.services.billing_support import TODAY, invoice


def _count(db: Database, model: type, **where: object) -> int:
    with db.uow() as uow:
        stmt = select(func.count()).select_from(model).filter_by(**where)
        return int(uow.session.scalar(stmt) or 0)


def test_bulk_rows_match_the_rules(
    db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    invs = open_invoices(db, actor, 4)
    settlements.settle_invoices(
        db.uow(),
        actor,
        invoice_ids=[invs[0]],
        method="other",
        settled_on=TODAY,
        justification="antes",
        today=TODAY,
    )

    def no_fallback(*_args: object) -> None:
        raise AssertionError("the bulk path fell back to row by row")

    # Both drivers report the rows an executemany UPDATE matched: the bulk path holds.
    monkeypatch.setattr(batch, "row_by_row", no_fallback)
    result = settlements.settle_invoices(
        db.uow(),
        actor,
        invoice_ids=[*invs, 999_999],
        method="other",
        settled_on=TODAY,
        justification="lote",
        value_cents=90_000,
        today=TODAY,
    )
    assert [(o.id, o.done, o.message) for o in result.outcomes] == [
        (invs[0], False, m.INVOICE_ALREADY_SETTLED.format(code=invs[0])),
        (invs[1], True, None),
        (invs[2], True, None),
        (invs[3], True, None),
        (
            999_999,
            False,
            "Fatura 999999 não encontrada (pode ter sido removida por outro usuário).",
        ),
    ]
    row = invoice(db, invs[1])
    assert (row.status, row.amount_cents, row.paid_cents, row.version_id) == (
        InvoiceStatus.SETTLED,
        90_000,
        90_000,
        2,
    )  # created (1), settled (2)
    with db.uow() as uow:
        own = list(
            uow.session.scalars(
                select(Charge).where(Charge.invoice_id == invs[1]).order_by(Charge.id)
            )
        )
        assert [(c.kind, c.amount_cents, c.status) for c in own] == [
            ("one_off", 93_500, ChargeStatus.SETTLED),
            ("discount", -3_500, ChargeStatus.SETTLED),
        ]
        settlement = uow.session.scalar(select(Settlement).where(Settlement.invoice_id == invs[1]))
        assert own[1].settlement_id == settlement.id and settlement.amount_cents == 90_000
        event = uow.session.scalar(
            select(AuditEvent).where(
                AuditEvent.action == "invoice.settled", AuditEvent.entity_id == invs[1]
            )
        )
        assert json.loads(event.after)["paid_cents"] == 90_000 and event.justification == "lote"
    assert _count(db, InvoiceEvent, kind="settled") == 4
    assert _count(db, AuditEvent, action="invoice.settled") == 4


def test_a_conflicting_chunk_is_redone_row_by_row(
    db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    invs = open_invoices(db, actor, 3)
    real, calls = settle_bulk_write._update_invoices, []

    def conflict_once(*args: object) -> None:
        # Another desk touched the chunk: its bulk write misses; the rows redone one by
        # one (the same rule, the same function) then find their versions again.
        calls.append(len(args[1]))  # type: ignore[arg-type]
        if len(calls) == 1:
            raise StaleDataError("another desk")
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(settle_bulk_write, "_update_invoices", conflict_once)
    result = settlements.settle_invoices(
        db.uow(),
        actor,
        invoice_ids=invs,
        method="other",
        settled_on=TODAY,
        justification="x",
        today=TODAY,
    )
    assert all(o.done for o in result.outcomes)
    assert calls == [3, 1, 1, 1]
    assert {invoice(db, i).status for i in invs} == {InvoiceStatus.SETTLED}
    # nothing of the rolled-back bulk attempt is left: one settlement and one event per row
    assert _count(db, Settlement) == 3
    assert _count(db, AuditEvent, action="invoice.settled") == 3


def _settled_state(db: Database, invoice_ids: list[int]) -> list[tuple[object, ...]]:
    """Every row a settlement writes, ids replaced by their place among the invoices."""
    place = {iid: n for n, iid in enumerate(invoice_ids)}
    with db.uow() as uow:
        s = uow.session
        invoices = [invoice(db, i) for i in invoice_ids]
        rows: list[tuple[object, ...]] = [
            ("invoice", place[i.id], i.status, i.amount_cents, i.paid_cents, i.settled_on,
             i.reconciliation_status, i.version_id) for i in invoices]
        rows += [("settlement", place[x.invoice_id], x.amount_cents, x.settled_on, x.method,
                  x.justification) for x in s.scalars(select(Settlement).where(
                      Settlement.invoice_id.in_(invoice_ids)).order_by(Settlement.invoice_id))]
        rows += [("charge", place[c.invoice_id or 0], c.kind, c.amount_cents, c.status,
                  c.description, c.settlement_id is not None)
                 for c in s.scalars(select(Charge).where(Charge.invoice_id.in_(invoice_ids))
                                    .order_by(Charge.invoice_id, Charge.id))]
        rows += [("event", place[e.invoice_id], e.kind, e.text)
                 for e in s.scalars(select(InvoiceEvent).where(
                     InvoiceEvent.invoice_id.in_(invoice_ids), InvoiceEvent.kind == "settled")
                     .order_by(InvoiceEvent.invoice_id))]
        rows += [("audit", place[a.entity_id], a.action, a.after, a.justification)
                 for a in s.scalars(select(AuditEvent).where(
                     AuditEvent.entity_id.in_(invoice_ids), AuditEvent.action == "invoice.settled")
                     .order_by(AuditEvent.entity_id))]
    return rows


@pytest.mark.parametrize(("value", "partial"), [(None, False), (90_000, False),
                                                (100_000, False), (40_000, True)])
def test_bulk_and_per_row_paths_leave_the_same_database(
    db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch, value: int | None,
    partial: bool
) -> None:
    bulk_ids, row_ids = open_invoices(db, actor, 3), open_invoices(db, actor, 3)
    settle = dict(method="other", settled_on=TODAY, justification="lote", value_cents=value,
                  partial=partial, today=TODAY)
    settlements.settle_invoices(db.uow(), actor, invoice_ids=bulk_ids, **settle)
    real = settle_bulk_write._update_invoices

    def chunk_conflicts(uow: object, rows: list, terms: object) -> None:
        if len(rows) > 1:  # every whole chunk misses: each row goes the per-row path
            raise StaleDataError("another desk")
        real(uow, rows, terms)  # type: ignore[arg-type]

    monkeypatch.setattr(settle_bulk_write, "_update_invoices", chunk_conflicts)
    settlements.settle_invoices(db.uow(), actor, invoice_ids=row_ids, **settle)
    assert _settled_state(db, bulk_ids) == _settled_state(db, row_ids)
