"""Payment profiles (banco, agência, carteira, convênio): checked against the bank's rules."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date, timedelta

from sqlalchemy import func, select

from contoffice.banking.banks import supported_banks
from contoffice.banking.boleto import compute_codes
from contoffice.banking.cnab.banks.registry import CNAB240, CNAB400
from contoffice.banking.cnab.model import Command
from contoffice.banking.pix import build_static_pix
from contoffice.core.messages import not_found
from contoffice.core.validation import ValidationError
from contoffice.db.models import Invoice, PaymentProfile
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.boletos.printing import profile_boleto_input
from contoffice.services.kernel import audit, messages, money_limits
from contoffice.services.kernel.permissions import Actor, require

MAX_FINE_BP = 1_000  # 10 %: above this is surely a typo (CDC caps consumers at 2 %)
MAX_INTEREST_BP = 1_000  # 10 % a.m.
MAX_PROTEST_DAYS = 99  # two digits in the CNAB instruction fields


@dataclass(frozen=True, slots=True)
class ProfileInput:
    """Every field of the payment-profile form."""

    name: str
    bank_code: str
    agency: str = ""
    agency_dv: str = ""
    account: str = ""
    account_dv: str = ""
    wallet: str = ""
    agreement: str = ""
    variation: str = ""
    modality: str = ""
    post: str = ""
    byte_idt: str = ""
    cnab_layout: str = "400"
    instructions: str = ""
    fine_bp: int = 200
    interest_month_bp: int = 100
    discount_cents: int = 0
    discount_days: int = 0
    protest_days: int = 0  # 0: não protestar
    pix_key: str = ""
    next_our_number: int = 1
    baixa_enabled: bool = True
    active: bool = True


def banks() -> list[tuple[str, str]]:
    """(code, name) of every bank whose boletos contoffice computes."""
    return list(supported_banks().items())


def _sends(bank: str, layout: str) -> bool:
    """Whether contoffice writes remittances of the bank in that CNAB layout."""
    found = (CNAB240 if layout == "240" else CNAB400).get(bank)
    return found is not None and Command.REGISTER in found.commands


def _check_layout(bank: str, layout: str) -> None:
    other = "400" if layout == "240" else "240"
    if not _sends(bank, layout) and _sends(bank, other):
        raise InvalidInput(messages.CNAB_LAYOUT_UNAVAILABLE.format(
            bank=bank, layout=layout, other=other), field="Layout CNAB")


def check_profile(data: ProfileInput, *, today: date | None = None) -> None:
    """Refuse a profile whose data its bank would not accept, naming the field."""
    if not data.name.strip():
        raise InvalidInput(messages.REQUIRED_FIELD.format(field="Nome"), field="Nome")
    if data.cnab_layout not in ("240", "400"):
        raise InvalidInput(messages.CNAB_LAYOUT_INVALID, field="Layout CNAB")
    _check_layout(data.bank_code, data.cnab_layout)
    if not 0 <= data.fine_bp <= MAX_FINE_BP:
        raise InvalidInput(messages.FINE_OUT_OF_RANGE, field="Multa")
    if not 0 <= data.interest_month_bp <= MAX_INTEREST_BP:
        raise InvalidInput(messages.INTEREST_OUT_OF_RANGE, field="Juros")
    if data.discount_cents < 0 or data.discount_days < 0:
        raise InvalidInput(messages.DISCOUNT_NEGATIVE, field="Desconto")
    if not 0 <= data.protest_days <= MAX_PROTEST_DAYS:
        raise InvalidInput(messages.PROTEST_DAYS_OUT_OF_RANGE, field="Dias para protesto")
    if data.next_our_number < 1:
        raise InvalidInput(messages.NEXT_OUR_NUMBER_NOT_POSITIVE, field="Nosso número")
    today = today or date.today()
    sample = profile_boleto_input(
        data,
        our_number=str(data.next_our_number),
        amount_cents=100,
        due_date=today + timedelta(days=30),
        document_number="1",
        processing_date=today,
    )
    try:
        compute_codes(sample)
        if data.pix_key.strip():
            build_static_pix(data.pix_key, "Escritorio", "Sao Paulo", 100)
    except ValidationError as error:
        raise InvalidInput(error.message, field=error.field) from None


def save_profile(
    uow: UnitOfWork,
    actor: Actor,
    data: ProfileInput,
    *,
    profile_id: int | None = None,
    loaded_next_our_number: int | None = None,
) -> int:
    """Create or update a profile; the nosso-número counter only moves when the clerk moved it."""
    require(actor, "settings.payment_profiles")
    check_profile(data)
    # The discount is printed on every boleto of the profile: the ceiling binds it too.
    money_limits.check_amount(uow, data.discount_cents, "Desconto", dry_run=True)
    values = asdict(data)
    if profile_id is None:
        profile = PaymentProfile()
        before: dict[str, object] = {}
    else:
        # Locked, so a billing run cannot hand out a number while we decide.
        profile = uow.session.scalar(
            select(PaymentProfile).where(PaymentProfile.id == profile_id).with_for_update()
        )
        if profile is None:
            raise InvalidInput(not_found("Profile de pagamento", profile_id))
        before = {f.name: getattr(profile, f.name) for f in fields(ProfileInput)}
        if data.next_our_number == loaded_next_our_number:
            values.pop("next_our_number")  # untouched on screen: keep what billing advanced
    if "next_our_number" in values and profile_id is not None:
        used = (
            uow.session.scalar(
                select(func.max(Invoice.our_number)).where(Invoice.payment_profile_id == profile_id)
            )
            or 0
        )
        if data.next_our_number <= used:
            raise InvalidInput(
                messages.NEXT_OUR_NUMBER_USED.format(used=used),
                field="Nosso número",
            )
    for key, value in values.items():
        setattr(profile, key, value)
    uow.session.add(profile)
    uow.flush()
    after = {f.name: getattr(profile, f.name) for f in fields(ProfileInput)}
    changed_before = {k: v for k, v in before.items() if after.get(k) != v}
    audit.record(
        uow,
        actor,
        "payment_profile.saved",
        "payment_profile",
        profile.id,
        before=changed_before,
        after={k: after[k] for k in changed_before or after},
    )
    uow.commit()
    return profile.id


@dataclass(frozen=True, slots=True)
class ProfileRow:
    id: int
    name: str
    bank_code: str
    bank_name: str
    agency: str
    account: str
    wallet: str
    agreement: str
    next_our_number: int
    active: bool


def list_profiles(uow: UnitOfWork, *, only_active: bool = False) -> list[ProfileRow]:
    """Every payment profile, for the settings grid and the combo boxes."""
    with uow:
        stmt = select(PaymentProfile).order_by(PaymentProfile.name)
        if only_active:
            stmt = stmt.where(PaymentProfile.active.is_(True))
        names = supported_banks()
        return [
            ProfileRow(
                p.id,
                p.name,
                p.bank_code,
                names.get(p.bank_code, p.bank_code),
                p.agency,
                p.account,
                p.wallet,
                p.agreement,
                p.next_our_number,
                p.active,
            )
            for p in uow.session.scalars(stmt)
        ]


def profile_input(uow: UnitOfWork, profile_id: int) -> ProfileInput:
    """The stored profile as form values."""
    with uow:
        profile = uow.get(PaymentProfile, profile_id, what="Profile de pagamento")
        return ProfileInput(**{f.name: getattr(profile, f.name) for f in fields(ProfileInput)})
