"""What the three imports do alike against the database: one import at a time, clients by
document."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, text

from contoffice.db.models import Person
from contoffice.db.uow import UnitOfWork

CHUNK = 900  # documents per IN (…): under SQLite's bound-parameter limit


def one_import_at_a_time(uow: UnitOfWork, what: str) -> None:
    """Wait for another desk's import of `what` (people, contracts, invoices) to commit."""
    # PostgreSQL: two desks importing at once would each miss the other's rows when they
    # check for repeats; the second waits here, then plans with the first one committed.
    # SQLite needs nothing: the import holds the write lock from its first read.
    if uow.session.connection().dialect.name == "postgresql":
        uow.session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"),
                            {"key": f"contoffice.import.{what}"})


def people_by_document(uow: UnitOfWork, documents: Sequence[str]) -> dict[str, tuple[int, str]]:
    """{document: (id, name)} of the registered people, the oldest record when repeated."""
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(documents), CHUNK):
        query = select(Person.document, Person.id, Person.name).where(
            Person.document.in_(documents[start:start + CHUNK])).order_by(Person.id)
        for document, person_id, name in uow.session.execute(query):
            found.setdefault(document, (person_id, name))
    return found
