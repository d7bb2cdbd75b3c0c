"""Which profile a return file is about, and which invoice each record speaks of."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Row, select

from contoffice.banking.cnab.banks.registry import CNAB240
from contoffice.banking.cnab.returns import ReturnFile, ReturnRecord
from contoffice.db.models import BankReturnRecord, Invoice, PaymentProfile
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.bank_files import messages as m
from contoffice.services.kernel.batch import chunks


def _number(text: str) -> int | None:
    """The value of a bank field of digits (agency, account, nosso número); None if none."""
    digits = "".join(c for c in text if c.isdigit())
    return int(digits) if digits else None


def _same(field: str, plain: str, dv: str) -> bool:
    """A file's agency/account against the profile's, with or without its DV and zeros."""
    found = _number(field)
    if found is None:
        return True  # the file does not say (some banks name the account per record only)
    return found in {_number(plain), _number(plain + dv)}


def _fits(profile: PaymentProfile, parsed: ReturnFile) -> bool:
    """Whether the file's bank, agency, account and agreement are the profile's."""
    if profile.bank_code != parsed.bank:
        return False
    if parsed.agreement and profile.agreement and \
            _number(parsed.agreement) != _number(profile.agreement):
        return False
    return _same(parsed.agency, profile.agency, profile.agency_dv) and _same(
        parsed.account, profile.account, profile.account_dv)


def profile_for(uow: UnitOfWork, parsed: ReturnFile, profile_id: int | None) -> PaymentProfile:
    """The profile the file belongs to: the one named (checked) or the only one that fits."""
    if profile_id is not None:
        profile = uow.get(PaymentProfile, profile_id, what="Profile de pagamento")
        if not _fits(profile, parsed):
            raise NotAllowed(m.RETURN_WRONG_PROFILE.format(
                bank=parsed.bank, agency=parsed.agency or "—", account=parsed.account or "—",
                profile=profile.name))
        return profile
    candidates = [p for p in uow.session.scalars(
        select(PaymentProfile).where(PaymentProfile.bank_code == parsed.bank,
                                     PaymentProfile.active.is_(True)).order_by(PaymentProfile.id))
        if _fits(p, parsed)]
    if not candidates:
        raise NotAllowed(m.RETURN_NO_PROFILE.format(
            bank=parsed.bank, agency=parsed.agency or "—", account=parsed.account or "—"))
    if len(candidates) > 1:
        raise InvalidInput(m.RETURN_MANY_PROFILES.format(
            profiles=", ".join(f"{p.id} {p.name}" for p in candidates)), field="Profile")
    return candidates[0]


def our_number(profile: PaymentProfile, record: ReturnRecord,
               with_dv: bool = False) -> int | None:
    """The nosso número a record names, without the convênio some banks put before it
    and the check digit some layouts keep in the same field (`with_dv`)."""
    digits = "".join(c for c in record.nosso_numero if c.isdigit())
    if with_dv and len(digits) > 1:
        digits = digits[:-1]
    agreement = "".join(c for c in profile.agreement if c.isdigit())
    # Banco do Brasil's 17-digit numbers start with the 7-digit convênio.
    if agreement and len(digits) >= len(agreement) + 10 and digits.startswith(agreement):
        digits = digits[len(agreement):]
    # Sicredi's start with the year (2 digits) and the byte of generation (1 digit).
    if profile.bank_code == "748" and len(digits.lstrip("0")) >= 8:
        digits = digits.lstrip("0")
        digits = digits[3:8]  # a ninth digit is the check digit
    return int(digits) if digits else None


def keeps_dv(parsed: ReturnFile) -> bool:
    """Whether the file's layout writes the check digit inside the nosso número field."""
    if parsed.file_format != "CNAB240":
        return False
    layout = CNAB240.get(parsed.bank)
    return bool(getattr(layout, "nosso_numero_with_dv", False))


_INVOICE = Invoice.__table__
# What planning and the bulk settlement writer read of an invoice (plain rows: 50,000
# ORM objects would cost more than the whole import).
_READ = (_INVOICE.c.id, _INVOICE.c.our_number, _INVOICE.c.person_id, _INVOICE.c.direction,
         _INVOICE.c.status, _INVOICE.c.amount_cents, _INVOICE.c.paid_cents,
         _INVOICE.c.reconciliation_status, _INVOICE.c.remittance_status, _INVOICE.c.in_spc,
         _INVOICE.c.due_date, _INVOICE.c.version_id)


def invoices_by_number(uow: UnitOfWork, profile_id: int,
                       numbers: Iterable[int]) -> dict[int, Row[Any]]:
    """The profile's invoices with these nossos números, as they are now."""
    wanted = sorted(set(numbers))
    found: dict[int, Row[Any]] = {}
    for chunk in chunks(wanted):
        for invoice in uow.session.execute(select(*_READ).where(
                _INVOICE.c.payment_profile_id == profile_id, _INVOICE.c.our_number.in_(chunk))):
            found[invoice.our_number] = invoice
    return found


def applied_identities(uow: UnitOfWork, identities: Sequence[str]) -> set[str]:
    """The identities of records some earlier file already applied."""
    seen: set[str] = set()
    table = BankReturnRecord.__table__
    for chunk in chunks(sorted(set(identities))):
        seen.update(uow.session.scalars(
            select(table.c.identity).where(table.c.identity.in_(chunk),
                                           table.c.outcome != "repeated")))
    return seen


def identity(profile_id: int, record: ReturnRecord) -> str:
    """What makes a bank event the same event in any file: never applied twice."""
    when = record.occurrence_date.isoformat() if record.occurrence_date else ""
    return (f"{profile_id}:{record.nosso_numero.lstrip('0')}:{record.occurrence_code}:{when}:"
            f"{record.paid}:{record.fee}")[:120]
