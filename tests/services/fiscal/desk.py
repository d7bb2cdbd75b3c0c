"""A desk in its own process: `python -m tests.services.fiscal.desk URL PASSWORD ID...`.

It unlocks the certificate (this desk's keyring lacks its password) and generates the notes
of the invoices given, as the window or `nfse generate` would; it prints the outcomes.
"""

from __future__ import annotations

import sys

from contoffice.db.uow import Database
from contoffice.services.admin.operators import system_actor
from contoffice.services.fiscal import certificates
from contoffice.services.fiscal.generate import generate
from tests.services.fiscal.support import clock


def main(url: str, password: str, ids: list[int]) -> None:
    """Generate the notes of `ids` on the database at `url`."""
    db = Database(url)
    with db.uow() as uow:
        actor = system_actor(uow)
        uow.commit()
    with db.uow() as uow:
        certificates.unlock(uow, password)
    with db.uow() as uow:
        report = generate(uow, actor, ids, now=clock)
    print(" ".join(f"{r.invoice_id}:{r.outcome}:{r.number}" for r in report.rows), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], [int(a) for a in sys.argv[3:]])
