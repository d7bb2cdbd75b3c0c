"""Whether the record a read names exists: an empty list must not stand for "no such client"."""

from __future__ import annotations

from contoffice.db.models import Invoice, Person
from contoffice.db.uow import UnitOfWork


def require_person(uow: UnitOfWork, person_id: int) -> None:
    """Raise NotFound ("Cadastro N não encontrado …") unless the person exists."""
    with uow:
        uow.get(Person, person_id, what="Cadastro")


def require_invoice(uow: UnitOfWork, invoice_id: int) -> None:
    """Raise NotFound ("Fatura N não encontrada …") unless the invoice exists."""
    with uow:
        uow.get(Invoice, invoice_id, what="Fatura")
