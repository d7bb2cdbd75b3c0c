"""A billed office with fiscal data and an A1 certificate, talking to a fake Sefin."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import undefer

from contoffice.core.documents import generate_cnpj, generate_cpf
from contoffice.core.vocab import FiscalStatus
from contoffice.db.models import FiscalAttempt, FiscalDocument, Invoice, Person
from contoffice.db.uow import Database
from contoffice.fiscal.certificate import make_test_pkcs12
from contoffice.services.fiscal import certificates, settings
from contoffice.services.fiscal.generate import GenerateReport, generate
from contoffice.services.kernel.permissions import Actor
from tests.services.messaging.support import billed_office

OFFICE_CNPJ = "11222333000181"  # tests/services/bank_files/support.py's office
OFFICE_NAME = "ESCRITORIO CONTABIL EXEMPLO LTDA"
PASSWORD = "senha-do-a1"
CURITIBA = "4106902"
NOW = datetime(2027, 1, 5, 14, 0, tzinfo=UTC)
BASE = settings.FiscalSettings(municipal_registration="1234567", city_code=CURITIBA,
                               simples_total_rate_bp=600, timeout_seconds=2)


def office_pfx() -> bytes:
    """The office's A1 (PKCS#12) carrying its CNPJ."""
    return make_test_pkcs12(OFFICE_CNPJ, OFFICE_NAME, PASSWORD)


def clients_with_documents(db: Database) -> None:
    """Every client gets a CPF or CNPJ (some alphanumeric) and an address in Curitiba."""
    rng = random.Random(12)
    with db.uow() as uow:
        for n, person in enumerate(uow.session.scalars(select(Person).order_by(Person.id))):
            person.document = (generate_cpf(rng) if n % 3 == 2
                               else generate_cnpj(rng, alphanumeric=n % 3 == 1))
            person.street, person.number, person.district = "Rua XV de Novembro", "100", "Centro"
            person.city, person.state, person.postal_code = "Curitiba", "PR", "80020310"
            person.city_ibge_code = CURITIBA if n % 2 else ""  # found by name otherwise
        uow.commit()


def fiscal_office(db: Database, actor: Actor, clients: int, tmp_path: Path, *,
                  url: str = "", ca_file: str = "", pfx: bytes | None = None) -> list[int]:
    """`clients` billed clients (12/2026) and the office's fiscal data; the invoice ids.

    With `url` the office talks to that Sefin, else to the local simulator in `tmp_path`.
    """
    invoices = billed_office(db, actor, clients)
    clients_with_documents(db)
    values = replace(BASE, transmission="sefin" if url else "simulador", sefin_url=url,
                     ca_file=ca_file, simulator_file=str(tmp_path / "simulador.json"))
    with db.uow() as uow:
        settings.save(uow, actor, values)
    with db.uow() as uow:
        certificates.install(uow, actor, pfx or office_pfx(), PASSWORD)
    return invoices


def clock() -> datetime:
    """Early January 2027: the notes of 12/2026 are due (competência before dhEmi)."""
    return NOW


def run(db: Database, actor: Actor, ids: list[int], **options: object) -> GenerateReport:
    """Generate (or preview) through a fresh unit of work, as the window would."""
    options.setdefault("now", clock)
    with db.uow() as uow:
        return generate(uow, actor, ids, **options)  # type: ignore[arg-type]


def documents(db: Database) -> list[FiscalDocument]:
    """Every fiscal document, in id order."""
    with db.uow() as uow:
        found = list(uow.session.scalars(select(FiscalDocument).options(undefer("*"))
                                         .order_by(FiscalDocument.id)))
        uow.session.expunge_all()
        return found


def fiscal_status(db: Database, invoice_id: int) -> FiscalStatus:
    """The invoice's fiscal status as stored."""
    with db.uow() as uow:
        return uow.session.scalar(select(Invoice.fiscal_status).where(Invoice.id == invoice_id))


def attempts(db: Database) -> int:
    """How many attempt rows exist."""
    with db.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(FiscalAttempt)) or 0


TODAY = date(2026, 12, 1)
