"""Address by CEP: ask ViaCEP (or the office's own service) for street, district and city.

Only the standard library, with a 5-second timeout: the wizard and the person form call it
on a worker and fall back to the address typed by hand whatever goes wrong.
"""

from __future__ import annotations

import http.client
import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from contoffice.core import municipalities
from contoffice.core.postal import validate_cep
from contoffice.core.validation import ValidationError
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.admin import cep_messages as m

VIACEP = "https://viacep.com.br/ws/{cep}/json/"
ENV_URL = "CONTOFFICE_CEP_URL"  # tests, and offices with their own CEP service
TIMEOUT = 5.0  # seconds: past that the clerk types the address
MAX_BYTES = 64 * 1024  # a ViaCEP answer is a few hundred bytes
_NOT_FOUND_STATUS = frozenset({400, 404})  # ViaCEP: 400 for a CEP it cannot read


@dataclass(frozen=True)
class Address:
    """An address a CEP names; city and state as the IBGE list spells them."""

    street: str
    district: str
    city: str
    state: str
    ibge_code: str
    cep: str

    @property
    def city_label(self) -> str:
        """ "Campinas/SP", as the city fields show it."""
        return f"{self.city}/{self.state}"


def service_url(cep: str, base_url: str | None = None) -> str:
    """The URL asked for `cep`: `base_url`, else $CONTOFFICE_CEP_URL, else ViaCEP."""
    base = base_url or os.environ.get(ENV_URL, "").strip() or VIACEP
    if "{cep}" not in base:  # a bare host: ViaCEP's own path under it
        base = base.rstrip("/") + "/ws/{cep}/json/"
    return base.replace("{cep}", cep)


def lookup(cep: str, *, base_url: str | None = None, timeout: float = TIMEOUT) -> Address:
    """The address of `cep`; InvalidInput for a bad or unknown CEP, NotAllowed when offline."""
    try:
        digits = validate_cep(cep, m.CEP_FIELD)
    except ValidationError as error:
        raise InvalidInput(error.message, error.field) from None
    data = _fetch(service_url(digits, base_url), timeout)
    if not isinstance(data, dict):
        raise NotAllowed(m.CEP_UNAVAILABLE)
    if data.get("erro") in (True, "true"):
        raise InvalidInput(m.CEP_NOT_FOUND, m.CEP_FIELD)
    city = municipalities.by_code(_text(data, "ibge")) or municipalities.by_name(
        _text(data, "localidade"), _text(data, "uf"))
    if city is None:
        raise InvalidInput(m.CEP_CITY_UNKNOWN, m.CEP_FIELD)
    return Address(_text(data, "logradouro"), _text(data, "bairro"), city.name, city.state,
                   city.code, digits)


def _fetch(url: str, timeout: float) -> Any:
    """The service's JSON answer; the CEP's refusal and every outage told apart."""
    if urlsplit(url).scheme not in ("http", "https"):  # never file:// or ftp:// from a setting
        raise NotAllowed(m.CEP_UNAVAILABLE)
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "contoffice"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        error.close()
        if error.code in _NOT_FOUND_STATUS:
            raise InvalidInput(m.CEP_NOT_FOUND, m.CEP_FIELD) from None
        raise NotAllowed(m.CEP_UNAVAILABLE) from None
    except (OSError, http.client.HTTPException, ValueError):
        # URLError (refused, unknown host, TLS), timeouts and broken answers alike.
        raise NotAllowed(m.CEP_UNAVAILABLE) from None
    if len(body) > MAX_BYTES:
        raise NotAllowed(m.CEP_UNAVAILABLE)
    try:
        return json.loads(body.decode("utf-8"))
    except ValueError:  # an HTML error page from a proxy, say
        raise NotAllowed(m.CEP_UNAVAILABLE) from None


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value.strip() if isinstance(value, str) else ""
