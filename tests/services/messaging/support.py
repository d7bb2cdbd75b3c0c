"""An office that bills 12/2026 and mails its clients through a real SMTP server on 127.0.0.1."""

from __future__ import annotations

from datetime import date

from contoffice.core.message_vocab import MailSecurity
from contoffice.db.models import OfficeSetting, Person
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.messaging import accounts
from contoffice.services.messaging.dispatch import Pace
from tests.services.bank_files.support import bill, office
from tests.support import smtp_server as local

OFFICE = {"name": "Escritório Modelo Contábil", "phone": "1133334444",
          "site": "www.escritoriomodelo.com.br", "city": "São Paulo", "state": "SP"}
NO_WAIT = Pace(retries=(0.0, 0.0), sleep=lambda _s: None, timeout=5)


def billed_office(db: Database, actor: Actor, clients: int) -> list[int]:
    """`clients` clients, each with an e-mail and one open invoice of 12/2026; invoice ids."""
    office(db, clients)
    invoices = bill(db, actor)
    with db.uow() as uow:
        for key, value in OFFICE.items():
            uow.session.merge(OfficeSetting(key=f"office.{key}", value=value))
        uow.commit()
    with db.uow() as uow:
        for person in uow.session.query(Person).all():
            person.email = f"cliente{person.id}@exemplo.com.br"
        uow.commit()
    return [i.id for i in invoices]


def add_account(db: Database, actor: Actor, port: int, *, name: str = "Principal",
                security: MailSecurity = MailSecurity.PLAIN, daily_limit: int = 0,
                password: str = local.PASSWORD) -> int:
    """An SMTP account on the local server, its password in the (test) keyring."""
    data = accounts.AccountInput(
        name=name, host=local.HOST, port=port, security=security, username=local.USER,
        sender_name="Escritório Modelo", sender_address="cobranca@escritorio.com.br",
        daily_limit=daily_limit, is_default=True)
    return accounts.save_account(db.uow(), actor, data, new_password=password)


TODAY = date(2026, 12, 1)
