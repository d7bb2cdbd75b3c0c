"""Running a whole unit of work again when SQLite stayed busy past its timeout."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from contoffice.errors import DatabaseBusy

T = TypeVar("T")
ATTEMPTS = 3


def retry_when_busy(fn: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """Call `fn` again (up to `attempts` times) when it ended in DatabaseBusy.

    Safe because a busy database rolled the unit of work back whole: nothing of
    the failed attempt was written.
    """
    for attempt in range(attempts - 1):
        try:
            return fn()
        except DatabaseBusy:
            time.sleep(0.2 * (attempt + 1))
    return fn()
