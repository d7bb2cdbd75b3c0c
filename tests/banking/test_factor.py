"""Due-date factor: the §3.1 table, the 2025 rollover (§3.11) and decoding with the window."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contoffice.banking.errors import BoletoError
from contoffice.banking.factor import date_from_factor, due_factor

D = date.fromisoformat


@pytest.mark.parametrize(
    ("due", "factor"),
    [
        ("2008-02-01", 3769),  # brc calculo_data_spec
        ("2000-07-03", 1000),
        ("2002-05-01", 1667),
        ("2010-11-17", 4789),
        ("2025-02-20", 9998),  # Itaú devportal table
        ("2025-02-21", 9999),
        ("2025-02-22", 1000),
        ("2025-02-23", 1001),
        ("2025-02-24", 1002),  # stella BoletoTest
        ("2025-12-01", 1282),
        ("2016-12-25", 7019),  # laravel UtilTest
        ("2026-11-23", 1639),  # features.md §4.4
        ("2026-12-10", 1656),
        ("2049-10-13", 9999),  # end of the second cycle
        ("1997-10-08", 1),
    ],
)
def test_factor_table(due: str, factor: int) -> None:
    assert due_factor(D(due)) == factor


def test_before_base_date_refused_naming_field() -> None:
    for bad in (date(1997, 10, 6), date(1997, 10, 7)):  # factor 0 is "contra apresentação"
        with pytest.raises(BoletoError, match="due_date") as caught:
            due_factor(bad)
        assert caught.value.field == "due_date"


def test_after_2049_refused_with_message() -> None:
    with pytest.raises(BoletoError, match=r"13/10/2049.*\(due_date\)") as caught:
        due_factor(date(2049, 10, 14))
    assert caught.value.field == "due_date"


@pytest.mark.parametrize(
    ("factor", "reference", "expected"),
    [
        (1001, "2000-07-01", "2000-07-04"),  # Banrisul spec: first cycle
        (1001, "2025-02-20", "2025-02-23"),  # Safra spec: second cycle
        (3769, "2008-01-01", "2008-02-01"),
        (3769, "2026-01-01", "2032-09-22"),  # 2008 is outside today's window
        (9999, "2025-02-01", "2025-02-21"),
        (9999, "2049-01-01", "2049-10-13"),
        (1000, "2025-02-21", "2025-02-22"),
        (1639, "2026-11-01", "2026-11-23"),
    ],
)
def test_decode_picks_the_cycle_inside_the_window(
    factor: int, reference: str, expected: str
) -> None:
    assert date_from_factor(factor, D(reference)) == D(expected)


def test_decode_zero_is_contra_apresentacao() -> None:
    assert date_from_factor(0, date(2026, 1, 1)) is None


def test_decode_refuses_outside_window_and_bad_factors() -> None:
    with pytest.raises(BoletoError, match="janela"):
        date_from_factor(500, date(2026, 1, 1))  # 1..999 only existed in 1997–2000
    with pytest.raises(BoletoError, match="due_factor"):
        date_from_factor(10000, date(2026, 1, 1))


@given(
    due=st.dates(min_value=date(1997, 10, 8), max_value=date(2049, 10, 13)),
    offset=st.integers(min_value=-5500, max_value=3000),
)
def test_round_trip_for_any_reference_in_the_window(due: date, offset: int) -> None:
    reference = due + timedelta(days=offset)  # due ∈ [reference − 3000, reference + 5500]
    factor = due_factor(due)
    assert 1 <= factor <= 9999
    assert date_from_factor(factor, reference) == due
