"""Plain values the DPS and event builders take (no database, no UI)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Address:
    """A Brazilian address (endNac): city_code is the 7-digit IBGE code, cep 8 digits."""

    street: str
    number: str
    district: str
    city_code: str
    cep: str
    complement: str = ""


@dataclass(frozen=True, slots=True)
class Party:
    """Provider or taker: document is a CPF (11 digits) or CNPJ (14, may be alphanumeric)."""

    document: str
    name: str
    municipal_registration: str = ""
    address: Address | None = None
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class Regime:
    """regTrib: opSimpNac 1/2/3, regApTribSN 1/2/3 (ME/EPP only) or None, regEspTrib 0..9."""

    simples_option: int
    simples_regime: int | None
    special_regime: int


@dataclass(frozen=True, slots=True)
class ServiceLine:
    """cServ and the place of service: cTribNac, xDescServ, cLocPrestacao, cTribMun, cNBS."""

    national_code: str
    description: str
    place_code: str
    municipal_code: str = ""
    nbs: str = ""


@dataclass(frozen=True, slots=True)
class Taxes:
    """ISS withholding and rates in basis points (200 = 2,00 %)."""

    iss_withheld: bool = False
    iss_rate_bp: int | None = None
    simples_total_rate_bp: int | None = None


@dataclass(frozen=True, slots=True)
class Substitution:
    """The note this DPS replaces: chave (50), cMotivo "01".."05"/"99", xMotivo."""

    key: str
    reason_code: str
    reason_text: str = ""


@dataclass(frozen=True, slots=True)
class DpsData:
    """Everything one DPS v1.01 carries; amounts in integer cents."""

    environment: int
    issued_at: datetime
    app_version: str
    series: int
    number: int
    competence: date
    emitter_city: str
    provider: Party
    regime: Regime
    taker: Party | None
    service: ServiceLine
    amount_cents: int
    taxes: Taxes
    complement: str = ""
    substitution: Substitution | None = None


@dataclass(frozen=True, slots=True)
class CancelData:
    """Cancel event e101101: reason 1 erro na emissão, 2 serviço não prestado, 9 outros."""

    key: str
    environment: int
    issued_at: datetime
    provider_document: str
    reason_code: int
    justification: str
    app_version: str
