"""The regra de vencimento: a competência's fee due date (fixed day or Nth business day)."""

from __future__ import annotations

from datetime import date

from contoffice.core.due_dates import add_months, fee_due
from contoffice.core.vocab import DueRule


def test_add_months_gives_the_first_day() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 1)
    assert add_months(date(2026, 12, 15), 2) == date(2027, 2, 1)
    assert add_months(date(2026, 3, 1), -3) == date(2025, 12, 1)


def test_fixed_day_clamped_and_moved_to_a_business_day() -> None:
    rule = dict(rule=DueRule.FIXED_DAY, month_offset=1)
    # 31 in February is its last day; 28/02/2026 is a Saturday → Monday 02/03.
    assert fee_due(date(2026, 1, 1), day=31, move_to_business_day=False, **rule) == date(
        2026, 2, 28)
    assert fee_due(date(2026, 1, 1), day=31, move_to_business_day=True, **rule) == date(
        2026, 3, 2)
    assert fee_due(date(2026, 1, 1), day=10, move_to_business_day=True, rule=DueRule.FIXED_DAY,
                   month_offset=0) == date(2026, 1, 12)  # Saturday 10/01 → Monday


def test_nth_business_day() -> None:
    # 5th business day of December 2026 (01/12 is a Tuesday): Monday 07/12.
    assert fee_due(date(2026, 11, 1), rule=DueRule.BUSINESS_DAY, day=5, month_offset=1,
                   move_to_business_day=False) == date(2026, 12, 7)
