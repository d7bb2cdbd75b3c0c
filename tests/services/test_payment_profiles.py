"""Payment profiles: the bank's rules refuse bad data; the nosso-número counter is safe."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from contoffice.db.models import AuditEvent, Invoice, PaymentProfile, Person
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.boletos import profiles
from contoffice.services.kernel.permissions import Actor

ITAU = profiles.ProfileInput(
    name="Itaú 109",
    bank_code="341",
    agency="0810",
    account="53678",
    account_dv="8",
    wallet="109",
    pix_key="pix@escritorio.example",
)


def test_create_list_and_read_back(db: Database, actor: Actor) -> None:
    with db.uow() as uow:
        pid = profiles.save_profile(uow, actor, ITAU)
    rows = profiles.list_profiles(db.uow())
    assert [(r.id, r.bank_name, r.wallet) for r in rows] == [(pid, "Itaú", "109")]
    assert profiles.profile_input(db.uow(), pid) == ITAU
    assert ("341", "Itaú") in profiles.banks()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"bank_code": "999"}, "bank"),
        ({"bank_code": "001", "agreement": "12"}, "agreement"),
        ({"agency": ""}, "agency"),
        ({"fine_bp": 5_000}, "Multa"),
        ({"name": " "}, "Nome"),
        ({"cnab_layout": "444"}, "Layout CNAB"),
        ({"pix_key": "x" * 80}, "key"),
    ],
)
def test_bad_profile_data_names_the_field(
    db: Database, actor: Actor, change: dict, field: str
) -> None:
    with db.uow() as uow, pytest.raises(InvalidInput) as raised:
        profiles.save_profile(uow, actor, replace(ITAU, **change))
    assert raised.value.field == field
    with db.uow() as uow:
        assert uow.session.scalar(select(PaymentProfile.id)) is None


def test_counter_cannot_go_back_below_a_used_number(db: Database, actor: Actor) -> None:
    with db.uow() as uow:
        pid = profiles.save_profile(uow, actor, replace(ITAU, next_our_number=10))
        person = Person(kind="PF", name="X", registered_on=__import__("datetime").date.today())
        uow.session.add(person)
        uow.flush()
        uow.session.add(
            Invoice(
                person_id=person.id,
                payment_profile_id=pid,
                our_number=15,
                issue_date=person.registered_on,
                due_date=person.registered_on,
                amount_cents=100,
            )
        )
        uow.session.get(PaymentProfile, pid).next_our_number = 16  # billing advanced it
        uow.commit()
    with db.uow() as uow, pytest.raises(InvalidInput, match=r"último já usado \(15\)"):
        profiles.save_profile(
            uow, actor, replace(ITAU, next_our_number=12), profile_id=pid, loaded_next_our_number=10
        )
    with db.uow() as uow:  # a stale form that did not touch the counter keeps billing's value
        profiles.save_profile(
            uow,
            actor,
            replace(ITAU, name="Itaú renomeado", next_our_number=10),
            profile_id=pid,
            loaded_next_our_number=10,
        )
    with db.uow() as uow:
        saved = uow.get(PaymentProfile, pid)
        assert (saved.name, saved.next_our_number) == ("Itaú renomeado", 16)
        actions = uow.session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity == "payment_profile")
        ).all()
        assert actions == ["payment_profile.saved"] * 2


def test_needs_the_settings_permission(db: Database) -> None:
    clerk = Actor(id=1, login="x", name="X", permissions=frozenset({"invoices.print"}))
    with db.uow() as uow, pytest.raises(NotAllowed, match="Profiles de pagamento"):
        profiles.save_profile(uow, clerk, ITAU)
