"""An office that bills a month through Itaú CNAB 400, and the bank's answer to build."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from contoffice.banking.cnab.model import Beneficiary, ReturnEntry
from contoffice.banking.cnab.remittance import read_remittance
from contoffice.banking.cnab.returns import write_return
from contoffice.db.models import Invoice, OfficeSetting, PaymentProfile
from contoffice.db.uow import Database
from contoffice.services.billing import run as billing_run
from contoffice.services.kernel.permissions import Actor
from tests.services.billing_support import bulk_contracts, make_profile

TODAY = date(2026, 12, 20)
OFFICE_CNPJ = "11222333000181"


def office(db: Database, contracts: int, *, layout: str = "400") -> int:
    """A profile, `contracts` clients billed for 12/2026; the profile's id."""
    profile_id = make_profile(db)
    with db.uow() as uow:
        setting = uow.session.get(OfficeSetting, "office.document")
        if setting is None:
            uow.session.add(OfficeSetting(key="office.document", value=OFFICE_CNPJ))
        else:
            setting.value = OFFICE_CNPJ
        profile = uow.session.get(PaymentProfile, profile_id)
        profile.cnab_layout = layout
        uow.commit()
    bulk_contracts(db, contracts, profile_id)
    return profile_id


def bill(db: Database, actor: Actor) -> list[Invoice]:
    """Bill 12/2026; the invoices in code order."""
    billing_run.run_billing(db, actor, competence="2026-12", today=date(2026, 11, 30))
    with db.uow() as uow:
        rows = list(uow.session.scalars(select(Invoice).order_by(Invoice.id)))
        uow.session.expunge_all()
        return rows


def beneficiary(layout: str = "400") -> Beneficiary:
    """The account the return speaks of (make_profile's)."""
    return Beneficiary(bank="341", file_format=layout, name="Escritório", document=OFFICE_CNPJ,
                       agency="0810", account="53678", account_dv="8", wallet="109")


@dataclass(frozen=True)
class Sent:
    """One title as the remittance carried it."""

    our_number: str
    amount: int
    due: date


def sent(content: bytes) -> list[Sent]:
    """The titles of a remittance file, read back."""
    return [Sent(str(d["nosso_numero"]), int(d["valor"]), d["vencimento"])  # type: ignore[arg-type]
            for d in read_remittance(content).details]


def paid(title: Sent, *, value: int | None = None, interest: int = 0, discount: int = 0,
         fee: int = 0, code: str = "06", on: date = date(2026, 12, 10)) -> ReturnEntry:
    """A liquidação (or another occurrence) of a sent title."""
    return ReturnEntry(nosso_numero=title.our_number, document_number="", occurrence_code=code,
                       occurrence_date=on, due_date=title.due, face_value=title.amount,
                       paid=title.amount + interest - discount if value is None else value,
                       interest=interest, discount=discount, fee=fee,
                       credit_date=on if code == "06" else None)


def bank_return(entries: list[ReturnEntry], layout: str = "400",
                on: date = date(2026, 12, 11)) -> bytes:
    """The bank's return file for these entries."""
    return write_return(beneficiary(layout), entries, on)
