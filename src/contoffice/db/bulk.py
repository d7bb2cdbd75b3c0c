"""Fast bulk loading for large data sets (the demo and benchmark offices).

The ORM and even Core executemany spend most of their time per bound value;
for millions of rows we hand pre-converted tuples to the driver: executemany on
SQLite, COPY on PostgreSQL. Only for trusted, generated data.
"""

from __future__ import annotations

import enum
import operator
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Table, text

from contoffice.db.base import Base
from contoffice.db.models.people import SEARCH_INDEX, SEARCH_TABLE, person_search_key

CHUNK = 50_000
# Columns derived from the rest of the row, as the ORM derives them on flush: a bulk load
# must leave them (and the search index over them) as a clerk's save would.
DERIVED: dict[str, tuple[str, Callable[[Mapping[str, Any]], Any]]] = {
    "person": ("search_key", person_search_key),
}


def table(name: str) -> Table:
    """The metadata table of that name."""
    return Base.metadata.tables[name]


def defaults(tbl: Table) -> dict[str, Any]:
    """Each column's scalar (or called-once) Python default."""
    values: dict[str, Any] = {}
    for column in tbl.columns:
        default = column.default
        if default is None or not hasattr(default, "arg"):
            continue
        arg = default.arg
        values[column.name] = arg(None) if callable(arg) else arg
    return values


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return _sqlite_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def insert(conn: Connection, name: str, rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert dict rows (missing columns take their defaults); returns the count."""
    if not rows:
        return 0
    tbl = table(name)
    base = defaults(tbl)
    if name in DERIVED:
        column, derive = DERIVED[name]
        rows = [{**row, column: derive(row)} for row in rows]
    columns = [c.name for c in tbl.columns if c.name in base or c.name in rows[0]]
    tuples: Iterable[tuple[Any, ...]]
    sqlite = conn.dialect.name == "sqlite"
    if sqlite and len(columns) > 1:
        # Dates and datetimes go through the adapters registered below: no per-value work.
        getter = operator.itemgetter(*columns)
        full = {**dict.fromkeys(columns), **base}
        tuples = (getter({**full, **row}) for row in rows)
    else:
        tuples = (tuple(_plain(row.get(c, base.get(c)), sqlite) for c in columns)
                  for row in rows)
    write_tuples(conn, name, columns, tuples)
    return len(rows)


def _pg_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def write_tuples(
    conn: Connection, name: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> None:
    """Write already-ordered tuples through the driver's fastest path."""
    raw = conn.connection.driver_connection
    assert raw is not None
    cols = ", ".join(columns)
    if conn.dialect.name == "sqlite":
        marks = ", ".join("?" * len(columns))
        cursor = raw.cursor()
        cursor.executemany(f"INSERT INTO {name} ({cols}) VALUES ({marks})", rows)
        cursor.close()
        return
    with raw.cursor() as cursor, cursor.copy(f"COPY {name} ({cols}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _sqlite_datetime(value: datetime) -> str:
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")


# How SQLAlchemy stores them on SQLite (ISO text, UTC): the driver converts them itself,
# for the bulk paths here only (SQLAlchemy hands the driver text already).
sqlite3.register_adapter(date, date.isoformat)
sqlite3.register_adapter(datetime, _sqlite_datetime)

_AS_IS = frozenset({int, str, bool, float, bytes, type(None)})


def _plain(value: Any, sqlite: bool) -> Any:
    if type(value) in _AS_IS:  # most values: one set lookup, no conversion
        return value
    if isinstance(value, enum.Enum):
        return value.value
    return _sqlite_value(value) if sqlite else _pg_value(value)


def execute_many(conn: Connection, sql: str, rows: Sequence[Sequence[Any]]) -> int:
    """Run one statement (`?` marks) once per row through the driver; the rows it matched.

    In the connection's transaction, values always bound (never spliced into the SQL):
    the driver's executemany without SQLAlchemy's per-value processing.
    """
    if not rows:
        return 0
    raw = conn.connection.driver_connection
    assert raw is not None
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        values: Sequence[Sequence[Any]] = rows  # the adapters below convert dates
        cursor = raw.cursor()
        try:
            cursor.executemany(sql, values)
            return int(cursor.rowcount)
        finally:
            cursor.close()
    values = [tuple(_plain(v, False) for v in row) for row in rows]
    with raw.cursor() as cursor:
        cursor.executemany(sql.replace("?", "%s"), values)
        return int(cursor.rowcount)


def reserve_ids(conn: Connection, name: str, count: int) -> list[int]:
    """`count` new ids of the table, for rows this transaction inserts with them.

    PostgreSQL takes them from the table's sequence (safe beside other desks); SQLite,
    whose writers take turns, continues after the largest id as it would itself.
    """
    if count <= 0:
        return []
    if conn.dialect.name == "postgresql":
        return list(conn.execute(text(
            f"SELECT nextval(pg_get_serial_sequence('{name}', 'id'))"
            " FROM generate_series(1, :n)"), {"n": count}).scalars())
    first = next_id(conn, name)
    return list(range(first, first + count))


def next_id(conn: Connection, name: str) -> int:
    """One past the largest id of the table."""
    return int(conn.execute(text(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {name}")).scalar_one())


def reset_sequences(conn: Connection, names: Iterable[str]) -> None:
    """After inserting explicit ids on PostgreSQL, move each serial past the largest id."""
    if conn.dialect.name != "postgresql":
        return
    for name in names:
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
            )
        )


@contextmanager
def search_index_deferred(conn: Connection) -> Iterator[None]:
    """The people loaded inside are indexed for the finder in one go at the end, not per row.

    SQLite: the FTS5 triggers of migration 0006 cost a tenth of a millisecond a row; one
    'rebuild' costs a tenth of that. PostgreSQL's GIN index takes COPY's rows itself, but
    parks the last ones in its pending list, which every search then reads through.
    """
    if conn.dialect.name != "sqlite":
        yield
        conn.execute(  # only its owner may; anyone else leaves it to autovacuum
            text("SELECT gin_clean_pending_list(c.oid) FROM pg_class c "
                 "WHERE c.oid = to_regclass(:index) AND pg_has_role(c.relowner, 'USAGE')"),
            {"index": SEARCH_INDEX},
        )
        return
    # Taken from the schema itself, so they come back exactly as the migration wrote them.
    triggers = conn.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
             "AND tbl_name = 'person' AND substr(name, 1, :n) = :prefix"),
        {"n": len(SEARCH_TABLE) + 1, "prefix": SEARCH_TABLE + "_"},
    ).all()
    for name, _sql in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    try:
        yield
    finally:
        conn.exec_driver_sql(f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}) VALUES ('rebuild')")
        for _name, sql in triggers:
            conn.exec_driver_sql(sql)
