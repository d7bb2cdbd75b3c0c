"""The questions a tool asks before it writes ("tenho certeza"), and how a preview collects them.

A real call raises `NeedsConfirmation` for a question the caller has not
answered yet. A preview (dry run) raises nothing: it notes the question, so
the window can ask everything the preview found and then run the tool once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from contoffice.errors import NeedsConfirmation


@dataclass(frozen=True, slots=True)
class Question:
    """One question of a tool: its key (the answer the service checks) and its pt-BR text."""

    key: str
    message: str


_noted: ContextVar[list[Question] | None] = ContextVar("contoffice_questions", default=None)


def ask(key: str, message: str, *, confirmed: frozenset[str], dry_run: bool) -> None:
    """Go on if `key` is confirmed; in a preview note the question; else raise it."""
    if key in confirmed:
        return
    if dry_run:
        noted = _noted.get()
        if noted is not None and all(q.key != key for q in noted):
            noted.append(Question(key, message))
        return
    raise NeedsConfirmation(key, message)


@contextmanager
def collecting() -> Iterator[list[Question]]:
    """Collect, in order, the questions the calls made inside the block would ask."""
    noted: list[Question] = []
    token = _noted.set(noted)
    try:
        yield noted
    finally:
        _noted.reset(token)
