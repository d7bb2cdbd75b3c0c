"""Closed vocabularies and keys held by the database itself (migration 0007), both backends."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from datetime import date
from itertools import cycle
from types import SimpleNamespace
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Enum, create_engine, insert, select, text
from sqlalchemy.exc import IntegrityError

from contoffice.core.message_vocab import MailSecurity, MessageChannel, MessageStatus, TemplateScope
from contoffice.core.vocab import (
    BillingRunStatus,
    CancellationStatus,
    CashAccountKind,
    ChargeKind,
    ChargeStatus,
    ContractStatus,
    DueRule,
    FiscalAttemptKind,
    FiscalAttemptOutcome,
    FiscalDocumentStatus,
    FiscalStatus,
    InvoiceStatus,
    PersonKind,
    ReconciliationStatus,
    RemittanceFileStatus,
    RemittanceStatus,
    ReturnOutcome,
    SettlementMethod,
)
from contoffice.db import migrate
from contoffice.db.base import Base
from contoffice.db.models import (
    BankRemittance,
    BankReturn,
    BankReturnRecord,
    BillingRun,
    CancellationRequest,
    CashAccount,
    Charge,
    Contract,
    FiscalAttempt,
    FiscalDocument,
    Invoice,
    MailAccount,
    MessageBatch,
    MessageTemplate,
    OutboundMessage,
    PaymentProfile,
    Person,
    Settlement,
)
from contoffice.db.uow import Database
from contoffice.errors import DatabaseUnavailable

MIGRATION = importlib.import_module(
    "contoffice.db.migrations.versions.0007_status_checks_and_keys"
)
BANK_FILES = importlib.import_module("contoffice.db.migrations.versions.0008_bank_files")
MESSAGING = importlib.import_module("contoffice.db.migrations.versions.0009_messaging")
FISCAL = importlib.import_module("contoffice.db.migrations.versions.0011_fiscal_documents")
BOGUS = "bogus"  # fits every checked VARCHAR, so only the CHECK can refuse it


def _enum_columns(*, checked: bool) -> dict[tuple[str, str], Enum]:
    found: dict[tuple[str, str], Enum] = {}
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, Enum) and (column.type.create_constraint or not checked):
                found[(table.name, column.name)] = column.type
    return found


CHECKED = _enum_columns(checked=True)
TYPED = _enum_columns(checked=False)
# The tables `populate` writes (and the migration tests compare row by row).
TABLES = ("person", "contract", "billing_run", "invoice", "charge", "settlement",
          "cash_account", "cancellation_request")


def populate(db: Database, *, bank_files: bool = True) -> dict[str, int]:
    """Rows holding every value of every checked column, and every new key set; some ids.

    `bank_files=False` leaves out the tables of migrations 0008 and 0009 (for a database at 0006).
    """
    with db.uow() as uow:
        s = uow.session
        # A Core insert: it names only columns every revision since 0006 has.
        person = SimpleNamespace(id=s.execute(insert(Person.__table__).values(
            kind=PersonKind.PJ, name="Vocabulário Ltda", registered_on=date(2026, 1, 1),
        )).inserted_primary_key[0])
        rules = cycle(DueRule)
        contracts = [Contract(person_id=person.id, plan=f"Plano {status}", fee_cents=10_000,
                              starts_on=date(2026, 1, 1), status=status, due_rule=next(rules))
                     for status in ContractStatus]
        runs = [BillingRun(competence=date(2026, month, 1), status=status)
                for month, status in enumerate(BillingRunStatus, start=1)]
        remittances, fiscals = cycle(RemittanceStatus), cycle(FiscalStatus)
        reconciliations = cycle(ReconciliationStatus)
        invoices = [Invoice(person_id=person.id, issue_date=date(2026, 1, 1),
                            due_date=date(2026, 2, 10), amount_cents=10_000, status=status,
                            remittance_status=next(remittances), fiscal_status=next(fiscals),
                            reconciliation_status=next(reconciliations))
                    for status in InvoiceStatus]
        s.add_all([*contracts, *runs, *invoices])
        s.flush()
        invoices[0].replaced_by_id = invoices[1].id
        statuses, run_ids = cycle(ChargeStatus), cycle(r.id for r in runs)
        s.add_all(Charge(person_id=person.id, contract_id=contracts[0].id,
                         invoice_id=invoices[i].id, kind=kind, status=next(statuses),
                         description=f"Conta {kind}", amount_cents=1_000,
                         due_date=date(2026, 2, 10), competence=date(2026, 1, 1),
                         billing_run_id=next(run_ids))
                  for i, kind in enumerate(ChargeKind))
        s.add_all(Settlement(invoice_id=invoices[2].id, person_id=person.id, amount_cents=100,
                             settled_on=date(2026, 2, 10), method=method)
                  for method in SettlementMethod)
        s.add_all(CashAccount(name=f"Conta {kind}", kind=kind) for kind in CashAccountKind)
        s.add_all(CancellationRequest(contract_id=contracts[0].id, person_id=person.id,
                                      status=status) for status in CancellationStatus)
        if bank_files:
            _bank_files(s, invoices[0].id)
            _messaging(s, person.id)
            _fiscal(s, invoices, person.id)
        uow.commit()
        return {"person": person.id, "invoice": invoices[0].id, "run": runs[0].id}


def _bank_files(s: Any, invoice_id: int) -> None:
    """A remittance of every status and a return record of every outcome."""
    profile = PaymentProfile(name="Cobrança", bank_code="341")
    s.add(profile)
    s.flush()
    s.add_all(BankRemittance(payment_profile_id=profile.id, sequence_number=n, file_format="400",
                             filename=f"r{n}.rem", content=b"", sha256="0" * 64, status=status)
              for n, status in enumerate(RemittanceFileStatus, start=1))
    bank_return = BankReturn(sha256="1" * 64, filename="r.ret", content=b"",
                             payment_profile_id=profile.id, bank_code="341", file_format="CNAB400")
    s.add(bank_return)
    s.flush()
    s.add_all(BankReturnRecord(return_id=bank_return.id, line_number=n, identity=f"id{n}",
                               our_number="1", invoice_id=invoice_id, occurrence_code="06",
                               occurrence="liquidacao", outcome=outcome)
              for n, outcome in enumerate(ReturnOutcome, start=2))


def _messaging(s: Any, person_id: int) -> None:
    """An account of every security, a template of every set and channel, a message per status."""
    accounts = [MailAccount(name=f"Conta {sec}", host="127.0.0.1", port=25, security=sec,
                            sender_address="a@example.com") for sec in MailSecurity]
    batches = [MessageBatch(description=f"Lote {ch}", channel=ch) for ch in MessageChannel]
    s.add_all([*accounts, *batches])
    s.add_all(MessageTemplate(name=f"Modelo {scope} {ch}", scope=scope, channel=ch)
              for scope in TemplateScope for ch in MessageChannel)
    s.flush()
    channels = cycle(MessageChannel)
    s.add_all(OutboundMessage(channel=next(channels), person_id=person_id,
                              account_id=accounts[0].id, batch_id=batches[0].id,
                              destination="c@example.com", status=status,
                              message_id=f"<{status}@contoffice>")
              for status in MessageStatus)


def _fiscal(s: Any, invoices: list[Invoice], person_id: int) -> None:
    """A fiscal document of every status and an attempt of every kind and outcome."""
    # Round the five invoices: the four live statuses land on distinct invoices.
    documents = [FiscalDocument(invoice_id=invoices[n % len(invoices)].id, person_id=person_id,
                                environment=2, series=1, number=n, dps_id=f"DPS{n:042d}",
                                status=status, competence=date(2026, 1, 1), amount_cents=100)
                 for n, status in enumerate(FiscalDocumentStatus, start=1)]
    s.add_all(documents)
    s.flush()
    kinds = cycle(FiscalAttemptKind)
    s.add_all(FiscalAttempt(document_id=documents[0].id, kind=next(kinds), outcome=outcome)
              for outcome in FiscalAttemptOutcome)


def snapshot(url: str) -> dict[str, list[dict[str, Any]]]:
    """Every row of the tables written by `populate`, as stored (no model types)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {t: [dict(r._mapping) for r in conn.execute(text(f"SELECT * FROM {t} "
                                                                        "ORDER BY id"))]
                    for t in TABLES}
    finally:
        engine.dispose()


@pytest.fixture
def office(db: Database) -> Iterator[tuple[Database, dict[str, int]]]:
    yield db, populate(db)


def _refused(db: Database, statement: str, **values: object) -> None:
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(text(statement), values)


@pytest.mark.parametrize(("table", "column"), sorted(CHECKED), ids="{0[0]}.{0[1]}".format)
def test_a_value_outside_the_vocabulary_is_refused_by_the_database(
    office: tuple[Database, dict[str, int]], table: str, column: str
) -> None:
    db, _ids = office
    with db.engine.connect() as conn:  # a row to change exists in every checked table
        assert conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one() > 0
    _refused(db, f"UPDATE {table} SET {column} = :v", v=BOGUS)


def test_the_orm_write_path_meets_the_same_check(office: tuple[Database, dict[str, int]]) -> None:
    db, ids = office
    with pytest.raises(IntegrityError), db.uow() as uow:
        uow.session.add(Invoice(person_id=ids["person"], issue_date=date(2026, 1, 1),
                                due_date=date(2026, 1, 1), amount_cents=1, status=BOGUS))
        uow.commit()


@pytest.mark.parametrize(("table", "column"), [
    ("charge", "billing_run_id"), ("invoice", "replaced_by_id"),
])
def test_a_dangling_id_is_refused(
    office: tuple[Database, dict[str, int]], table: str, column: str
) -> None:
    db, _ids = office
    _refused(db, f"UPDATE {table} SET {column} = :v", v=987_654)


def test_statuses_read_back_as_their_enum(office: tuple[Database, dict[str, int]]) -> None:
    db, ids = office
    tables = Base.metadata.tables
    with db.uow() as uow:
        for (table, column), type_ in TYPED.items():
            values = uow.session.scalars(select(tables[table].c[column])).all()
            assert values, f"{table}.{column}: no row"
            assert {type(v) for v in values} == {type_.enum_class}, f"{table}.{column}"
        invoice = uow.get(Invoice, ids["invoice"])
        assert invoice.status is InvoiceStatus.OPEN and invoice.status == "open"
        # Audit records and exports write the stored text, as before.
        assert json.dumps({"status": invoice.status}) == '{"status": "open"}'
        run = uow.get(BillingRun, ids["run"])
        assert run.status is BillingRunStatus.RUNNING and f"{run.status}" == "running"


def test_every_checked_column_has_its_check_in_a_migration() -> None:
    """Alembic does not compare CHECK constraints: the model and the migration must agree."""
    expected = {key: tuple(type_.enums) for key, type_ in CHECKED.items()}
    written = {(t, c): values for checks in (MIGRATION.CHECKS, BANK_FILES.CHECKS,
                                                           MESSAGING.CHECKS, FISCAL.CHECKS)
               for t, cols in checks.items() for c, values in cols.items()}
    assert written == expected
    keys = {(t, c, r) for t, c, r in MIGRATION.KEYS}
    for table, column, referred in keys:
        (fk,) = Base.metadata.tables[table].c[column].foreign_keys
        assert fk.column.table.name == referred


def _at_0006(url: str) -> None:
    command.downgrade(migrate.alembic_config(url), "0006")


def _revision(url: str) -> str | None:
    engine = create_engine(url)
    try:
        return migrate.current_revision(engine)
    finally:
        engine.dispose()


def test_upgrade_from_0006_keeps_every_row_and_value(db_url: str) -> None:
    _at_0006(db_url)
    db = Database(db_url)
    populate(db, bank_files=False)
    db.dispose()
    before = snapshot(db_url)
    assert all(before.values())
    result = migrate.upgrade(db_url)
    assert (result.from_revision, result.to_revision) == ("0006", migrate.head_revision())
    after = snapshot(db_url)  # columns added since 0006 are left out of the comparison
    assert {t: [{k: row[k] for k in rows[0]} for row in after[t]] if rows else []
            for t, rows in before.items()} == before
    db = Database(db_url)
    try:
        _refused(db, "UPDATE invoice SET status = :v", v=BOGUS)
        _refused(db, "UPDATE charge SET billing_run_id = :v", v=987_654)
    finally:
        db.dispose()


def test_upgrade_refuses_data_outside_the_vocabulary_and_changes_nothing(db_url: str) -> None:
    _at_0006(db_url)
    db = Database(db_url)
    ids = populate(db, bank_files=False)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE invoice SET status = :v WHERE id = :id"),
                     {"v": BOGUS, "id": ids["invoice"]})
        conn.execute(text("UPDATE charge SET billing_run_id = 987654"))
    db.dispose()
    before = snapshot(db_url)
    with pytest.raises(DatabaseUnavailable) as raised:
        migrate.upgrade(db_url)
    message = str(raised.value)
    assert "não altera dados" in message
    assert f"invoice.status fora da lista: '{BOGUS}' (1)" in message
    assert "charge.billing_run_id aponta para billing_run inexistente em 5 linha(s)" in message
    assert _revision(db_url) == "0006"
    after = snapshot(db_url)  # columns added since 0006 are left out of the comparison
    assert {t: [{k: row[k] for k in rows[0]} for row in after[t]] if rows else []
            for t, rows in before.items()} == before
