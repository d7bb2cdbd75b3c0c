"""Builders for the Negativas de Débitos tests: a year of invoices, paid through the services."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from contoffice.db.uow import Database
from contoffice.services.admin import office
from contoffice.services.billing import charge_billing, charges
from contoffice.services.kernel.permissions import Actor
from contoffice.services.settlements.settle import settle_invoices

YEAR = date.today().year - 1


def configure_office(db: Database, actor: Actor) -> None:
    """The issuer the declaration names (Configuração Básica)."""
    with db.uow() as uow:
        office.save_settings(uow, actor, {"office.name": "Lima Contábil",
                                          "office.document": "02.558.157/0001-62",
                                          "office.city": "São Paulo"})
        uow.commit()


def year_of_invoices(db: Database, actor: Actor, person_id: int, profile_id: int, *,
                     months: Sequence[int] = (3, 6, 9), cents: int = 93_500,
                     year: int = YEAR) -> list[int]:
    """One invoice due on the 10th of each month given, billed as the office bills."""
    made = []
    for month in months:
        due = date(year, month, 10)
        ids = charges.insert_charges(db.uow(), actor, today=date(year, month, 1),
                                     data=charges.ChargeInput(
                                         person_id, f"Honorários {month:02d}/{year}", cents, due))
        result = charge_billing.bill_charges(db.uow(), actor, charge_ids=ids,
                                             method="per_charge", payment_profile_id=profile_id,
                                             today=date(year, month, 1))
        made.append(result.outcomes[0].new_id)
    return made


def pay(db: Database, actor: Actor, invoice_ids: Sequence[int], on: date) -> None:
    """Liquidação avulsa of the invoices on `on` (services.settlements)."""
    result = settle_invoices(db.uow(), actor, invoice_ids=list(invoice_ids), method="other",
                             justification="pago no caixa", settled_on=on)
    assert all(o.done for o in result.outcomes), result.outcomes
