"""Alembic environment: one tree for SQLite and PostgreSQL (batch mode for SQLite ALTERs)."""

from __future__ import annotations

from alembic import context

import contoffice.db.models  # noqa: F401  (fills the metadata)
from contoffice.db.base import Base
from contoffice.db.engine import make_engine

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("contoffice migrations run online only")
run_migrations_online()
