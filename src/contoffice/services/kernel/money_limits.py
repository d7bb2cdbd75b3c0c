"""How much one operation may move, when the clerk must confirm it, and which dates money takes.

Three office-wide settings (OfficeSetting rows, Configuração Básica):

- `money.ceiling_cents`: the most one typed amount may be (default R$ 10.000.000,00).
  Never above R$ 99.999.999,99, what a boleto's 10-digit value field carries, so an
  amount that passes here always fits the barcode, the CNAB value fields and the
  valor por extenso of a receipt.
- `money.confirm_cents`: above it the service asks "tenho certeza" (default
  R$ 100.000,00) through `NeedsConfirmation`, like every other confirmation.
- `office.founded_on`: no payment or due date may come before the office existed.

Every service that takes an amount the clerk typed calls `check_amount`; the
ones that take a payment or due date call `check_date`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from contoffice.banking.barcode import MAX_AMOUNT_CENTS
from contoffice.core.format import format_date, format_money
from contoffice.core.text import is_ascii_digits
from contoffice.db.models import OfficeSetting
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.kernel import confirmations
from contoffice.services.kernel import messages as m

CEILING_KEY = "money.ceiling_cents"
CONFIRM_KEY = "money.confirm_cents"
FOUNDED_KEY = "office.founded_on"
SETTING_KEYS = (CEILING_KEY, CONFIRM_KEY, FOUNDED_KEY)
LARGE_AMOUNT_KEY = "money.large_amount"  # the confirmation's key in `confirmed`
CEILING_FIELD = "Limite por operação"
CONFIRM_FIELD = "Confirmar valores acima de"
FOUNDED_FIELD = "Data de fundação"

DEFAULT_CEILING_CENTS = 1_000_000_000  # R$ 10.000.000,00
DEFAULT_CONFIRM_CENTS = 10_000_000  # R$ 100.000,00
MAX_CEILING_CENTS = MAX_AMOUNT_CENTS  # R$ 99.999.999,99: the boleto's value field
# When the office has not said when it was founded: no Brazilian accounting office
# runs this program on books from before 2000, and 01/01/1900 is a typo, not a payment.
DEFAULT_FOUNDED_ON = date(2000, 1, 1)
EARLIEST_FOUNDED_ON = date(1900, 1, 1)
# Due dates: 360 monthly replications (30 years) plus margin; beyond is a typo.
FUTURE_YEARS = 40


@dataclass(frozen=True, slots=True)
class MoneyLimits:
    """The office's bounds for one operation."""

    ceiling_cents: int
    confirm_cents: int
    founded_on: date

    def latest_date(self, today: date) -> date:
        """The farthest due date an operation may carry."""
        return today.replace(year=today.year + FUTURE_YEARS, day=min(today.day, 28))


def _cents_setting(text: str | None, default: int) -> int:
    """A stored amount, or the default when absent or unreadable (a hand-edited row)."""
    cleaned = (text or "").strip()
    if not is_ascii_digits(cleaned) or len(cleaned) > 12:
        return default
    return int(cleaned)


def _date_setting(text: str | None) -> date:
    try:
        found = date.fromisoformat((text or "").strip())
    except ValueError:
        return DEFAULT_FOUNDED_ON
    return found if found >= EARLIEST_FOUNDED_ON else DEFAULT_FOUNDED_ON


def limits(uow: UnitOfWork) -> MoneyLimits:
    """The office's ceiling, confirmation threshold and founding date (defaults where unset).

    A stored ceiling above what the barcode carries is read as that maximum, so a
    row written by hand can never let an amount through that a boleto cannot print.
    """
    rows = dict(
        uow.session.execute(
            select(OfficeSetting.key, OfficeSetting.value).where(
                OfficeSetting.key.in_(SETTING_KEYS)
            )
        ).all()
    )
    ceiling = _cents_setting(rows.get(CEILING_KEY), DEFAULT_CEILING_CENTS)
    ceiling = min(max(ceiling, 1), MAX_CEILING_CENTS)
    confirm = min(_cents_setting(rows.get(CONFIRM_KEY), DEFAULT_CONFIRM_CENTS), ceiling)
    return MoneyLimits(ceiling, confirm, _date_setting(rows.get(FOUNDED_KEY)))


def check_amount(
    uow: UnitOfWork,
    cents: int | None,
    field: str = "Valor",
    *,
    confirmed: frozenset[str] = frozenset(),
    dry_run: bool = False,
) -> int | None:
    """Refuse an amount above the ceiling; above the threshold, ask (NeedsConfirmation).

    None (nothing typed) passes; zero and negative amounts are the caller's rule.
    A dry run (the preview) notes the question instead of raising it.
    """
    return check_amounts(uow, [(cents, field)], confirmed=confirmed, dry_run=dry_run)[0]


def check_amounts(
    uow: UnitOfWork,
    amounts: Iterable[tuple[int | None, str]],
    *,
    confirmed: frozenset[str] = frozenset(),
    dry_run: bool = False,
) -> list[int | None]:
    """`check_amount` for several fields of one operation: one question for all of them."""
    given = [(cents, field) for cents, field in amounts]
    bounds = limits(uow)
    large: list[tuple[int, str]] = []
    for cents, field in given:
        if cents is None:
            continue
        if abs(cents) > bounds.ceiling_cents:
            raise InvalidInput(
                m.AMOUNT_ABOVE_CEILING.format(
                    field=field, ceiling=format_money(bounds.ceiling_cents)
                ),
                field=field,
            )
        if abs(cents) > bounds.confirm_cents:
            large.append((cents, field))
    if large:
        cents, field = max(large, key=lambda item: abs(item[0]))
        confirmations.ask(
            LARGE_AMOUNT_KEY,
            m.AMOUNT_LARGE_CONFIRM.format(
                field=field,
                value=format_money(cents),
                threshold=format_money(bounds.confirm_cents),
            ),
            confirmed=confirmed,
            dry_run=dry_run,
        )
    return [cents for cents, _field in given]


def check_date(
    uow: UnitOfWork, day: date | None, field: str, *, today: date | None = None
) -> date | None:
    """Refuse a date before the office was founded or more than FUTURE_YEARS ahead."""
    if day is None:
        return None
    bounds = limits(uow)
    if day < bounds.founded_on:
        raise InvalidInput(
            m.DATE_BEFORE_OFFICE.format(
                field=field, date=format_date(day), founded=format_date(bounds.founded_on)
            ),
            field=field,
        )
    latest = bounds.latest_date(today or date.today())
    if day > latest:
        raise InvalidInput(
            m.DATE_TOO_FAR.format(field=field, date=format_date(day), latest=format_date(latest)),
            field=field,
        )
    return day


def checked_settings(
    uow: UnitOfWork, values: Mapping[str, str], today: date | None = None
) -> dict[str, str]:
    """The money settings among `values`, validated and normalised (others pass unchanged).

    Called by `office.save_settings`: a ceiling above what the boleto carries, a
    threshold above the ceiling or a founding date in the future is refused.
    """
    result = dict(values)
    current = limits(uow)
    ceiling, confirm = current.ceiling_cents, current.confirm_cents
    if CEILING_KEY in result:
        ceiling = _parse_setting_cents(result[CEILING_KEY], 1, MAX_CEILING_CENTS, CEILING_FIELD)
        result[CEILING_KEY] = str(ceiling)
    if CONFIRM_KEY in result:
        confirm = _parse_setting_cents(result[CONFIRM_KEY], 0, MAX_CEILING_CENTS, CONFIRM_FIELD)
        result[CONFIRM_KEY] = str(confirm)
    if CONFIRM_KEY in result and confirm > ceiling:
        raise InvalidInput(
            m.CONFIRM_ABOVE_CEILING.format(ceiling=format_money(ceiling)), field=CONFIRM_FIELD
        )
    if str(result.get(FOUNDED_KEY, "")).strip():
        result[FOUNDED_KEY] = _parse_founded(result[FOUNDED_KEY], today or date.today())
    return result


def _parse_setting_cents(text: str, low: int, high: int, field: str) -> int:
    cleaned = str(text).strip()
    if not is_ascii_digits(cleaned) or len(cleaned) > 12 or not low <= int(cleaned) <= high:
        raise InvalidInput(
            m.MONEY_SETTING_RANGE.format(
                field=field, low=format_money(low), high=format_money(high)
            ),
            field=field,
        )
    return int(cleaned)


def _parse_founded(text: str, today: date) -> str:
    try:
        founded = date.fromisoformat(str(text).strip())
    except ValueError:
        raise InvalidInput(m.FOUNDED_INVALID, field=FOUNDED_FIELD) from None
    if not EARLIEST_FOUNDED_ON <= founded <= today:
        raise InvalidInput(m.FOUNDED_INVALID, field=FOUNDED_FIELD)
    return founded.isoformat()
