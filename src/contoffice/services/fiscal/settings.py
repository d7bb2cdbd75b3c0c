"""Dados fiscais do escritório: office_setting rows "fiscal.*", read and saved as one value."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path

from sqlalchemy import select

from contoffice.core import municipalities
from contoffice.core.format import format_competence, parse_competence
from contoffice.core.validation import ValidationError
from contoffice.db.models import OfficeSetting
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.fiscal import messages as m
from contoffice.services.kernel import audit
from contoffice.services.kernel.permissions import Actor, require

PREFIX = "fiscal."
SEFIN, SIMULATOR = "sefin", "simulador"
PROFILES = ("sha256", "sha1")


@dataclass(frozen=True, slots=True)
class FiscalSettings:
    """What the office's DPS carries besides the invoice (fiscal.md §6), and how it is sent."""

    municipal_registration: str = ""
    simples_option: int = 3  # opSimpNac: 1 não optante, 2 MEI, 3 ME/EPP
    simples_regime: int | None = 1  # regApTribSN (ME/EPP only)
    special_regime: int = 0  # regEspTrib
    service_code: str = "171901"  # cTribNac: item 17.19, contabilidade
    municipal_code: str = ""  # cTribMun
    nbs: str = "113022100"
    city_code: str = ""  # IBGE of the office: cLocEmi and cLocPrestacao
    iss_rate_bp: int | None = None  # sent only when withheld or outside the Simples
    iss_withheld: bool = False
    simples_total_rate_bp: int | None = None  # pTotTribSN
    series: int = 1
    environment: int = 2  # 1 produção, 2 produção restrita
    transmission: str = SIMULATOR
    signature_profile: str = "sha256"
    first_competence: date | None = None  # earlier competências need no note
    on_settled: bool = False  # the note waits for the settlement and carries the paid value
    description: str = "Serviços de contabilidade"
    sefin_url: str = ""  # empty: the Sefin Nacional of the environment
    ca_file: str = ""  # empty: the system's certificate authorities
    simulator_file: str = ""  # empty: sefin-simulador.json in the user data folder
    timeout_seconds: int = 30


_INTS = {"simples_option", "special_regime", "series", "environment", "timeout_seconds"}
_OPTIONAL_INTS = {"simples_regime", "iss_rate_bp", "simples_total_rate_bp"}
_BOOLS = {"iss_withheld", "on_settled"}


def _parse(name: str, raw: str) -> object:
    if name in _INTS:
        return int(raw)
    if name in _OPTIONAL_INTS:
        return int(raw) if raw.strip() else None
    if name in _BOOLS:
        return raw == "1"
    if name == "first_competence":
        return parse_competence(raw) if raw.strip() else None
    return raw


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, date):
        return format_competence(value)
    return "" if value is None else str(value)


def read(uow: UnitOfWork) -> FiscalSettings:
    """The office's fiscal settings (defaults where never saved)."""
    rows = dict(uow.session.execute(select(OfficeSetting.key, OfficeSetting.value)
                                    .where(OfficeSetting.key.startswith(PREFIX))).all())
    values: dict[str, object] = {}
    for f in fields(FiscalSettings):
        raw = rows.get(PREFIX + f.name)
        if raw is None:
            continue
        try:
            values[f.name] = _parse(f.name, raw)
        except (ValueError, ValidationError):  # a hand-edited row: the default stands
            continue
    return FiscalSettings(**values)  # type: ignore[arg-type]


def check(values: FiscalSettings) -> None:
    """Refuse settings no DPS could carry, naming the field."""
    problems = [
        (values.environment not in (1, 2), m.SETTING_ENVIRONMENT, "environment"),
        (values.transmission not in (SEFIN, SIMULATOR), m.SETTING_TRANSMISSION, "transmission"),
        # The local simulator answers as produção restrita only (it would refuse tpAmb 1).
        (values.transmission == SIMULATOR and values.environment == 1,
         m.SETTING_SIMULATOR_PRODUCTION, "environment"),
        (values.signature_profile not in PROFILES, m.SETTING_PROFILE, "signature_profile"),
        (not 1 <= values.series <= 49999, m.SETTING_SERIES, "series"),
        (values.simples_option not in (1, 2, 3), m.SETTING_SIMPLES, "simples_option"),
        (values.simples_regime not in (None, 1, 2, 3), m.SETTING_SIMPLES, "simples_regime"),
        (not 0 <= values.special_regime <= 9, m.SETTING_SPECIAL, "special_regime"),
        (not (len(values.service_code) == 6 and values.service_code.isdigit()),
         m.SETTING_SERVICE_CODE, "service_code"),
        (bool(values.nbs) and not (len(values.nbs) == 9 and values.nbs.isdigit()),
         m.SETTING_NBS, "nbs"),
        (municipalities.by_code(values.city_code) is None, m.SETTING_CITY, "city_code"),
        (values.iss_rate_bp is not None and not 0 < values.iss_rate_bp <= 500,
         m.SETTING_ISS_RATE, "iss_rate_bp"),
        (values.simples_total_rate_bp is not None
         and not 0 <= values.simples_total_rate_bp <= 10000, m.SETTING_SIMPLES_RATE,
         "simples_total_rate_bp"),
        (not 1 <= values.timeout_seconds <= 600, m.SETTING_TIMEOUT, "timeout_seconds"),
    ]
    for failed, message, field in problems:
        if failed:
            raise InvalidInput(message, field=field)


def save(uow: UnitOfWork, actor: Actor, values: FiscalSettings) -> None:
    """Save the office's fiscal settings (Configurações → Dados fiscais), audited."""
    require(actor, "settings.fiscal")
    check(values)
    before = read(uow)
    old, new = asdict(before), asdict(values)
    for name, value in new.items():
        key = PREFIX + name
        row = uow.session.get(OfficeSetting, key)
        if row is None:
            uow.session.add(OfficeSetting(key=key, value=_text(value)))
        else:
            row.value = _text(value)
    changed = {k for k in new if new[k] != old[k]}
    if changed:
        audit.record(uow, actor, "fiscal.settings_changed", "office_setting", None,
                     before={k: old[k] for k in sorted(changed)},
                     after={k: new[k] for k in sorted(changed)})
    uow.commit()


def simulator_path(values: FiscalSettings) -> Path:
    """Where the local simulator keeps the notes it authorised (the user data folder)."""
    if values.simulator_file:
        return Path(values.simulator_file)
    from contoffice.config import data_dir

    return data_dir() / "sefin-simulador.json"
