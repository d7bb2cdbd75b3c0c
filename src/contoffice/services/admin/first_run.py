"""What a database already holds, read before the first-run wizard decides its steps.

Read only: an SQLite file that does not exist is not created, a database without the
tables (a server's empty database) reads as a new office.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import make_url

from contoffice.db.models import OfficeSetting, Operator, Person
from contoffice.db.uow import Database


@dataclass(frozen=True, slots=True)
class DatabaseState:
    """An office's database as found: can anyone log in, has it people, its settings."""

    has_operators: bool = False
    has_people: bool = False
    settings: dict[str, str] = field(default_factory=dict)

    @property
    def is_new(self) -> bool:
        """Nobody can log in yet: the wizard creates the first administrator."""
        return not self.has_operators


def _sqlite_file_missing(url: str) -> bool:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return False
    return not parsed.database or not Path(parsed.database).exists()


def database_state(url: str) -> DatabaseState:
    """Read the database at `url` (a missing file or an empty database is a new office)."""
    if _sqlite_file_missing(url):
        return DatabaseState()
    db = Database(url)
    try:
        tables = set(inspect(db.engine).get_table_names())
        if not {"operator", "person", "office_setting"} <= tables:
            return DatabaseState()
        with db.uow() as uow:
            operators = uow.session.scalar(
                select(func.count()).select_from(Operator).where(Operator.password_hash != ""))
            people = uow.session.scalar(select(Person.id).limit(1))
            settings = dict(uow.session.execute(
                select(OfficeSetting.key, OfficeSetting.value)).all())
        return DatabaseState(bool(operators), people is not None, settings)
    finally:
        db.dispose()
