"""Shared by the CLI tests of the money tools: run a command, build open invoices."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from contoffice.cli import main
from contoffice.db.models import AuditEvent
from contoffice.db.uow import Database
from contoffice.services.billing import charge_billing, charges
from contoffice.services.kernel.permissions import Actor
from tests.services.billing_support import make_person, make_profile

DUE = date.today() + timedelta(days=20)


@dataclass
class Ran:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)

    def outcome(self, row_id: int) -> dict[str, Any]:
        return next(o for o in self.json["outcomes"] if o["id"] == row_id)


def run(capsys: pytest.CaptureFixture[str], db_url: str, *argv: str) -> Ran:
    """`contoffice --database URL argv…` in-process."""
    capsys.readouterr()
    code = main(["--database", db_url, *argv])
    captured = capsys.readouterr()
    return Ran(code, captured.out, captured.err)


def open_invoices(
    db: Database, actor: Actor, n: int, *, cents: int = 93_500, person: int | None = None
) -> list[int]:
    """n open invoices of one client (one conta each) on a bank profile."""
    person = person or make_person(db)
    profile = make_profile(db)
    created = charges.insert_charges(
        db.uow(),
        actor,
        data=charges.ChargeInput(
            person_id=person,
            description="Honorários",
            amount_cents=cents,
            due_date=DUE,
            replications=n - 1,
            payment_profile_id=profile,
        ),
    )
    result = charge_billing.bill_charges(
        db.uow(), actor, charge_ids=created, method=charge_billing.PER_CHARGE
    )
    return [o.new_id for o in result.outcomes if o.new_id is not None]


def audit_count(db: Database) -> int:
    with db.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def ids(values: list[int]) -> str:
    return ",".join(map(str, values))
