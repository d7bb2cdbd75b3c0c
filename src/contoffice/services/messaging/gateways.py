"""Contas de envio → Gateways de SMS: the office's HTTP gateways; tokens go to the keyring only."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, update

from contoffice.core.secrets import STORE, sms_key
from contoffice.db.models import SmsGateway
from contoffice.db.uow import Database, UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.messaging.sms import (
    METHODS,
    SmsError,
    SmsGatewayConfig,
    check_config,
    send_sms,
)
from contoffice.services.kernel import audit
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.messaging import messages
from contoffice.services.messaging.accounts import PERMISSION

__all__ = ["METHODS", "GatewayInput", "GatewayRow", "check_gateway", "list_gateways",
           "save_gateway", "test_gateway"]

GATEWAY_NAME_USED = "Já existe um gateway de SMS chamado {name}."
TEST_TEXT = "Teste do gateway de SMS {name} pelo contoffice."
TEST_SENT = "O gateway de SMS {name} aceitou a mensagem de teste para {phone} (resposta {status})."
NO_PHONE = "Informe o telefone que recebe o teste."


@dataclass(frozen=True, slots=True)
class GatewayInput:
    """What the clerk types for an SMS gateway (the token is passed apart, never stored here)."""

    name: str
    url: str
    method: str
    headers: str
    body_template: str
    daily_limit: int = 0
    per_minute: int = 0
    is_default: bool = False
    active: bool = True


@dataclass(frozen=True, slots=True)
class GatewayRow:
    """A gateway as listed: its settings, and whether this desk has its token."""

    id: int
    data: GatewayInput
    has_token: bool


def _config(data: GatewayInput | SmsGateway) -> SmsGatewayConfig:
    return SmsGatewayConfig(url=data.url, method=data.method, headers=data.headers,
                            body_template=data.body_template)


def _check_config(data: GatewayInput) -> None:
    """check_config field by field, so a refusal is shown next to the field that caused it."""
    stages = (
        ("Método", SmsGatewayConfig("http://gateway", data.method, "", "")),
        ("URL", SmsGatewayConfig(data.url, data.method, "", "")),
        ("Cabeçalhos", SmsGatewayConfig(data.url, data.method, data.headers, "")),
        ("Corpo", _config(data)),
    )
    for field, config in stages:
        try:
            check_config(config)
        except SmsError as error:
            raise InvalidInput(error.message, field=field) from None


def check_gateway(data: GatewayInput) -> GatewayInput:
    """The input trimmed and validated, or InvalidInput naming the field."""
    name = (data.name or "").strip()
    if not name:
        raise InvalidInput(messages.REQUIRED.format(field="o nome"), field="Nome")
    for value, field in ((data.daily_limit, "Limite diário"), (data.per_minute, "Por minuto")):
        if value < 0:
            raise InvalidInput(messages.LIMIT_RANGE.format(field=field), field=field)
    _check_config(data)
    return GatewayInput(
        name=name, url=data.url.strip(), method=data.method.strip().upper(),
        headers=data.headers.strip(), body_template=data.body_template.strip(),
        daily_limit=data.daily_limit, per_minute=data.per_minute,
        is_default=data.is_default, active=data.active)


def save_gateway(uow: UnitOfWork, actor: Actor, data: GatewayInput, *,
                 gateway_id: int | None = None, new_token: str | None = None) -> int:
    """Create or update a gateway; a new token goes to the keyring. Returns the id."""
    require(actor, PERMISSION)
    data = check_gateway(data)
    with uow:
        taken = uow.session.scalar(select(SmsGateway.id).where(
            func.lower(SmsGateway.name) == data.name.lower()))
        if taken is not None and taken != gateway_id:
            raise InvalidInput(GATEWAY_NAME_USED.format(name=data.name), field="Nome")
        values = {f: getattr(data, f) for f in GatewayInput.__dataclass_fields__}
        old_key = None
        if gateway_id is None:
            row = SmsGateway(**values)
            uow.session.add(row)
        else:
            row = uow.get(SmsGateway, gateway_id, what="Gateway de SMS")
            old_key = sms_key(row.url)
            for key, value in values.items():
                setattr(row, key, value)
        uow.flush()
        if data.is_default:
            uow.session.execute(update(SmsGateway).where(SmsGateway.id != row.id)
                                .values(is_default=False))
        # The token is named after the URL: the audit shows where, never what, is sent.
        audit.record(uow, actor, "messaging.gateway_saved", "sms_gateway", row.id,
                     after={"name": data.name, "url": data.url, "metodo": data.method})
        uow.commit()
        new_key = sms_key(data.url)
        if new_token:
            STORE.put(new_key, new_token)
        elif old_key is not None and old_key != new_key:
            # The URL moved: the token kept for the old one goes with it.
            kept = STORE.get(old_key)
            if kept is not None:
                STORE.put(new_key, kept)
        return row.id


def list_gateways(uow: UnitOfWork) -> list[GatewayRow]:
    """Every gateway, the default first."""
    with uow:
        rows = uow.session.scalars(select(SmsGateway).order_by(
            SmsGateway.is_default.desc(), SmsGateway.name)).all()
        return [GatewayRow(
            id=r.id, data=GatewayInput(**{f: getattr(r, f)
                                          for f in GatewayInput.__dataclass_fields__}),
            has_token=STORE.get(sms_key(r.url)) is not None) for r in rows]


def test_gateway(db: Database, actor: Actor, gateway_id: int, phone: str) -> str:
    """Send a test SMS through the gateway ("Testar envio"); the pt-BR outcome."""
    require(actor, PERMISSION)
    if not (phone or "").strip():
        raise InvalidInput(NO_PHONE, field="Telefone")
    with db.uow() as uow:
        row = uow.get(SmsGateway, gateway_id, what="Gateway de SMS")
        config, name = _config(row), row.name
    token = STORE.get(sms_key(config.url))
    wanted = "#token#" in f"{config.url}{config.headers}{config.body_template}".lower()
    if token is None and wanted:
        raise NotAllowed(messages.NO_TOKEN.format(name=name))
    try:
        result = send_sms(config, token or "", phone, TEST_TEXT.format(name=name))
    except SmsError as error:
        raise NotAllowed(error.message) from None
    return TEST_SENT.format(name=name, phone=phone.strip(), status=result.status)
