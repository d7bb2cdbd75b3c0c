"""The bank's collection fees of a return, recorded as one conta a pagar to the bank."""

from __future__ import annotations

from datetime import date

from contoffice.banking.banks import supported_banks
from contoffice.core.vocab import ChargeKind, PersonKind, Role
from contoffice.db.models import PaymentProfile, Person
from contoffice.db.uow import UnitOfWork
from contoffice.services.bank_files import messages as m
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel import guards

LEDGER_SETTING = "ledger.bank_fees"


def _supplier(uow: UnitOfWork, profile: PaymentProfile, today: date) -> int:
    """The bank as a supplier of the office; registered on its first fee."""
    if profile.fee_person_id is not None:
        return profile.fee_person_id
    bank = supported_banks().get(profile.bank_code, f"Banco {profile.bank_code}")
    person = Person(kind=PersonKind.PJ, roles=int(Role.SUPPLIER),
                    name=m.FEE_SUPPLIER.format(bank=bank), registered_on=today)
    uow.session.add(person)
    uow.session.flush()
    profile.fee_person_id = person.id
    return person.id


def record_fees(uow: UnitOfWork, profile: PaymentProfile, *, return_id: int, total_cents: int,
                count: int, due: date, today: date) -> int:
    """One conta a pagar for the fees of a return file; its code."""
    charge = invoicing.open_charge(
        person_id=_supplier(uow, profile, today), direction="P", kind=ChargeKind.ONE_OFF,
        description=m.FEE_DESCRIPTION.format(code=return_id, count=count),
        amount_cents=total_cents, due_date=due,
        ledger_account_id=guards.ledger_id(uow, LEDGER_SETTING))
    uow.session.add(charge)
    uow.session.flush()
    return charge.id
