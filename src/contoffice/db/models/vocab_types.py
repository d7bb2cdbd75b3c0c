"""Closed-vocabulary columns: a core.vocab StrEnum stored as its value, checked by the database.

A column typed with `vocab(...)` stays the VARCHAR it always was (no native ENUM type,
so SQLite and PostgreSQL store the same text and migrations stay plain ALTERs); it reads
back as the StrEnum member, which still equals its plain string. With `check` the table
gets a named CHECK constraint, `ck_<table>_<name>`, listing the enum's values: a value
outside them is refused by the database itself, whichever path wrote it (ORM, Core,
bulk COPY, a hand-written UPDATE). Migration 0007 created the constraints of the
columns that had none; a new member needs a migration that widens its constraint.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum


def _values(enum: type[StrEnum]) -> list[str]:
    # Stored as the member's value ("open"), never its Python name ("OPEN").
    return [member.value for member in enum]


def vocab(enum: type[StrEnum], name: str, length: int, *, check: bool = True) -> Enum:
    """The column type of a closed vocabulary: VARCHAR(length), CHECK named `name` if `check`.

    `check=False` is for a column whose CHECK constraint predates this type (it is
    declared in the table's own arguments, under its old name).
    """
    return Enum(
        enum,
        name=name,
        length=length,
        native_enum=False,
        create_constraint=check,
        values_callable=_values,
        # Unknown strings reach the database, whose CHECK refuses them (IntegrityError),
        # rather than failing in Python on one write path and not on another.
        validate_strings=False,
    )
