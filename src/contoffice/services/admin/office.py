"""The office's own identity and shared settings (OfficeSetting rows, every desk)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from contoffice.core.documents import validate_cnpj
from contoffice.core.validation import ValidationError
from contoffice.db.models import OfficeSetting
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.kernel import audit, money_limits
from contoffice.services.kernel.permissions import Actor, require


@dataclass(frozen=True, slots=True)
class OfficeIdentity:
    """Who bills: printed as beneficiário on boletos and as issuer on receipts."""

    name: str
    document: str
    address: str
    city: str
    state: str
    phone: str
    site: str


def settings(uow: UnitOfWork) -> dict[str, str]:
    """Every office-wide setting."""
    return dict(uow.session.execute(select(OfficeSetting.key, OfficeSetting.value)).all())


def identity(uow: UnitOfWork) -> OfficeIdentity:
    """The office identity from the settings (empty strings where not configured)."""
    values = settings(uow)
    return OfficeIdentity(
        *(
            values.get(f"office.{k}", "")
            for k in ("name", "document", "address", "city", "state", "phone", "site")
        )
    )


LOGIN_FOR_READS = "cli.login_for_reads"
_YES = frozenset({"1", "true", "sim", "s", "yes", "on"})


def login_for_reads(values: dict[str, str]) -> bool:
    """Whether the office asks read-only commands of the command line to log in too."""
    return values.get(LOGIN_FOR_READS, "").strip().lower() in _YES


def save_settings(uow: UnitOfWork, actor: Actor, values: dict[str, str]) -> None:
    """Change office-wide settings (Configuração Básica), audited."""
    require(actor, "settings.office")
    # The ceiling, confirmation threshold and founding date are bounded (money_limits).
    values = money_limits.checked_settings(uow, values)
    if values.get("office.document"):
        try:
            values["office.document"] = validate_cnpj(values["office.document"])
        except ValidationError as error:
            raise InvalidInput(error.message, field=error.field) from None
    for key, value in values.items():
        row = uow.session.get(OfficeSetting, key)
        before = row.value if row else None
        if row is None:
            row = OfficeSetting(key=key, value=value)
            uow.session.add(row)
        row.value = value
        audit.record(
            uow,
            actor,
            "setting.changed",
            "office_setting",
            None,
            before={key: before},
            after={key: value},
        )
    uow.commit()
