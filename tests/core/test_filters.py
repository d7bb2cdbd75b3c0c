"""Date and money column filters typed by a clerk."""

from __future__ import annotations

from datetime import date

import pytest

from contoffice.core.filters import date_range, money_range


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15/10/2026", (date(2026, 10, 15), date(2026, 10, 15))),
        ("10/2026", (date(2026, 10, 1), date(2026, 10, 31))),
        ("02/2028", (date(2028, 2, 1), date(2028, 2, 29))),
        ("2026", (date(2026, 1, 1), date(2026, 12, 31))),
        ("01/10/2026-15/10/2026", (date(2026, 10, 1), date(2026, 10, 15))),
        ("10/2026 a 11/2026", (date(2026, 10, 1), date(2026, 11, 30))),
        (">=10/2026", (date(2026, 10, 1), None)),
        (">10/2026", (date(2026, 11, 1), None)),
        ("<= 15/10/2026", (None, date(2026, 10, 15))),
        ("<2026", (None, date(2025, 12, 31))),
        ("15/1", None),
        ("31/02/2026", None),
        ("", None),
        ("abc", None),
    ],
)
def test_date_filters(typed: str, expected: object) -> None:
    assert date_range(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("935", (93_500, 93_500)),
        ("935,00", (93_500, 93_500)),
        ("R$ 1.234,56", (123_456, 123_456)),
        ("100-200", (10_000, 20_000)),
        ("100 a 200,50", (10_000, 20_050)),
        (">1000", (100_001, None)),
        (">=1.000,00", (100_000, None)),
        ("<50", (None, 4_999)),
        ("-10,00", (-1_000, -1_000)),
        ("1.2", None),
        (">", None),
        ("", None),
    ],
)
def test_money_filters(typed: str, expected: object) -> None:
    assert money_range(typed) == expected
