"""Configuração Motivos de Suspensão: add, rename, deactivate; the suspension tools follow."""

from __future__ import annotations

import pytest

from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.admin import suspension_reasons as reasons
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel.permissions import Actor


def test_add_rename_and_deactivate(db: Database, actor: Actor) -> None:
    with db.uow() as uow:
        rid = reasons.save_reason(uow, actor, "  Aguardando   documentação ")
    assert any(r.text == "Aguardando documentação" for r in reasons.list_reasons(db.uow()))
    with db.uow() as uow:
        assert invoicing.suspension_reason(uow, "Aguardando documentação")
    with db.uow() as uow:
        reasons.save_reason(uow, actor, "Aguardando documentação", reason_id=rid,
                            active=False)
    with db.uow() as uow, pytest.raises(InvalidInput):
        invoicing.suspension_reason(uow, "Aguardando documentação")
    assert reasons.list_reasons(db.uow())[-1].active is False


def test_duplicates_empty_and_permission(db: Database, actor: Actor) -> None:
    with db.uow() as uow, pytest.raises(InvalidInput, match="já existe"):
        reasons.save_reason(uow, actor, "Pedido do cliente")
    with db.uow() as uow, pytest.raises(InvalidInput, match="obrigatório"):
        reasons.save_reason(uow, actor, "   ")
    with db.uow() as uow, pytest.raises(NotAllowed):
        reasons.save_reason(uow, Actor(1, "x", "X"), "Novo")
