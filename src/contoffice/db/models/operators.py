"""Office staff who log in, and the roles that grant them permission keys."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from contoffice.db.base import Base, UTCDateTime, utcnow


class OperatorRole(Base):
    """A named set of permission keys (e.g. Administrador, Financeiro, Atendimento)."""

    __tablename__ = "operator_role"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)  # every key, now and future
    permissions: Mapped[list[RolePermission]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )


class RolePermission(Base):
    __tablename__ = "role_permission"

    role_id: Mapped[int] = mapped_column(
        ForeignKey("operator_role.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(80), primary_key=True)


class Operator(Base):
    """A clerk's login: argon2 hash, lockout after N failures, optional expiry date."""

    __tablename__ = "operator"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254), default="")
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    role_id: Mapped[int] = mapped_column(ForeignKey("operator_role.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    expires_on: Mapped[date | None] = mapped_column(Date)
    max_attempts: Mapped[int] = mapped_column(Integer, default=5)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    role: Mapped[OperatorRole] = relationship(lazy="joined")

    __table_args__ = (UniqueConstraint("login"),)
