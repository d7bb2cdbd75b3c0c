"""person search: the finder's free text by any part, indexed (FTS5 trigram / pg_trgm)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 09:00:00

`person.search_key` holds, one a line, the folded name and trade name, the document
without mask, the e-mail and the phones (contoffice.db.models.people.person_search_key).
SQLite indexes it with an external-content FTS5 table (trigram tokenizer) kept in step
by triggers; PostgreSQL with a pg_trgm GIN index. A later migration that rebuilds
`person` on SQLite (batch mode: copy, DROP, rename) drops these triggers with the old
table and must create them again (the statements of `_SQLITE_INDEX`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The same text person_search_key builds in Python (names are folded already; the
# document and e-mail are ASCII, so lower() agrees on both databases).
_FILL = (
    "UPDATE person SET search_key = name_key || :sep || trade_name_key || :sep || "
    "lower(document) || :sep || lower(email) || :sep || phone || :sep || mobile"
)
_SQLITE_INDEX = (
    "CREATE VIRTUAL TABLE person_search USING fts5(search_key, content='person', "
    "content_rowid='id', tokenize='trigram case_sensitive 0', columnsize=0)",
    # External content: the index is told the old text to forget and the new one to add.
    "CREATE TRIGGER person_search_insert AFTER INSERT ON person BEGIN "
    "INSERT INTO person_search (rowid, search_key) VALUES (new.id, new.search_key); END",
    "CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN "
    "INSERT INTO person_search (person_search, rowid, search_key) "
    "VALUES ('delete', old.id, old.search_key); END",
    "CREATE TRIGGER person_search_update AFTER UPDATE OF search_key ON person BEGIN "
    "INSERT INTO person_search (person_search, rowid, search_key) "
    "VALUES ('delete', old.id, old.search_key); "
    "INSERT INTO person_search (rowid, search_key) VALUES (new.id, new.search_key); END",
    "INSERT INTO person_search (person_search) VALUES ('rebuild')",
)
_SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS person_search_insert",
    "DROP TRIGGER IF EXISTS person_search_delete",
    "DROP TRIGGER IF EXISTS person_search_update",
    "DROP TABLE IF EXISTS person_search",
)


def _create_sqlite_index() -> None:
    for statement in _SQLITE_INDEX:
        op.execute(statement)


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_key", sa.Text(), nullable=False, server_default=""))
    op.get_bind().execute(sa.text(_FILL), {"sep": "\n"})
    if op.get_bind().dialect.name == "sqlite":
        _create_sqlite_index()
    else:
        # Trusted since PostgreSQL 13: the database owner may create it.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX ix_person_search_key_trgm ON person "
            "USING gin (search_key gin_trgm_ops)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in _SQLITE_DROP:
            op.execute(statement)
    else:
        # pg_trgm stays: other objects of the database may use it by now.
        op.execute("DROP INDEX IF EXISTS ix_person_search_key_trgm")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("search_key")
