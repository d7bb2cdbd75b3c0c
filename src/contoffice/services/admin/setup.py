"""Opening a database: migrate, then make sure the office's defaults exist."""

from __future__ import annotations

from sqlalchemy import select

from contoffice.db import migrate
from contoffice.db.models import CashAccount, LedgerAccount, OfficeSetting, SuspensionReason
from contoffice.db.uow import Database, UnitOfWork
from contoffice.services.admin.operators import ensure_roles, system_actor

DEFAULT_LEDGER = (
    ("3.1.01", "Honorários contábeis", "R"),
    ("3.1.02", "Serviços avulsos", "R"),
    ("3.1.03", "Acréscimos e juros recebidos", "R"),
    ("4.1.01", "Descontos concedidos", "D"),
    ("4.2.01", "Despesas administrativas", "D"),
    ("4.2.02", "Tarifas bancárias", "D"),
)
DEFAULT_SUSPENSION_REASONS = (
    "Pedido do cliente",
    "Negociação em andamento",
    "Cobrança em duplicidade",
    "Serviço não prestado",
)
DEFAULT_SETTINGS = {
    "office.name": "Escritório Contábil",
    "office.document": "",
    "office.address": "",
    "office.city": "",
    "office.state": "",
    "office.phone": "",
    "office.site": "",
    "ledger.discount": "4.1.01",  # Configuração Básica: plano de contas das contas de desconto
    "ledger.surcharge": "3.1.03",  # … e das contas de acréscimo
    "ledger.fees": "3.1.01",
    "ledger.bank_fees": "4.2.02",  # the bank's collection fees read from return files
}


def open_database(url: str, *, create: bool = True, empty_is_new: bool = False) -> Database:
    """Upgrade the schema (backing up an SQLite file first) and return the database.

    A missing SQLite file is created only with `create`; a zero-length one is taken
    as a new office only with `empty_is_new` (it may be an office cut short); a
    damaged file is always refused.
    """
    migrate.upgrade(url, create=create, empty_is_new=empty_is_new)
    db = Database(url)
    with db.uow() as uow:
        ensure_defaults(uow)
    return db


def ensure_defaults(uow: UnitOfWork) -> None:
    """Create roles, the system operator, ledger accounts and settings that are missing."""
    ensure_roles(uow)
    system_actor(uow)
    codes = set(uow.session.scalars(select(LedgerAccount.code)))
    for code, name, nature in DEFAULT_LEDGER:
        if code not in codes:
            uow.session.add(LedgerAccount(code=code, name=name, nature=nature))
    reasons = set(uow.session.scalars(select(SuspensionReason.text)))
    for text in DEFAULT_SUSPENSION_REASONS:
        if text not in reasons:
            uow.session.add(SuspensionReason(text=text))
    keys = set(uow.session.scalars(select(OfficeSetting.key)))
    for key, value in DEFAULT_SETTINGS.items():
        if key not in keys:
            uow.session.add(OfficeSetting(key=key, value=value))
    if not uow.session.scalar(select(CashAccount.id).limit(1)):
        uow.session.add_all(
            [
                CashAccount(name="Caixa do escritório", kind="caixa"),
                CashAccount(name="Cofre", kind="cofre"),
            ]
        )
    uow.commit()
