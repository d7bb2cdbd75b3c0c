"""What a remittance sends: the office's account (beneficiary) and each invoice as a title."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Row, select

from contoffice.banking.banks import get_bank
from contoffice.banking.cnab.banks.registry import CNAB240, CNAB400
from contoffice.banking.cnab.model import Beneficiary, Command, RemittanceItem
from contoffice.banking.errors import BoletoError
from contoffice.core.vocab import InvoiceStatus, RemittanceStatus
from contoffice.db.models import Invoice, PaymentProfile, Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.admin import office
from contoffice.services.bank_files import messages as m
from contoffice.services.boletos.printing import profile_boleto_input

_SENT = (RemittanceStatus.GENERATED, RemittanceStatus.TRANSMITTED, RemittanceStatus.PENDING)
UNSENT = (RemittanceStatus.NONE, RemittanceStatus.PENDING)
_COLUMNS = (
    Invoice.id, Invoice.our_number, Invoice.due_date, Invoice.issue_date, Invoice.amount_cents,
    Invoice.paid_cents, Invoice.discount_cents, Invoice.discount_until,
    Invoice.remittance_status, Person.name, Person.document, Person.street, Person.number,
    Person.district, Person.city, Person.state, Person.postal_code,
)


@dataclass(frozen=True, slots=True)
class Title:
    """One invoice a remittance carries, the command for it and its previous state."""

    invoice_id: int
    command: Command
    item: RemittanceItem
    previous_status: str


def beneficiary(uow: UnitOfWork, profile: PaymentProfile) -> Beneficiary:
    """The profile as a bank layout needs it; refused when the bank has no such file."""
    layouts = CNAB240 if profile.cnab_layout == "240" else CNAB400
    layout = layouts.get(profile.bank_code)
    if layout is None or Command.REGISTER not in layout.commands:
        raise NotAllowed(m.PROFILE_NOT_FOR_FILES.format(
            profile=profile.name, bank=profile.bank_code, layout=profile.cnab_layout))
    if not profile.active:
        raise NotAllowed(m.PROFILE_INACTIVE.format(profile=profile.name))
    who = office.identity(uow)
    if not who.document.strip():
        raise InvalidInput(m.OFFICE_DOCUMENT_MISSING, field="CNPJ do escritório")
    return Beneficiary(
        bank=profile.bank_code, file_format=profile.cnab_layout or "400", name=who.name,
        document=who.document, agency=profile.agency, agency_dv=profile.agency_dv,
        account=profile.account, account_dv=profile.account_dv, wallet=profile.wallet,
        agreement=profile.agreement, variation=profile.variation, modality=profile.modality,
        post=profile.post)


def pending_titles(uow: UnitOfWork, profile: PaymentProfile, today: date) -> list[Title]:
    """Open invoices the bank has not got (entrada) and sent ones whose baixa was asked.

    "Aguarda efetivação de remessa" without a baixa is an entry still to be sent.
    """
    base = (select(*_COLUMNS).join(Person, Person.id == Invoice.person_id)
            .where(Invoice.payment_profile_id == profile.id, Invoice.direction == "R",
                   Invoice.our_number.is_not(None)))
    entries = uow.session.execute(base.where(
        Invoice.status == InvoiceStatus.OPEN,
        Invoice.remittance_status.in_(UNSENT),
        Invoice.baixa_requested.is_(False)).order_by(Invoice.id)).all()
    write_offs = uow.session.execute(base.where(
        Invoice.baixa_requested.is_(True),
        Invoice.remittance_status.in_(_SENT)).order_by(Invoice.id)).all()
    rule = get_bank(profile.bank_code)
    titles = [_title(profile, rule, row, Command.REGISTER, today) for row in entries]
    titles += [_title(profile, rule, row, Command.WRITE_OFF, today) for row in write_offs]
    return titles


def _title(profile: PaymentProfile, rule: object, row: Row, command: Command,
           today: date) -> Title:
    (invoice_id, our_number, due, issued, amount, paid, discount, discount_until, status,
     name, document, street, number, district, city, state, cep) = row
    inp = profile_boleto_input(profile, our_number=str(our_number), amount_cents=amount - paid,
                               due_date=due, document_number=str(invoice_id),
                               processing_date=issued or today)
    try:
        with_dv = rule.our_number_with_dv(inp)  # type: ignore[attr-defined]
    except BoletoError as error:
        raise InvalidInput(str(error), field="Profile de pagamento") from None
    number, dv = bank_number(profile.bank_code, our_number, with_dv)
    item = RemittanceItem(
        nosso_numero=number, nosso_numero_dv=dv,
        document_number=str(invoice_id), due_date=due, amount_cents=amount - paid,
        payer_name=name, payer_document=document,
        payer_street=f"{street}, {number}" if number else street, payer_district=district,
        payer_city=city, payer_state=state, payer_cep=cep, issue_date=issued,
        interest_per_day_cents=(amount - paid) * profile.interest_month_bp // 30 // 10_000,
        command=command, fine_bp=profile.fine_bp, protest_days=profile.protest_days,
        discount_cents=discount, discount_until=discount_until)
    return Title(invoice_id, command, item, str(status))


def bank_number(bank: str, our_number: int, with_dv: str) -> tuple[str, str]:
    """The nosso número and its check digit(s) as the bank's files carry them."""
    if bank == "001":  # convênio + number, no check digit (convênio of 7 digits)
        return with_dv[:17], ""
    if bank == "041":  # two check digits
        return str(our_number), with_dv[-2:]
    if bank == "748":  # year, byte and sequence: the whole number the bank registers
        return with_dv[:-1], with_dv[-1:]
    return str(our_number), with_dv[-1:]


def items(titles: Sequence[Title]) -> list[RemittanceItem]:
    """The layout items of the titles, in order."""
    return [t.item for t in titles]
