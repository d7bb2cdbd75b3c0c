"""Office identity (Configuração Básica): checked in the service, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from contoffice.db.models import AuditEvent
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.admin import office
from contoffice.services.kernel.permissions import Actor


def test_identity_saved_normalised_and_audited(db: Database, actor: Actor) -> None:
    with db.uow() as uow:
        office.save_settings(uow, actor, {"office.name": "Lima Contábil",
                                          "office.document": "02.558.157/0001-62"})
    with db.uow() as uow:
        identity = office.identity(uow)
        assert (identity.name, identity.document) == ("Lima Contábil", "02558157000162")
        assert uow.session.scalar(select(AuditEvent.action)) == "setting.changed"


def test_wrong_cnpj_refused_nothing_saved(db: Database, actor: Actor) -> None:
    with db.uow() as uow, pytest.raises(InvalidInput) as raised:
        office.save_settings(uow, actor, {"office.name": "X", "office.document": "1"})
    assert raised.value.field == "CNPJ"
    with db.uow() as uow:
        assert office.identity(uow).name == "Escritório Contábil"


def test_needs_permission(db: Database) -> None:
    with db.uow() as uow, pytest.raises(NotAllowed):
        office.save_settings(uow, Actor(1, "x", "X"), {"office.name": "X"})
