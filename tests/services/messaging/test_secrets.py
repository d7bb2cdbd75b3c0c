"""No SMTP password, SMS token or client password is ever written down: the database, the
audit trail and every error are grepped for them after real sends and real failures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from contoffice.core.message_vocab import MessageStatus
from contoffice.db.models import Invoice, OutboundMessage, Person
from contoffice.db.uow import Database
from contoffice.errors import ContofficeError
from contoffice.services.kernel.permissions import Actor
from contoffice.services.messaging import accounts, compose
from contoffice.services.people import access
from tests.services.messaging.support import NO_WAIT, add_account, billed_office
from tests.support import smtp_server as local


def _everything(db: Database) -> str:
    """Every text value of every table, one string."""
    found = []
    with db.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                found.extend(str(v) for v in row if v is not None)
    return "\n".join(found)


def test_the_access_email_carries_a_one_time_password_kept_only_as_a_hash(
    db: Database, actor: Actor
) -> None:
    ids = billed_office(db, actor, 1)
    with db.uow() as uow:
        person_id = uow.session.get(Invoice, ids[0]).person_id
    with db.uow() as uow:
        access.save_access(uow, actor, person_id, access.AccessInput(
            login="padaria.central", new_password="Primeira-Senha-1", expires_on=None,
            max_attempts=5, active=True))
    with local.smtp_server() as server:
        add_account(db, actor, server.port)
        draft = compose.start(db.uow(), actor, person_id=person_id, access=True)
        assert "#pass_sac#" in draft.body and "#user_sac#" in draft.body
        shown = compose.preview(db.uow(), person_id, (), draft.subject, draft.body)
        assert "••••••••" in shown.body  # the preview never shows a password
        _row, report = compose.send_message(db, actor, compose.Outgoing(
            person_id=person_id, to=f"cliente{person_id}@exemplo.com.br", cc="",
            subject=draft.subject, body=draft.body), pace=NO_WAIT)
        assert report.sent == 1
        body = server.received[0].message.get_body().get_content()
    assert "Usuário: padaria.central" in body
    issued = re.search(r"Senha: (\S+)", body)
    assert issued is not None
    password = issued[1]
    with db.uow() as uow:
        assert access.verify_access(uow, "padaria.central", password) == person_id
        assert access.verify_access(uow, "padaria.central", "Primeira-Senha-1") is None
        uow.commit()
        stored = uow.session.scalars(select(OutboundMessage)).one()
        assert stored.status is MessageStatus.SENT and "••••" not in stored.body
    everything = _everything(db)
    assert password not in everything and "Primeira-Senha-1" not in everything


def test_no_smtp_password_in_the_database_audit_or_errors(
    db: Database, actor: Actor
) -> None:
    secret = "Sup3r-S3nh@-SMTP-" + "x" * 8
    ids = billed_office(db, actor, 2)
    errors: list[str] = []
    with local.smtp_server(password="outra-senha") as server:
        account_id = add_account(db, actor, server.port, password=secret)
        with pytest.raises(ContofficeError) as refused:
            accounts.test_account(db, actor, account_id)
        errors.append(str(refused.value))
        errors.append(repr(refused.value.__cause__) + repr(refused.value.__context__))
        with db.uow() as uow:
            person_id = uow.session.get(Invoice, ids[0]).person_id
        _row, report = compose.send_message(db, actor, compose.Outgoing(
            person_id=person_id, to="cliente@exemplo.com.br", cc="", subject="Assunto",
            body="Olá, #cliente#."), pace=NO_WAIT)
        errors.extend(reason for _id, reason in report.failures)
    assert report.failed == 1 and "recusou o usuário ou a senha" in errors[-1]
    assert accounts.list_accounts(db.uow())[0].has_password  # kept, in the keyring
    for where in (_everything(db), *errors):
        assert secret not in where


def test_a_client_without_login_cannot_get_a_password_email(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    ids = billed_office(db, actor, 1)
    with db.uow() as uow:
        person = uow.session.get(Person, uow.session.get(Invoice, ids[0]).person_id)
        person_id = person.id
    draft = compose.start(db.uow(), actor, person_id=person_id, access=True)
    with pytest.raises(ContofficeError, match="#user_sac#"):
        compose.preview(db.uow(), person_id, (), draft.subject, draft.body)
