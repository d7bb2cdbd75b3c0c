"""pt-BR display formats and date parsing (Babel, locale pt_BR)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import get_month_names
from babel.numbers import format_currency
from babel.numbers import format_decimal as babel_format_decimal

from contoffice.core.messages import invalid, required
from contoffice.core.text import quoted

SAO_PAULO = ZoneInfo("America/Sao_Paulo")
_NBSP = "\xa0"
_MIN_YEAR, _MAX_YEAR = 1900, 2199

_BR_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_ISO_COMPETENCE = re.compile(r"([0-9]{4})-([0-9]{2})")
_BR_COMPETENCE = re.compile(r"([0-9]{1,2})/([0-9]{4})")


@cache
def _locale() -> Locale:
    """The pt_BR locale, parsed once (Babel's parse is not free)."""
    return Locale.parse("pt_BR")


@cache
def _month_names() -> tuple[str, ...]:
    """Lower-case pt-BR month names, index 0 = janeiro."""
    names = get_month_names("wide", locale=_locale())
    return tuple(names[m].lower() for m in range(1, 13))


def _cents_to_decimal(cents: int) -> Decimal:
    """Exact Decimal for an integer amount of cents."""
    return Decimal(cents).scaleb(-2)


def format_money(cents: int) -> str:
    """`R$ 1.234,56` with an ASCII space; negatives `-R$ 1.234,56`."""
    text = format_currency(_cents_to_decimal(cents), "BRL", locale=_locale())
    # Babel uses NBSP; exports, CNAB and tests compare plain text, so normalise it.
    return text.replace(_NBSP, " ")


def format_decimal_cents(cents: int) -> str:
    """`1.234,56`: an amount of cents without the currency symbol."""
    return babel_format_decimal(_cents_to_decimal(cents), "#,##0.00", locale=_locale())


def format_percent(basis_points: int) -> str:
    """`2,00%` for 200 basis points."""
    return format_decimal_cents(basis_points) + "%"


def format_date(d: date | None) -> str:
    """`dd/mm/aaaa`; None gives an empty string."""
    return "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_datetime(dt_utc: datetime | None) -> str:
    """`dd/mm/aaaa HH:MM` in America/Sao_Paulo; a naive datetime is taken as UTC."""
    if dt_utc is None:
        return ""
    if dt_utc.tzinfo is None:
        dt_utc = dt_utc.replace(tzinfo=UTC)
    local = dt_utc.astimezone(SAO_PAULO)
    return f"{format_date(local.date())} {local.hour:02d}:{local.minute:02d}"


def format_competence(d: date | None) -> str:
    """`mm/aaaa` for the competência (service month) of d."""
    return "" if d is None else f"{d.month:02d}/{d.year:04d}"


def month_name(month: int) -> str:
    """Lower-case pt-BR month name: 3 → `março`."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month}")
    return _month_names()[month - 1]


def date_extenso(d: date) -> str:
    """`23 de novembro de 2026`; the first day is written `1º`, as pt-BR documents do."""
    day = "1º" if d.day == 1 else str(d.day)
    return f"{day} de {month_name(d.month)} de {d.year}"


def _build_date(year: int, month: int, day: int, field: str) -> date:
    """A date from parts, or a ValidationError saying which part is wrong."""
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise invalid(field, f"ano {year} fora do intervalo {_MIN_YEAR}–{_MAX_YEAR}.")
    if not 1 <= month <= 12:
        raise invalid(field, f"mês {month:02d} não existe (use 01 a 12).")
    try:
        return date(year, month, day)
    except ValueError:
        raise invalid(field, f"o dia {day:02d}/{month:02d}/{year} não existe.") from None


def parse_date(text: str, field: str = "Data") -> date:
    """Parse `dd/mm/aaaa`, `d/m/aaaa` or ISO `aaaa-mm-dd`."""
    cleaned = (text or "").strip()
    if cleaned.replace("/", "").replace("_", "").strip() == "":
        raise required(field)  # an untouched `__/__/____` input mask
    if m := _BR_DATE.fullmatch(cleaned):
        return _build_date(int(m[3]), int(m[2]), int(m[1]), field)
    if m := _ISO_DATE.fullmatch(cleaned):
        return _build_date(int(m[1]), int(m[2]), int(m[3]), field)
    raise invalid(field, f"“{quoted(cleaned)}” não é uma data; use dd/mm/aaaa.")


def parse_competence(text: str, field: str = "Competência") -> date:
    """Parse `MM/AAAA` or `AAAA-MM` into the first day of that month."""
    cleaned = (text or "").strip()
    if cleaned.replace("/", "").replace("_", "").strip() == "":
        raise required(field)
    if m := _BR_COMPETENCE.fullmatch(cleaned):
        return _build_date(int(m[2]), int(m[1]), 1, field)
    if m := _ISO_COMPETENCE.fullmatch(cleaned):
        return _build_date(int(m[1]), int(m[2]), 1, field)
    raise invalid(field, f"“{quoted(cleaned)}” não é um mês; use mm/aaaa (ex.: 11/2026).")
