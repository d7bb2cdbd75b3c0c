"""The wildcards' values for one message: the client, the office and, optionally, an invoice."""

from __future__ import annotations

from contoffice.db.models import Invoice, Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import ContofficeError
from contoffice.messaging.templates import MessageValues
from contoffice.services.admin import office
from contoffice.services.boletos.printing import slips_for_invoices
from contoffice.services.messaging.messages import MASKED_PASSWORD

# Stands in the stored body for `#pass_sac#`: the one-time password is made at sending time,
# put only into the e-mail that leaves, and never written to the outbox (the log shows dots).
PASSWORD_MARK = "\ue000senha\ue000"


def message_values(uow: UnitOfWork, person: Person, invoice: Invoice | None = None,
                   identity: office.OfficeIdentity | None = None) -> MessageValues:
    """Everything a template may name for this client (and this invoice, if given)."""
    identity = identity or office.identity(uow)
    digitable = pix = None
    if invoice is not None and invoice.payment_profile_id and invoice.status == "open":
        try:
            slip = slips_for_invoices(uow, [invoice.id])[0]
            digitable, pix = slip.digitable_line_formatted, slip.pix_payload
        except ContofficeError:  # no boleto for it: #linha_digitavel# says it has no value
            pass
    return MessageValues(
        client_name=person.name, user_sac=person.access_login or "", person_code=person.id,
        document=person.document or "", office_name=identity.name,
        office_phone=identity.phone, office_site=identity.site, office_cnpj=identity.document,
        pass_sac=PASSWORD_MARK if person.access_login else None,
        due_date=invoice.due_date if invoice else None,
        amount_cents=invoice.amount_cents - invoice.paid_cents if invoice else None,
        digitable_line=digitable, pix_copy_paste=pix,
        invoice_code=invoice.id if invoice else None,
        competence=invoice.competence if invoice else None)


def shown(body: str) -> str:
    """A stored body as the log shows it: the one-time password as dots."""
    return body.replace(PASSWORD_MARK, MASKED_PASSWORD)
