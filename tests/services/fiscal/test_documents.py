"""Cancelar, substituir, observações, DANFSe, the signed DPS; the A1 certificate and settings."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contoffice.core.secrets import STORE
from contoffice.core.vocab import FiscalStatus
from contoffice.db.models import FiscalCertificate
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.fiscal.certificate import make_test_pkcs12
from contoffice.fiscal.signing import verify
from contoffice.services.fiscal import cancel as fiscal_cancel
from contoffice.services.fiscal import certificates, settings
from contoffice.services.fiscal import documents as fiscal_documents
from contoffice.services.fiscal import messages as m
from contoffice.services.fiscal.generate import Outcome
from contoffice.services.kernel.permissions import Actor
from tests.services.fiscal.support import (
    BASE,
    OFFICE_CNPJ,
    OFFICE_NAME,
    clock,
    documents,
    fiscal_office,
    fiscal_status,
    run,
)
from tests.support.sefin_server import SefinTestServer


def pdf_text(pdf: bytes) -> str:
    """pdftotext -raw of the DANFSe (poppler; the diagonal watermark comes out too)."""
    return subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode("utf-8")


def test_cancel_registers_the_event_and_frees_the_invoice(
    db: Database, actor: Actor, sefin: SefinTestServer, tmp_path: Path, office_a1: bytes
) -> None:
    ids = fiscal_office(db, actor, 1, tmp_path, url=sefin.url, ca_file=sefin.ca_file,
                        pfx=office_a1)
    run(db, actor, ids)
    (doc,) = documents(db)
    with db.uow() as uow, pytest.raises(InvalidInput) as short:
        fiscal_cancel.cancel(uow, actor, doc.id, 1, "curta", now=clock)
    assert short.value.message == m.CANCEL_JUSTIFICATION
    with db.uow() as uow:
        done = fiscal_cancel.cancel(uow, actor, doc.id, 2, "Serviço não foi prestado no mês",
                                    now=clock)
    assert done.status == "cancelled" and done.label == "Cancelada"
    (doc,) = documents(db)
    assert doc.cancel_event_xml and b"e101101" in doc.cancel_event_xml
    assert (doc.cancel_reason, doc.status) == (2, "cancelled")
    assert fiscal_status(db, ids[0]) == FiscalStatus.NONE
    assert sefin.sefin.situation(doc.key or "") == "cancelada"
    with db.uow() as uow:
        # The diagonal watermark comes out one letter per line.
        assert "CANCELADA" in "".join(pdf_text(fiscal_documents.pdf(uow, doc.id)).split())
    with db.uow() as uow, pytest.raises(NotAllowed):
        fiscal_cancel.cancel(uow, actor, doc.id, 2, "Serviço não foi prestado no mês", now=clock)
    assert run(db, actor, ids).rows[0].number == 2  # a new note, a new number


def test_substitute_replaces_an_authorised_note(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    ids = fiscal_office(db, actor, 1, tmp_path)
    run(db, actor, ids)
    (original,) = documents(db)
    with db.uow() as uow:
        outcome = fiscal_cancel.substitute(uow, actor, original.id, "01", now=clock)
    assert (outcome.outcome, outcome.number) == (Outcome.ISSUED, 2)
    first, second = documents(db)
    assert (first.status, first.substituted_by_id) == ("substituted", second.id)
    assert (second.status, second.substitutes_id) == ("authorised", first.id)
    assert b"<chSubstda>" + (first.key or "").encode() in (second.dps_xml or b"")
    assert fiscal_status(db, ids[0]) == FiscalStatus.ISSUED


def test_observations_signed_dps_and_print(db: Database, actor: Actor, tmp_path: Path) -> None:
    ids = fiscal_office(db, actor, 1, tmp_path)
    with db.uow() as uow:
        preview = fiscal_documents.signed_dps(uow, actor, ids[0], now=clock)
    verify(preview)
    assert b"<nDPS>1</nDPS>" in preview and documents(db) == []  # nothing taken
    report = run(db, actor, ids)
    (doc,) = documents(db)
    with db.uow() as uow:
        assert fiscal_documents.signed_dps(uow, actor, ids[0]) == doc.dps_xml
        fiscal_documents.edit_observations(uow, actor, doc.id, "Obs 1", "", "", "Contrato X")
    (doc,) = documents(db)
    assert (doc.observation1, doc.observation4) == ("Obs 1", "Contrato X")
    with db.uow() as uow:
        text = pdf_text(fiscal_documents.pdf(uow, doc.id))
    assert str(report.rows[0].nfse_number) in text and "SEM VALIDADE" in text.upper()


def test_a_wrong_password_or_expired_certificate_leaves_nothing(
    db: Database, actor: Actor
) -> None:
    pfx = make_test_pkcs12(OFFICE_CNPJ, OFFICE_NAME, "certa")
    with db.uow() as uow, pytest.raises(InvalidInput) as wrong:
        certificates.install(uow, actor, pfx, "errada")
    assert wrong.value.message == "Senha do certificado incorreta."
    with db.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(FiscalCertificate)) == 0
        assert certificates.info(uow) is None
    old = make_test_pkcs12(OFFICE_CNPJ, OFFICE_NAME, "certa", days=10,
                           now=datetime.now(UTC) - timedelta(days=30))
    with db.uow() as uow, pytest.raises(InvalidInput) as expired:
        certificates.install(uow, actor, old, "certa")
    assert "venceu em" in expired.value.message
    soon = make_test_pkcs12(OFFICE_CNPJ, OFFICE_NAME, "certa", days=20)
    with db.uow() as uow:
        info = certificates.install(uow, actor, soon, "certa")
    assert info.warn and info.days_left <= 20 and info.unlocked
    STORE.forget(certificates.secret_key(info.fingerprint))
    with db.uow() as uow:
        assert not certificates.info(uow).unlocked
        with pytest.raises(NotAllowed) as locked:
            certificates.load(uow)
        assert locked.value.message == m.CERTIFICATE_LOCKED
        with pytest.raises(InvalidInput):
            certificates.unlock(uow, "errada")
        certificates.unlock(uow, "certa")
        assert certificates.load(uow).document == OFFICE_CNPJ


def test_settings_round_trip_and_refuse_a_bad_city(db: Database, actor: Actor) -> None:
    values = replace(BASE, first_competence=datetime(2026, 3, 1).date(), iss_withheld=True,
                     iss_rate_bp=200)
    with db.uow() as uow:
        settings.save(uow, actor, values)
    with db.uow() as uow:
        assert settings.read(uow) == values
        with pytest.raises(InvalidInput) as bad:
            settings.save(uow, actor, replace(values, city_code="1234567"))
    assert bad.value.message == m.SETTING_CITY
