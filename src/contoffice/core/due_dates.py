"""When a contract's monthly fee falls due: its regra de vencimento applied to a competência."""

from __future__ import annotations

from datetime import date

from contoffice.core.calendar import DEFAULT_CALENDAR, BankCalendar, clamp_day
from contoffice.core.vocab import DueRule


def add_months(d: date, months: int) -> date:
    """The first day of the month `months` after d's month."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def fee_due(
    competence: date,
    *,
    rule: str,
    day: int,
    month_offset: int,
    move_to_business_day: bool,
    calendar: BankCalendar = DEFAULT_CALENDAR,
) -> date:
    """The due date of a competência's fee under a regra de vencimento."""
    month = add_months(competence, month_offset)
    if rule == DueRule.BUSINESS_DAY:
        try:
            return calendar.nth_business_day(month.year, month.month, day)
        except ValueError:  # fewer business days than asked: the month's last business day
            return calendar.previous_business_day(add_months(month, 1))
    due = clamp_day(month.year, month.month, day)
    return calendar.next_business_day(due) if move_to_business_day else due
