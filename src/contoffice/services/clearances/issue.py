"""Gerar nova negativa de débito: one client's declaration of a closed year, kept as issued.

Generating the same year twice is refused (naming the one issued): the declaration is a
document the client already holds, so it is neither replaced nor duplicated. The
invoices it covers are copied beside it as they stood, and so is its PDF.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.exc import IntegrityError

from contoffice.core.format import format_datetime
from contoffice.db.models import ClearanceDeclaration, ClearanceItem, Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import NotAllowed
from contoffice.services.admin import office
from contoffice.services.clearances import document
from contoffice.services.clearances import messages as m
from contoffice.services.clearances.eligibility import assess, existing_for
from contoffice.services.kernel import audit
from contoffice.services.kernel.permissions import Actor, require


def generate(uow: UnitOfWork, actor: Actor, *, person_id: int, year: int,
             today: date | None = None) -> int:
    """Issue the declaration of `year` for a client whose debts of that year are all settled."""
    require(actor, "clearances.generate")
    today = today or date.today()
    with uow:
        uow.write_from_here()  # two desks issuing the same year: the second waits, then refuses
        found = assess(uow, person_id, year, today=today)
        if not found.eligible:
            raise NotAllowed(found.reason)
        identity = office.identity(uow)
        if not identity.name.strip() or not identity.document.strip():
            raise NotAllowed(m.OFFICE_NOT_CONFIGURED)
        declaration = ClearanceDeclaration(
            person_id=person_id, year=year, generated_by=actor.id,
            total_cents=found.total_cents, invoice_count=len(found.invoices))
        uow.session.add(declaration)
        try:
            uow.flush()
        except IntegrityError:  # PostgreSQL: another desk issued it between read and write
            uow.rollback()
            taken = existing_for(uow, year, [person_id])[person_id]
            raise NotAllowed(m.ALREADY.format(year=year, id=taken.id, when=format_datetime(
                taken.generated_at))) from None
        uow.session.add_all(ClearanceItem(
            declaration_id=declaration.id, invoice_id=i.id, due_date=i.due_date,
            competence=i.competence, amount_cents=i.amount_cents, paid_cents=i.paid_cents,
            settled_on=i.settled_on) for i in found.invoices)
        person = uow.get(Person, person_id, what="Cadastro")
        declaration.pdf = document.render(identity, person, declaration.id, year,
                                          found.invoices, today)
        audit.record(uow, actor, "clearance.generated", "clearance_declaration", declaration.id,
                     person_id=person_id, after={
                         "year": year, "invoice_count": len(found.invoices),
                         "total_cents": found.total_cents})
        new_id = declaration.id
        uow.commit()
    return new_id
