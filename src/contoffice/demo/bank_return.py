"""A bank's answer to a remittance, made up for the demo office and for trying a setup."""

from __future__ import annotations

from datetime import date, timedelta

from contoffice.banking.cnab.model import ReturnEntry
from contoffice.banking.cnab.remittance import read_remittance
from contoffice.banking.cnab.returns import write_return
from contoffice.db.models import BankRemittance, PaymentProfile
from contoffice.db.uow import UnitOfWork
from contoffice.services.bank_files import titles
from contoffice.services.kernel.permissions import Actor, require

FEE_CENTS = 180  # what the demo bank charges per liquidação


def sample_return(uow: UnitOfWork, actor: Actor, remittance_id: int, *, paid: int,
                today: date | None = None) -> bytes:
    """The return the bank would send: the first `paid` titles paid, the rest confirmed."""
    today = today or date.today()
    with uow:
        require(actor, "bank.import_return")
        remittance = uow.get(BankRemittance, remittance_id, what="Remessa")
        profile = uow.get(PaymentProfile, remittance.payment_profile_id,
                          what="Profile de pagamento")
        account = titles.beneficiary(uow, profile)
        content = remittance.content
    sent = read_remittance(content).details
    entries = []
    for n, title in enumerate(sent):
        face = int(title["valor"])  # type: ignore[arg-type]
        due = title["vencimento"]
        late = n % 2 == 1  # every other payment comes after the due date, with interest
        interest = face // 100 if late else 0
        entries.append(ReturnEntry(
            nosso_numero=str(title["nosso_numero"]), document_number=str(title.get(
                "numero_documento", "")), occurrence_code="06" if n < paid else "02",
            occurrence_date=today - timedelta(days=1), due_date=due,  # type: ignore[arg-type]
            face_value=face, paid=face + interest if n < paid else 0,
            interest=interest if n < paid else 0, fee=FEE_CENTS if n < paid else 0,
            credit_date=today if n < paid else None))
    return write_return(account, entries, today)
