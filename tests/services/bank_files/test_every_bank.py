"""Every bank and format the office can send to: remittance out, the bank's return in,
every title found and settled (the nosso número survives each bank's own numbering)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from contoffice.banking.cnab.banks.registry import CNAB240, CNAB400
from contoffice.banking.cnab.model import Beneficiary, Command
from contoffice.banking.cnab.returns import write_return
from contoffice.core.vocab import InvoiceStatus, ReturnOutcome
from contoffice.db.models import Invoice, PaymentProfile
from contoffice.db.uow import Database
from contoffice.services.bank_files import remittances, returns
from contoffice.services.kernel.permissions import Actor
from tests.services.bank_files import support as s

ACCOUNTS = {
    "001": dict(agency="1234", account="12345", wallet="17", agreement="1234567"),
    "033": dict(agency="1234", account="1234567", wallet="101", agreement="1234567"),
    "041": dict(agency="1234", account="1234567", wallet="1", agreement="1234567"),
    "104": dict(agency="1234", account="123456", wallet="1", agreement="123456"),
    "237": dict(agency="1234", account="1234567", wallet="09", agreement="4540691"),
    "341": dict(agency="0810", account="53678", account_dv="8", wallet="109"),
    "748": dict(agency="1234", account="12345", wallet="1", post="02", byte_idt="2",
                agreement="12345"),
    "756": dict(agency="1234", account="12345", wallet="1", agreement="1234567",
                modality="01"),
}


def _sendable() -> list[tuple[str, str]]:
    found = [(code, "400") for code, layout in sorted(CNAB400.items())
             if layout.remittance_detail is not None and Command.REGISTER in layout.commands]
    found += [(code, "240") for code, layout in sorted(CNAB240.items())
              if Command.REGISTER in layout.commands]
    return [(bank, layout) for bank, layout in found if bank in ACCOUNTS]


def test_every_bank_of_the_boletos_has_a_remittance_in_some_format() -> None:
    assert {bank for bank, _layout in _sendable()} == set(ACCOUNTS)


@pytest.mark.parametrize(("bank", "layout"), _sendable())
def test_a_bank_return_settles_what_the_remittance_sent(db: Database, actor: Actor, bank: str,
                                                        layout: str) -> None:
    profile_id = s.office(db, 3, layout=layout)
    with db.uow() as uow:
        profile = uow.get(PaymentProfile, profile_id)
        profile.bank_code = bank
        for key, value in {"account_dv": "", **ACCOUNTS[bank]}.items():
            setattr(profile, key, value)
        uow.commit()
    invoices = s.bill(db, actor)
    made = remittances.generate_remittance(db.uow(), actor, profile_id=profile_id,
                                           today=s.TODAY)
    assert made.registered == 3
    fields = {k: v for k, v in ACCOUNTS[bank].items() if k in Beneficiary.__dataclass_fields__}
    account = Beneficiary(bank=bank, file_format=layout, name="Escritório",
                          document=s.OFFICE_CNPJ, **fields)
    data = write_return(account, [s.paid(t, fee=100) for t in s.sent(made.content)],
                        s.TODAY)
    report = returns.import_return(db.uow(), actor, data=data, filename="r.ret",
                                   today=s.TODAY)
    assert report.counts == {ReturnOutcome.SETTLED: 3}, [x.our_number for x in report.lines]
    assert sorted(x.invoice_id for x in report.lines) == [i.id for i in invoices]
    with db.uow() as uow:
        states = set(uow.session.scalars(select(Invoice.status)))
    assert states == {InvoiceStatus.SETTLED}
