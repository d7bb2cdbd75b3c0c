"""status checks and keys: CHECK constraints on the closed vocabularies, two missing FKs

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 09:00:00

Every status (and kind, method, due rule) column gets a named CHECK constraint listing
the values of its core.vocab StrEnum as they are today, and two id columns that
pointed at a table without saying so get their foreign key: charge.billing_run_id and
invoice.replaced_by_id (audit_event.person_id stays free: the trail outlives what it
records, and a key would forbid deleting a person). Nothing is converted: the values
stored stay exactly as they are. A row outside its vocabulary, or an id pointing at
nothing, stops the upgrade with a message naming it (the SQLite file is restored from
its backup, PostgreSQL rolls back) instead of being changed silently.

SQLite rebuilds each table (batch mode: copy, DROP, rename) keeping its indexes, the
partial ones included; PostgreSQL alters in place. `person` is not touched (its FTS5
triggers of 0006 would go with a rebuilt table): person.kind has had its CHECK since
0001.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Frozen here on purpose: a later member of an enum comes with its own migration.
CHECKS: dict[str, dict[str, tuple[str, ...]]] = {
    "contract": {
        "status": ("active", "suspended", "cancelled", "awaiting", "cancel_requested"),
        "due_rule": ("fixed_day", "business_day"),
    },
    "charge": {
        "kind": ("fee", "one_off", "discount", "surcharge", "additional"),
        "status": ("open", "suspended", "settled", "removed"),
    },
    "invoice": {
        "status": ("open", "partial", "settled", "suspended", "removed"),
        "remittance_status": ("none", "pending", "generated", "transmitted"),
        "fiscal_status": ("none", "pending", "issued"),
        "reconciliation_status": ("none", "awaiting", "reconciled"),
    },
    "settlement": {"method": ("bank_profile", "other", "return_file", "cash")},
    "cash_account": {"kind": ("cofre", "caixa", "banco")},
    "billing_run": {"status": ("running", "done")},
    "cancellation_request": {"status": ("open", "kept", "cancelled")},
}
# (table, column, referred table): the id column and the table it has always meant.
KEYS: tuple[tuple[str, str, str], ...] = (
    ("charge", "billing_run_id", "billing_run"),
    ("invoice", "replaced_by_id", "invoice"),
)
_SHOWN = 5  # offending values or ids named in the message, per column


def _in_list(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def _tables() -> list[str]:
    return list(dict.fromkeys([*CHECKS, *(table for table, _c, _r in KEYS)]))


def _problems(conn: sa.Connection) -> list[str]:
    """What in the data the new constraints would refuse, one line a column."""
    found: list[str] = []
    for table, columns in CHECKS.items():
        for column, values in columns.items():
            rows = conn.execute(sa.text(
                f"SELECT {column}, COUNT(*) FROM {table} "
                f"WHERE {column} IS NULL OR NOT ({_in_list(column, values)}) "
                f"GROUP BY {column} ORDER BY {column}"
            )).all()
            if rows:
                shown = ", ".join(f"{value!r} ({count})" for value, count in rows[:_SHOWN])
                found.append(f"{table}.{column} fora da lista: {shown}")
    for table, column, referred in KEYS:
        rows = conn.execute(sa.text(
            f"SELECT t.id, t.{column} FROM {table} t WHERE t.{column} IS NOT NULL AND "
            f"NOT EXISTS (SELECT 1 FROM {referred} r WHERE r.id = t.{column}) ORDER BY t.id"
        )).all()
        if rows:
            shown = ", ".join(f"{table} {row_id} → {ref}" for row_id, ref in rows[:_SHOWN])
            found.append(
                f"{table}.{column} aponta para {referred} inexistente em {len(rows)} "
                f"linha(s): {shown}"
            )
    return found


def upgrade() -> None:
    problems = _problems(op.get_bind())
    if problems:
        raise RuntimeError(
            "a migração 0007 não altera dados; corrija antes de atualizar: "
            + "; ".join(problems)
        )
    for table in _tables():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, values in CHECKS.get(table, {}).items():
                batch_op.create_check_constraint(
                    batch_op.f(f"ck_{table}_{column}"), _in_list(column, values)
                )
            for key_table, column, referred in KEYS:
                if key_table == table:
                    batch_op.create_foreign_key(
                        batch_op.f(f"fk_{table}_{column}_{referred}"), referred, [column], ["id"]
                    )


def downgrade() -> None:
    for table in reversed(_tables()):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for key_table, column, referred in KEYS:
                if key_table == table:
                    batch_op.drop_constraint(
                        batch_op.f(f"fk_{table}_{column}_{referred}"), type_="foreignkey"
                    )
            for column in CHECKS.get(table, {}):
                batch_op.drop_constraint(batch_op.f(f"ck_{table}_{column}"), type_="check")
