"""People (clients, suppliers, …) and the history of their e-mail tests."""

from __future__ import annotations

import string
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    event,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from contoffice.core.vocab import PersonKind
from contoffice.db.base import Base, UTCDateTime, utcnow
from contoffice.db.models.vocab_types import vocab


class Person(Base):
    """A registration (cadastro): PF, PJ or pré-cadastro, with its roles."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Checked since 0001 by ck_person_kind (below): typed only, the table is not rebuilt
    # (that would drop the finder's FTS5 triggers of migration 0006).
    kind: Mapped[PersonKind] = mapped_column(vocab(PersonKind, "kind", 3, check=False))
    roles: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(String(150))
    trade_name: Mapped[str] = mapped_column(String(150), default="")
    document: Mapped[str] = mapped_column(String(14), default="")  # normalized, no mask
    state_registration: Mapped[str] = mapped_column(String(20), default="")  # IE
    municipal_registration: Mapped[str] = mapped_column(String(20), default="")  # IM
    email: Mapped[str] = mapped_column(String(254), default="")
    email_cc: Mapped[str] = mapped_column(String(500), default="")  # more addresses, ; separated
    phone: Mapped[str] = mapped_column(String(13), default="")  # digits only
    mobile: Mapped[str] = mapped_column(String(13), default="")
    street: Mapped[str] = mapped_column(String(150), default="")  # logradouro
    number: Mapped[str] = mapped_column(String(20), default="")
    complement: Mapped[str] = mapped_column(String(80), default="")
    district: Mapped[str] = mapped_column(String(80), default="")  # bairro
    city: Mapped[str] = mapped_column(String(80), default="")
    state: Mapped[str] = mapped_column(String(2), default="")  # UF
    postal_code: Mapped[str] = mapped_column(String(8), default="")  # CEP, digits
    city_ibge_code: Mapped[str] = mapped_column(String(7), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    registered_on: Mapped[date] = mapped_column(Date)
    notes1: Mapped[str] = mapped_column(Text, default="")  # Observação 1 (fiscal documents)
    notes2: Mapped[str] = mapped_column(Text, default="")  # Observação 2
    internal_notes: Mapped[str] = mapped_column(Text, default="")
    assigned_operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    default_due_day: Mapped[int | None] = mapped_column(Integer)  # condições de pagamento
    # Client access data (seed 001/003): login, hashed password, expiry, attempt limit.
    access_login: Mapped[str | None] = mapped_column(String(80), unique=True)
    access_password_hash: Mapped[str | None] = mapped_column(String(200))
    access_expires_on: Mapped[date | None] = mapped_column(Date)
    access_max_attempts: Mapped[int] = mapped_column(Integer, default=5)
    access_failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    # A server default, so a row written by an older schema's code path still inserts.
    access_active: Mapped[bool] = mapped_column(Boolean, server_default=false())
    # Folded copies (lower case, no accents) so search is accent-insensitive and indexable.
    name_key: Mapped[str] = mapped_column(String(150), default="")
    trade_name_key: Mapped[str] = mapped_column(String(150), default="")
    city_key: Mapped[str] = mapped_column(String(80), default="")
    district_key: Mapped[str] = mapped_column(String(80), default="")
    street_key: Mapped[str] = mapped_column(String(150), default="")
    # The finder's free text (SCENARIOS 2), derived by `person_search_key` below on every flush and
    # bulk load: SQLite indexes it with FTS5 trigram (table person_search, kept by triggers),
    # PostgreSQL with pg_trgm (GIN index ix_person_search_key_trgm). Both live in migration
    # 0006, outside this metadata: a later migration that rebuilds `person` on SQLite (batch
    # mode) drops the triggers with the old table and must create them again.
    search_key: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("kind IN ('PF','PJ','PRE')", name="kind"),
        CheckConstraint("roles >= 0 AND roles < 16", name="roles"),
        Index("ix_person_active_registered", "active", "registered_on", "id"),
        Index("ix_person_active_name", "active", "name_key"),
        Index("ix_person_document", "document"),
        Index("ix_person_city_kind", "city_key", "kind"),
        Index("ix_person_district", "district_key"),
        Index("ix_person_street", "street_key"),
        Index("ix_person_postal_code", "postal_code"),
        Index("ix_person_trade_name", "trade_name_key"),
        Index("ix_person_email", "email"),
        Index("ix_person_roles_kind", "roles", "kind"),
    )


SEARCH_TABLE = "person_search"  # SQLite: FTS5 over person.search_key
SEARCH_INDEX = "ix_person_search_key_trgm"  # PostgreSQL: GIN (gin_trgm_ops) on person.search_key
# The tables SQLite makes for an external-content FTS5 table, beside the virtual one.
_SEARCH_SHADOWS = frozenset(f"{SEARCH_TABLE}_{part}" for part in
                            ("data", "idx", "content", "docsize", "config"))
SEARCH_FIELDS = ("name_key", "trade_name_key", "document", "email", "phone", "mobile")
# A line break is never typed in the one-line search box, so no match spans two fields.
SEARCH_SEPARATOR = "\n"
# ASCII-only, as SQLite's lower() in the migration that filled the existing rows.
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def person_search_key(values: Mapping[str, Any]) -> str:
    """The finder's search text: folded names, bare document, e-mail and phones, one a line."""
    parts = (str(values.get(field) or "") for field in SEARCH_FIELDS)
    return SEARCH_SEPARATOR.join(part.translate(_ASCII_LOWER) for part in parts)


def include_name(name: str | None, type_: str, _parents: Mapping[str, Any]) -> bool:
    """Alembic's include_name: skip the search objects migration 0006 keeps beside the models."""
    if type_ == "table":
        return name != SEARCH_TABLE and name not in _SEARCH_SHADOWS
    return not (type_ == "index" and name == SEARCH_INDEX)


@event.listens_for(Person, "before_insert")
@event.listens_for(Person, "before_update")
def _derive_search_key(_mapper: Any, _connection: Any, person: Person) -> None:
    # Every ORM write keeps the key in step; bulk loads derive it in db.bulk.
    person.search_key = person_search_key({f: getattr(person, f) for f in SEARCH_FIELDS})


class EmailTest(Base):
    """One test of a person's e-mail address (advanced search filter 10)."""

    __tablename__ = "email_test"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    address: Mapped[str] = mapped_column(String(254))
    tested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ok: Mapped[bool] = mapped_column(Boolean, default=True)
    detail: Mapped[str] = mapped_column(String(300), default="")

    __table_args__ = (Index("ix_email_test_tested_at", "tested_at", "person_id"),)
