"""A marker row to tell the data of a backup from the data changed after it."""

from __future__ import annotations

from sqlalchemy import text

from contoffice.db.uow import Database

KEY = "teste.marca"


def set_marker(url: str, value: str) -> None:
    """Write the marker (office_setting row) on the URL's database."""
    db = Database(url)
    try:
        with db.uow() as uow:
            uow.session.execute(text("DELETE FROM office_setting WHERE key = :k"), {"k": KEY})
            uow.session.execute(text("INSERT INTO office_setting (key, value) VALUES (:k, :v)"),
                                {"k": KEY, "v": value})
            uow.commit()
    finally:
        db.dispose()


def marker(url: str) -> str | None:
    """The marker's value now."""
    db = Database(url)
    try:
        with db.uow() as uow:
            return uow.session.execute(
                text("SELECT value FROM office_setting WHERE key = :k"), {"k": KEY}
            ).scalar()
    finally:
        db.dispose()


def set_revision(url: str, revision: str) -> None:
    """Pretend the database is at another schema revision."""
    db = Database(url)
    try:
        with db.uow() as uow:
            uow.session.execute(text("UPDATE alembic_version SET version_num = :r"),
                                {"r": revision})
            uow.commit()
    finally:
        db.dispose()
