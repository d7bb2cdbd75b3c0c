from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contoffice.core.calendar import (
    DEFAULT_CALENDAR,
    BankCalendar,
    add_business_days,
    clamp_day,
    easter,
    is_business_day,
    next_business_day,
)


def _dates(year: int, *days: str) -> list[date]:
    return [date(year, int(d[3:]), int(d[:2])) for d in days]


BANK_HOLIDAYS = {
    2024: _dates(
        2024,
        "01/01",
        "12/02",
        "13/02",
        "29/03",
        "21/04",
        "01/05",
        "30/05",
        "07/09",
        "12/10",
        "02/11",
        "15/11",
        "20/11",
        "25/12",
        "31/12",
    ),
    2025: _dates(
        2025,
        "01/01",
        "03/03",
        "04/03",
        "18/04",
        "21/04",
        "01/05",
        "19/06",
        "07/09",
        "12/10",
        "02/11",
        "15/11",
        "20/11",
        "25/12",
        "31/12",
    ),
    # features.md §4.4, exactly
    2026: _dates(
        2026,
        "01/01",
        "16/02",
        "17/02",
        "03/04",
        "21/04",
        "01/05",
        "04/06",
        "07/09",
        "12/10",
        "02/11",
        "15/11",
        "20/11",
        "25/12",
        "31/12",
    ),
    2027: _dates(
        2027,
        "01/01",
        "08/02",
        "09/02",
        "26/03",
        "21/04",
        "01/05",
        "27/05",
        "07/09",
        "12/10",
        "02/11",
        "15/11",
        "20/11",
        "25/12",
        "31/12",
    ),
}


@pytest.mark.parametrize("year", sorted(BANK_HOLIDAYS))
def test_bank_holidays_2024_2027(year: int) -> None:
    assert BankCalendar().holidays_in(year) == BANK_HOLIDAYS[year]


def test_working_days_around_carnival_and_christmas() -> None:
    cal = BankCalendar()
    assert cal.is_business_day(date(2026, 2, 18))  # Ash Wednesday opens at noon
    assert cal.is_business_day(date(2026, 12, 24))  # reduced hours, still compensates
    assert not cal.is_business_day(date(2026, 12, 31))
    assert not cal.is_business_day(date(2026, 11, 21))  # Saturday


def test_consciencia_negra_only_from_2024() -> None:
    assert date(2023, 11, 20) not in BankCalendar().holidays_in(2023)
    assert is_business_day(date(2023, 11, 20))


def test_next_business_day() -> None:
    assert next_business_day(date(2026, 11, 23)) == date(2026, 11, 23)
    assert next_business_day(date(2026, 11, 20)) == date(2026, 11, 23)  # Fri holiday
    assert next_business_day(date(2026, 2, 14)) == date(2026, 2, 18)  # Sat before Carnival
    assert next_business_day(date(2026, 12, 31)) == date(2027, 1, 4)
    assert DEFAULT_CALENDAR.previous_business_day(date(2027, 1, 1)) == date(2026, 12, 30)


def test_add_business_days() -> None:
    assert add_business_days(date(2026, 2, 13), 1) == date(2026, 2, 18)
    assert add_business_days(date(2026, 2, 18), -1) == date(2026, 2, 13)
    assert add_business_days(date(2026, 2, 14), 0) == date(2026, 2, 14)
    assert add_business_days(date(2026, 12, 29), 3) == date(2027, 1, 5)


def test_nth_business_day() -> None:
    cal = BankCalendar()
    assert cal.nth_business_day(2026, 1, 1) == date(2026, 1, 2)
    assert cal.nth_business_day(2026, 1, 5) == date(2026, 1, 8)
    assert cal.nth_business_day(2026, 2, 5) == date(2026, 2, 6)
    # 02/11 and 20/11 are holidays: the 13th business day is Thu 19, the 14th Mon 23
    assert cal.nth_business_day(2026, 11, 13) == date(2026, 11, 19)
    assert cal.nth_business_day(2026, 11, 14) == date(2026, 11, 23)
    with pytest.raises(ValueError):
        cal.nth_business_day(2026, 2, 25)
    with pytest.raises(ValueError):
        cal.nth_business_day(2026, 2, 0)


def test_extra_holidays() -> None:
    sp = BankCalendar(extra_holidays=[date(2026, 1, 25), date(2026, 7, 9)])
    assert date(2026, 7, 9) in sp.holidays_in(2026)
    assert not sp.is_business_day(date(2026, 7, 9))
    assert is_business_day(date(2026, 7, 9))
    assert sp.next_business_day(date(2026, 7, 9)) == date(2026, 7, 10)


def test_clamp_day() -> None:
    assert clamp_day(2026, 2, 31) == date(2026, 2, 28)
    assert clamp_day(2024, 2, 30) == date(2024, 2, 29)
    assert clamp_day(2026, 4, 31) == date(2026, 4, 30)
    assert clamp_day(2026, 5, 10) == date(2026, 5, 10)
    with pytest.raises(ValueError):
        clamp_day(2026, 5, 0)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
        (2285, date(2285, 3, 22)),
    ],
)
def test_easter(year: int, expected: date) -> None:
    assert easter(year) == expected


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.integers(min_value=-40, max_value=40),
)
def test_add_business_days_properties(d: date, n: int) -> None:
    result = add_business_days(d, n)
    if n == 0:
        assert result == d
    else:
        assert is_business_day(result)
        # business days strictly after the start up to and including the end equal |n|
        start, end = (d, result) if n > 0 else (result, d)
        span = (end - start).days
        counted = sum(is_business_day(start + timedelta(days=i)) for i in range(1, span + 1))
        if n > 0:
            assert counted == n
        else:
            assert counted - is_business_day(d) + is_business_day(result) == -n
    assert next_business_day(d) >= d
    assert is_business_day(next_business_day(d))
