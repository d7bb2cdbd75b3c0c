"""Small builders for the billing tests: a client, a payment profile, a contract."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from contoffice.db.models import CashAccount, Charge, Invoice, PaymentProfile, Person
from contoffice.db.uow import Database
from contoffice.services.contracts import records as contracts
from contoffice.services.kernel.permissions import Actor

TODAY = date(2026, 11, 24)


def make_person(db: Database, name: str = "Padaria Pão Quente Ltda") -> int:
    with db.uow() as uow:
        person = Person(kind="PJ", name=name, registered_on=date(2024, 1, 2))
        uow.session.add(person)
        uow.commit()
        return person.id


def make_profile(db: Database, *, baixa: bool = True, active: bool = True) -> int:
    with db.uow() as uow:
        profile = PaymentProfile(name="Itaú — Carteira 109", bank_code="341", agency="0810",
                                 account="53678", account_dv="8", wallet="109",
                                 baixa_enabled=baixa, active=active)
        uow.session.add(profile)
        uow.session.flush()
        uow.session.add(CashAccount(name="Banco Itaú", kind="banco",
                                    payment_profile_id=profile.id))
        uow.commit()
        return profile.id


def make_contract(db: Database, actor: Actor, person_id: int, profile_id: int | None, *,
                  fee_cents: int = 93_500, due_day: int = 10,
                  starts_on: date = date(2026, 1, 1), awaiting: bool = False) -> int:
    return contracts.create_contract(db.uow(), actor, data=contracts.ContractInput(
        person_id=person_id, plan="Simples Nacional — Completo", fee_cents=fee_cents,
        starts_on=starts_on, due_day=due_day, payment_profile_id=profile_id,
        awaiting_activation=awaiting))


def cash_account(db: Database, *, active: bool = True, name: str = "Caixa do escritório") -> int:
    with db.uow() as uow:
        account = uow.session.scalar(select(CashAccount).where(CashAccount.name == name))
        if account is None:
            account = CashAccount(name=name, kind="caixa")
            uow.session.add(account)
        account.active = active
        uow.commit()
        return account.id


def invoice(db: Database, invoice_id: int) -> Invoice:
    with db.uow() as uow:
        row = uow.get(Invoice, invoice_id)
        uow.session.expunge(row)
        return row


def invoices_of(db: Database, person_id: int, status: str | None = None) -> list[Invoice]:
    with db.uow() as uow:
        stmt = select(Invoice).where(Invoice.person_id == person_id).order_by(Invoice.id)
        if status:
            stmt = stmt.where(Invoice.status == status)
        rows = list(uow.session.scalars(stmt))
        uow.session.expunge_all()
        return rows


def charges_of(db: Database, person_id: int) -> list[Charge]:
    with db.uow() as uow:
        rows = list(uow.session.scalars(select(Charge).where(Charge.person_id == person_id)
                                        .order_by(Charge.id)))
        uow.session.expunge_all()
        return rows


def set_invoice(db: Database, invoice_id: int, **values: object) -> None:
    """Put an invoice in a state other tools (remittance, fiscal, bank) would leave it in."""
    with db.uow() as uow:
        row = uow.get(Invoice, invoice_id)
        for key, value in values.items():
            setattr(row, key, value)
        uow.commit()


def bulk_contracts(db: Database, n: int, profile_id: int, *, suspended_every: int = 0) -> None:
    """n clients with one contract each, loaded in bulk (benchmarks, crash tests)."""
    from contoffice.db import bulk

    with db.engine.begin() as conn:
        first_person = bulk.next_id(conn, "person")
        first_contract = bulk.next_id(conn, "contract")
        people = [{"id": first_person + i, "kind": "PJ", "name": f"Cliente {i:05d} Ltda",
                   "registered_on": date(2024, 1, 2)} for i in range(n)]
        bulk.insert(conn, "person", people)
        rows = [{"id": first_contract + i, "person_id": first_person + i,
                 "plan": "Simples Nacional", "fee_cents": 50_000 + (i % 40) * 500,
                 "due_day": (5, 10, 15, 20, 25)[i % 5], "payment_profile_id": profile_id,
                 "starts_on": date(2025, 1, 1),
                 "status": "suspended" if suspended_every and i % suspended_every == 0
                 else "active"} for i in range(n)]
        bulk.insert(conn, "contract", rows)
        bulk.reset_sequences(conn, ["person", "contract"])
