"""Série + nDPS: no gap, a rejected number reused, the last annulled rolled back, never reuse
after authorisation (the local simulator answers: the demo office's transmission)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from contoffice.core.vocab import FiscalStatus
from contoffice.db.models import Invoice
from contoffice.db.uow import Database
from contoffice.errors import NotAllowed
from contoffice.services.fiscal import cancel as fiscal_cancel
from contoffice.services.fiscal import documents as fiscal_documents
from contoffice.services.fiscal import messages as m
from contoffice.services.fiscal import prepare, settings
from contoffice.services.fiscal.build import emitter
from contoffice.services.fiscal.generate import Outcome
from contoffice.services.fiscal.pending import pending_invoices
from contoffice.services.kernel.permissions import Actor
from tests.services.fiscal.support import clock, documents, fiscal_office, fiscal_status, run
from tests.support.sefin_server import SefinTestServer


def test_numbers_run_without_gaps_through_the_simulator(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    ids = fiscal_office(db, actor, 4, tmp_path)
    assert [r.outcome for r in run(db, actor, ids[:2]).rows] == [Outcome.ISSUED] * 2
    assert [r.outcome for r in run(db, actor, ids[2:]).rows] == [Outcome.ISSUED] * 2
    assert [(d.number, d.nfse_number) for d in documents(db)] == [(1, 1), (2, 2), (3, 3), (4, 4)]
    assert (tmp_path / "simulador.json").exists()  # the simulator keeps its notes


def test_annulling_the_last_number_gives_it_back_and_an_earlier_one_leaves_a_gap(
    db: Database, actor: Actor, tmp_path: Path, sefin: SefinTestServer, office_a1: bytes
) -> None:
    ids = fiscal_office(db, actor, 3, tmp_path, url=sefin.url, ca_file=sefin.ca_file,
                        pfx=office_a1)
    sefin.script("rejected")
    assert run(db, actor, ids[:1]).rows[0].outcome == Outcome.REJECTED
    (rejected,) = documents(db)
    with db.uow() as uow:
        (annulled,) = fiscal_documents.annul(uow, actor, [rejected.id])
    assert annulled.returned and fiscal_status(db, ids[0]) == FiscalStatus.NONE
    assert run(db, actor, ids[1:2]).rows[0].number == 1  # the annulled number, given again
    sefin.script("rejected")
    assert run(db, actor, ids[2:]).rows[0].number == 2
    assert run(db, actor, ids[:1]).rows[0].number == 3
    second = next(d for d in documents(db) if d.status == "rejected")
    with db.uow() as uow:
        (annulled,) = fiscal_documents.annul(uow, actor, [second.id])
    assert not annulled.returned  # 3 was taken after it: the gap stays
    assert run(db, actor, ids[2:]).rows[0].number == 4


def test_rejected_reuse_annul_and_no_reuse_after_authorisation(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    ids = fiscal_office(db, actor, 3, tmp_path)
    assert run(db, actor, ids[:1]).rows[0].number == 1
    with db.uow() as uow:  # a draft number 2 (as a Sefin out of reach would leave it)
        who = emitter(uow, settings.read(uow))
        doc = prepare.new_document(uow, who, uow.session.get(Invoice, ids[1]), actor.id, clock())
        uow.session.add(doc)
        uow.commit()
        draft_id = doc.id
    assert doc.number == 2
    with db.uow() as uow:
        (annulled,) = fiscal_documents.annul(uow, actor, [draft_id])
    assert annulled.returned  # the last: the counter goes back to 2
    assert run(db, actor, ids[2:]).rows[0].number == 2
    # Authorised notes are never annulled, and a cancelled one keeps its number.
    authorised = documents(db)[0]
    with db.uow() as uow, pytest.raises(NotAllowed) as refused:
        fiscal_documents.annul(uow, actor, [authorised.id])
    assert refused.value.message == m.ANNUL_AUTHORISED
    with db.uow() as uow:
        fiscal_cancel.cancel(uow, actor, authorised.id, 1, "Valor da fatura informado errado",
                             now=clock)
    again = run(db, actor, ids[:1]).rows[0]
    assert (again.outcome, again.number) == (Outcome.ISSUED, 3)
    numbers = sorted((d.number, d.status) for d in documents(db))
    assert numbers == [(1, "cancelled"), (2, "annulled"), (2, "authorised"), (3, "authorised")]


class _StopAfter:
    """A Progress whose clerk presses Cancelar after `n` invoices."""

    def __init__(self, n: int) -> None:
        self.n, self.seen = n, []

    def step(self, done: int, total: int, label: str = "") -> None:
        self.seen.append((done, total, label))

    def cancelled(self) -> bool:
        return len(self.seen) >= self.n


def test_a_cancelled_batch_keeps_what_it_issued_and_the_next_goes_on(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    ids = fiscal_office(db, actor, 5, tmp_path)
    with db.uow() as uow:
        month = uow.session.get(Invoice, ids[0]).competence
        assert pending_invoices(uow, month) == ids
    progress = _StopAfter(2)
    report = run(db, actor, ids, progress=progress)
    assert report.cancelled and [r.number for r in report.rows] == [1, 2]
    assert progress.seen[0] == (1, 5, report.rows[0].name)
    with db.uow() as uow:
        rest = pending_invoices(uow, month)
    assert rest == ids[2:]
    assert [r.number for r in run(db, actor, rest).rows] == [3, 4, 5]


def test_first_competence_and_settled_value_rules(db: Database, actor: Actor,
                                                  tmp_path: Path) -> None:
    ids = fiscal_office(db, actor, 1, tmp_path)
    with db.uow() as uow:
        month = uow.session.get(Invoice, ids[0]).competence
        values = settings.read(uow)
        settings.save(uow, actor, replace(values, first_competence=date(2027, 1, 1)))
    row = run(db, actor, ids).rows[0]
    assert row.outcome == Outcome.REFUSED and "anterior à primeira" in row.message
    with db.uow() as uow:
        assert pending_invoices(uow, month) == []
        settings.save(uow, actor, replace(values, on_settled=True))
    row = run(db, actor, ids).rows[0]
    assert row.message == m.INVOICE_NOT_SETTLED.format(code=ids[0])
    assert documents(db) == []
