"""The DPS of 20 random demo invoices validate against the XSD and verify, Simples and not."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select

from contoffice.core.vocab import Direction, FiscalStatus, InvoiceStatus
from contoffice.db.models import Invoice, Person
from contoffice.db.uow import Database
from contoffice.demo.office import FEATURED_CNPJ, build_demo
from contoffice.fiscal.schema import validate
from contoffice.fiscal.signing import verify
from contoffice.services.fiscal import documents
from contoffice.services.fiscal import settings as fiscal_settings
from contoffice.services.kernel.permissions import Actor

NS = {"n": "http://www.sped.fazenda.gov.br/nfse"}
TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
REGIMES = {  # opSimpNac, regApTribSN, ISS rate: Simples ME/EPP and não optante
    "simples": dict(simples_option=3, simples_regime=1, iss_rate_bp=None),
    "normal": dict(simples_option=1, simples_regime=None, iss_rate_bp=200,
                   simples_total_rate_bp=None),
}


def _sample(db: Database) -> list[int]:
    """20 random past invoices still without a note, the alphanumeric client's first."""
    with db.uow() as uow:
        rows = uow.session.execute(
            select(Invoice.id, Person.document).join(Person, Person.id == Invoice.person_id)
            .where(Invoice.direction == Direction.RECEIVABLE,
                   Invoice.status != InvoiceStatus.REMOVED, Invoice.competence < TODAY,
                   Invoice.fiscal_status == FiscalStatus.NONE,
                   Person.document != "")
            .order_by(Invoice.id)).all()
    featured = [i for i, doc in rows if doc == FEATURED_CNPJ][:1]
    rest = random.Random(20).sample([i for i, doc in rows if doc != FEATURED_CNPJ], 19)
    return featured + rest


@pytest.mark.parametrize("regime", sorted(REGIMES))
def test_twenty_random_demo_invoices_give_valid_signed_dps(
        db: Database, actor: Actor, tmp_path: Path, regime: str) -> None:
    build_demo(db, people=60, seed=5, today=TODAY)
    with db.uow() as uow:
        values = fiscal_settings.read(uow)
        fiscal_settings.save(uow, actor, replace(
            values, first_competence=None, simulator_file=str(tmp_path / "sim.json"),
            **REGIMES[regime]))
    ids = _sample(db)
    kinds: set[str] = set()
    for invoice_id in ids:
        with db.uow() as uow:
            xml = documents.signed_dps(uow, actor, invoice_id, now=lambda: NOW)
        validate(xml, "dps")
        verify(xml)
        root = etree.fromstring(xml)
        taker = root.find(".//n:toma", NS)
        assert taker is not None
        document = (taker.findtext("n:CNPJ", namespaces=NS)
                    or taker.findtext("n:CPF", namespaces=NS))
        kinds.add("alphanumeric" if document and not document.isdigit()
                  else "cnpj" if taker.find("n:CNPJ", NS) is not None else "cpf")
        assert root.findtext(".//n:opSimpNac", namespaces=NS) == str(
            REGIMES[regime]["simples_option"])
        if regime == "simples":
            assert root.find(".//n:pTotTribSN", NS) is not None
    assert kinds == {"alphanumeric", "cnpj", "cpf"}
