"""Desks writing at once wait for each other instead of failing (SQLite busy timeout)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from sqlalchemy import func, select

from contoffice.db.models import Charge, Contract
from contoffice.db.uow import Database
from tests.services.billing_support import bulk_contracts, make_profile

DESKS = 4
PEOPLE_PER_DESK = 15
MONTHS = 12

# Each desk generates the fees of its own clients month by month: one SAVEPOINT-per-row
# tool call per month, read-then-write, as the window and the CLI do it.
DESK = textwrap.dedent("""
    import sys
    from contoffice.db.uow import Database
    from contoffice.services.billing import fees
    from contoffice.services.kernel.busy import retry_when_busy
    from contoffice.services.admin.operators import system_actor
    url, people = sys.argv[1], [int(p) for p in sys.argv[2].split(",")]
    db = Database(url)
    with db.uow() as uow:
        actor = system_actor(uow)
        uow.commit()
    for month in range(1, MONTHS + 1):
        result = retry_when_busy(lambda: fees.generate_fees(
            db.uow(), actor, person_ids=people, start=f"2027-{month:02d}"))
        assert all(o.done for o in result.outcomes), result.outcomes
""").replace("MONTHS", str(MONTHS))


def test_desks_writing_at_once_all_succeed(db: Database, db_url: str) -> None:
    bulk_contracts(db, DESKS * PEOPLE_PER_DESK, make_profile(db))
    with db.uow() as uow:
        people = list(uow.session.scalars(select(Contract.person_id).order_by(Contract.id)))
    env = {**os.environ}
    desks = [subprocess.Popen(
        [sys.executable, "-c", DESK, db_url,
         ",".join(str(p) for p in people[n::DESKS])],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(DESKS)]
    for desk in desks:
        _out, err = desk.communicate(timeout=300)
        assert desk.returncode == 0, err[-2000:]
    with db.uow() as uow:
        made = uow.session.scalar(select(func.count()).select_from(Charge))
    assert made == len(people) * MONTHS
