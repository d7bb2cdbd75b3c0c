"""Gerar documento fiscal against a fake Sefin over mutual TLS, on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest

from contoffice.core.vocab import FiscalStatus
from contoffice.db.models import Invoice, Person
from contoffice.db.uow import Database
from contoffice.fiscal.certificate import make_test_pkcs12
from contoffice.services.fiscal import certificates
from contoffice.services.fiscal import documents as fiscal_documents
from contoffice.services.fiscal import messages as m
from contoffice.services.fiscal.generate import Outcome
from contoffice.services.invoices.actions import remove_invoices
from contoffice.services.kernel import messages as km
from contoffice.services.kernel.permissions import Actor
from tests.services.fiscal.support import (
    PASSWORD,
    attempts,
    clock,
    documents,
    fiscal_office,
    fiscal_status,
    run,
)
from tests.support.sefin_server import SefinTestServer


def _office(db: Database, actor: Actor, sefin: SefinTestServer, tmp_path: Path,
            office_a1: bytes, clients: int = 3) -> list[int]:
    return fiscal_office(db, actor, clients, tmp_path, url=sefin.url, ca_file=sefin.ca_file,
                         pfx=office_a1)


def _posts(sefin: SefinTestServer) -> int:
    return sum(1 for r in sefin.requests if r.method == "POST" and r.path == "/nfse")


def test_authorised_notes_are_stored_and_the_invoice_is_issued(
    db: Database, actor: Actor, sefin: SefinTestServer, tmp_path: Path, office_a1: bytes
) -> None:
    ids = _office(db, actor, sefin, tmp_path, office_a1)
    report = run(db, actor, ids)
    assert [r.outcome for r in report.rows] == [Outcome.ISSUED] * 3, report.rows
    docs = documents(db)
    assert [d.number for d in docs] == [1, 2, 3]
    assert [d.nfse_number for d in docs] == [1, 2, 3]
    assert all(d.key and len(d.key) == 50 and d.status == "authorised" for d in docs)
    assert all(fiscal_status(db, i) == FiscalStatus.ISSUED for i in ids)
    assert attempts(db) == 3 and _posts(sefin) == 3
    # What was sent is what was kept.
    assert [r.xml for r in sefin.requests] == [d.dps_xml for d in docs]
    again = run(db, actor, ids[:1])
    assert again.rows[0].outcome == Outcome.REFUSED
    assert again.rows[0].message == km.INVOICE_HAS_FISCAL_DOCUMENTS.format(code=ids[0])
    assert _posts(sefin) == 3
    refused = remove_invoices(db.uow(), actor, invoice_ids=ids[:1], reason="teste de remoção")
    assert km.INVOICE_HAS_FISCAL_DOCUMENTS.format(code=ids[0]) in str(refused)


def test_a_rejected_dps_keeps_its_number_for_the_same_invoice(
    db: Database, actor: Actor, sefin: SefinTestServer, tmp_path: Path, office_a1: bytes
) -> None:
    ids = _office(db, actor, sefin, tmp_path, office_a1, clients=2)
    sefin.script("rejected", codes=[("E0312", "Código de tributação municipal inexistente")])
    first = run(db, actor, ids[:1])
    assert first.rows[0].outcome == Outcome.REJECTED
    assert "E0312 – Código de tributação municipal inexistente" in first.rows[0].message
    (doc,) = documents(db)
    assert (doc.status, doc.number) == ("rejected", 1)
    assert fiscal_status(db, ids[0]) == FiscalStatus.NONE
    second = run(db, actor, ids)
    assert [r.outcome for r in second.rows] == [Outcome.ISSUED, Outcome.ISSUED]
    docs = documents(db)
    assert [(d.invoice_id, d.number, d.status) for d in docs] == [
        (ids[0], 1, "authorised"), (ids[1], 2, "authorised")]


def test_a_timeout_leaves_the_note_unknown_until_the_sefin_is_asked(
    db: Database, actor: Actor, sefin: SefinTestServer, tmp_path: Path, office_a1: bytes
) -> None:
    ids = _office(db, actor, sefin, tmp_path, office_a1, clients=1)
    sefin.script("timeout", processed=True, hold=10)
    report = run(db, actor, ids)
    assert report.rows[0].outcome == Outcome.UNKNOWN
    (doc,) = documents(db)
    assert doc.status == "unknown" and doc.key is None
    assert fiscal_status(db, ids[0]) == FiscalStatus.PENDING
    refused = remove_invoices(db.uow(), actor, invoice_ids=ids, reason="teste de remoção")
    assert km.INVOICE_AWAITS_FISCAL_DOCUMENTS in str(refused)
    preview = run(db, actor, ids, dry_run=True)
    assert preview.rows[0].outcome == Outcome.WOULD_ISSUE
    with db.uow() as uow:
        found = fiscal_documents.status(uow, actor, doc.id, now=clock)
    assert found.status == "authorised" and found.nfse_number == 1
    assert fiscal_status(db, ids[0]) == FiscalStatus.ISSUED
    assert _posts(sefin) == 1  # asked, never sent again
    assert [r.path for r in sefin.requests][1].startswith("/dps/")


def test_a_dry_run_plans_without_taking_numbers(
    db: Database, actor: Actor, sefin: SefinTestServer, tmp_path: Path, office_a1: bytes
) -> None:
    ids = _office(db, actor, sefin, tmp_path, office_a1)
    with db.uow() as uow:
        from contoffice.db.models import Invoice, Person
        invoice = uow.session.get(Invoice, ids[1])
        uow.session.get(Person, invoice.person_id).document = ""
        uow.commit()
    preview = run(db, actor, ids, dry_run=True)
    assert [r.outcome for r in preview.rows] == [Outcome.WOULD_ISSUE, Outcome.REFUSED,
                                                 Outcome.WOULD_ISSUE]
    assert "não tem CPF/CNPJ" in preview.rows[1].message
    assert "DPS nº 1 " in preview.rows[0].message and "DPS nº 2 " in preview.rows[2].message
    assert documents(db) == [] and sefin.requests == []
    report = run(db, actor, ids)
    assert [r.outcome for r in report.rows] == [Outcome.ISSUED, Outcome.REFUSED, Outcome.ISSUED]
    assert [d.number for d in documents(db)] == [1, 2]  # the refusal took no number


@pytest.mark.parametrize("kind", ["error"])
def test_a_server_error_is_unknown_and_resolved_as_not_received(
    db: Database, actor: Actor, sefin: SefinTestServer, tmp_path: Path, office_a1: bytes,
    kind: str
) -> None:
    ids = _office(db, actor, sefin, tmp_path, office_a1, clients=1)
    sefin.script(kind, status=500, processed=False)
    assert run(db, actor, ids).rows[0].outcome == Outcome.UNKNOWN
    again = run(db, actor, ids)  # asks first (404), then sends the same number again
    assert again.rows[0].outcome == Outcome.ISSUED
    (doc,) = documents(db)
    assert (doc.number, doc.status) == (1, "authorised")
    assert [r.method + " " + r.path.split("/")[1] for r in sefin.requests] == [
        "POST nfse", "GET dps", "POST nfse"]


def test_a_certificate_the_sefin_refuses_sends_nothing_and_keeps_the_number(
    db: Database, actor: Actor, sefin: SefinTestServer, tmp_path: Path, office_a1: bytes
) -> None:
    stranger = make_test_pkcs12("11222333000181", "OUTRO ESCRITORIO", PASSWORD)
    ids = fiscal_office(db, actor, 1, tmp_path, url=sefin.url, ca_file=sefin.ca_file,
                        pfx=stranger)
    row = run(db, actor, ids).rows[0]
    assert row.outcome == Outcome.NOT_SENT and "recusou o certificado" in row.message
    (doc,) = documents(db)
    assert (doc.status, doc.number) == ("draft", 1)
    assert fiscal_status(db, ids[0]) == FiscalStatus.NONE and _posts(sefin) == 0
    with db.uow() as uow:
        certificates.install(uow, actor, office_a1, PASSWORD)
    row = run(db, actor, ids).rows[0]
    assert (row.outcome, row.number) == (Outcome.ISSUED, 1)
    assert len(documents(db)) == 1


def test_a_client_without_city_code_is_refused_by_name(
    db: Database, actor: Actor, sefin: SefinTestServer, tmp_path: Path, office_a1: bytes
) -> None:
    ids = _office(db, actor, sefin, tmp_path, office_a1, clients=1)
    with db.uow() as uow:
        person = uow.session.get(Person, uow.session.get(Invoice, ids[0]).person_id)
        person.city, person.city_ibge_code, name = "Cidade Inexistente", "", person.name
        uow.commit()
    row = run(db, actor, ids).rows[0]
    assert row.outcome == Outcome.REFUSED
    assert row.message == m.TAKER_NO_CITY.format(name=name)
    assert documents(db) == [] and sefin.requests == []
