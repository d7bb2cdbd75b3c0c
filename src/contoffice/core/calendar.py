"""Bank business days: national holidays, Carnival, Corpus Christi and 31/12."""

from __future__ import annotations

import calendar as _stdlib_calendar
from collections.abc import Iterable
from datetime import date, timedelta

import holidays

_ONE_DAY = timedelta(days=1)


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _bank_holidays(year: int) -> set[date]:
    """FEBRABAN bank holidays of one year, municipal ones excluded."""
    # holidays 0.109: BR "public" has the national days (Good Friday and, from 2024, 20/11)
    # but not Carnival or Corpus Christi (optional points there). BVMF has those, plus 24/12
    # (a business day for banks, with compensation) and, in older years, São Paulo's own
    # holidays; so take BR and add the Easter-based bank days ourselves.
    days = set(holidays.country_holidays("BR", years=year))
    sunday = easter(year)
    days |= {
        sunday - timedelta(days=48),  # Carnival Monday
        sunday - timedelta(days=47),  # Carnival Tuesday
        sunday - timedelta(days=2),  # Good Friday
        sunday + timedelta(days=60),  # Corpus Christi
        date(year, 12, 31),  # no public banking and no compensation
    }
    if year >= 2024:  # Lei 14.759/2023
        days.add(date(year, 11, 20))
    return days


class BankCalendar:
    """Business days for boletos and fees, with optional extra (municipal) holidays."""

    def __init__(self, extra_holidays: Iterable[date] = ()) -> None:
        self._extra = frozenset(extra_holidays)
        # Billing runs call this for thousands of contracts; compute each year once.
        self._by_year: dict[int, frozenset[date]] = {}

    def _year(self, year: int) -> frozenset[date]:
        """All holidays of a year, cached."""
        cached = self._by_year.get(year)
        if cached is None:
            extra = {d for d in self._extra if d.year == year}
            cached = self._by_year[year] = frozenset(_bank_holidays(year) | extra)
        return cached

    def holidays_in(self, year: int) -> list[date]:
        """Sorted holidays of the year, including those falling on weekends."""
        return sorted(self._year(year))

    def is_holiday(self, d: date) -> bool:
        """True if d is a bank holiday (regardless of weekday)."""
        return d in self._year(d.year)

    def is_business_day(self, d: date) -> bool:
        """True on weekdays that are not bank holidays."""
        return d.weekday() < 5 and d not in self._year(d.year)

    def next_business_day(self, d: date) -> date:
        """d itself if it is a business day, otherwise the first one after it."""
        while not self.is_business_day(d):
            d += _ONE_DAY
        return d

    def previous_business_day(self, d: date) -> date:
        """d itself if it is a business day, otherwise the last one before it."""
        while not self.is_business_day(d):
            d -= _ONE_DAY
        return d

    def add_business_days(self, d: date, n: int) -> date:
        """Move n business days from d (negative n goes back); n == 0 returns d unchanged."""
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        remaining = abs(n)
        while remaining:
            d += step
            if self.is_business_day(d):
                remaining -= 1
        return d

    def nth_business_day(self, year: int, month: int, n: int) -> date:
        """The n-th (1-based) business day of the month; ValueError if there is none."""
        if n < 1:
            raise ValueError(f"n must be >= 1, got {n}")
        d = date(year, month, 1)
        count = 0
        while d.month == month:
            if self.is_business_day(d):
                count += 1
                if count == n:
                    return d
            d += _ONE_DAY
        raise ValueError(f"{month:02d}/{year} has only {count} business days, asked for {n}")


DEFAULT_CALENDAR = BankCalendar()


def is_business_day(d: date) -> bool:
    """is_business_day on the default (national) bank calendar."""
    return DEFAULT_CALENDAR.is_business_day(d)


def next_business_day(d: date) -> date:
    """next_business_day on the default (national) bank calendar."""
    return DEFAULT_CALENDAR.next_business_day(d)


def add_business_days(d: date, n: int) -> date:
    """add_business_days on the default (national) bank calendar."""
    return DEFAULT_CALENDAR.add_business_days(d, n)


def clamp_day(year: int, month: int, day: int) -> date:
    """date(year, month, day) with day clamped to the month's last day (31/02 → 28 or 29)."""
    if day < 1:
        raise ValueError(f"day must be >= 1, got {day}")
    last = _stdlib_calendar.monthrange(year, month)[1]
    return date(year, month, min(day, last))
