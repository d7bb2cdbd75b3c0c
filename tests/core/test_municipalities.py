"""The IBGE list: complete, searchable, and checked against the address's UF."""

from __future__ import annotations

import pytest

from contoffice.core import municipalities as ibge
from contoffice.core.validation import ValidationError
from contoffice.demo.data import CITIES


def test_the_list_is_complete_and_codes_are_unique() -> None:
    everything = ibge.all_municipalities()
    assert len(everything) == 5570
    assert len({m.code for m in everything}) == 5570
    assert all(len(m.code) == 7 and m.code.isdigit() for m in everything)
    assert len({m.state for m in everything}) == 27


def test_lookups() -> None:
    assert ibge.by_code("3550308").label == "São Paulo/SP"
    assert ibge.by_name("SAO PAULO", "sp").code == "3550308"
    assert [m.label for m in ibge.search("belo hori")] == ["Belo Horizonte/MG"]
    assert {m.state for m in ibge.search("santa", state="SC")} == {"SC"}


def test_demo_cities_carry_their_real_codes() -> None:
    for name, uf, code, _cep in CITIES:
        assert ibge.by_code(code) == ibge.by_name(name, uf), name


def test_resolve_refuses_unknown_codes_and_wrong_states() -> None:
    assert ibge.resolve("", "Campinas", "SP").code == "3509502"
    assert ibge.resolve("", "", "") is None
    with pytest.raises(ValidationError, match="não existe"):
        ibge.resolve("1234567", "", "SP")
    with pytest.raises(ValidationError, match="não fica na UF RJ"):
        ibge.resolve("3550308", "São Paulo", "RJ")
