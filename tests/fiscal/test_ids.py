"""The 45-character DPS Id and the 59-character event Id (fiscal.md §1.4)."""

from __future__ import annotations

import pytest

from contoffice.fiscal.errors import DpsInvalid
from contoffice.fiscal.ids import dps_id, event_id


def test_synthetic_example_of_the_research() -> None:
    assert dps_id("4106902", "11222333000181", 1, 1) == (
        "DPS410690221122233300018100001000000000000001"
    )


def test_real_sefin_example_serie_900_number_3() -> None:
    got = dps_id("1505486", "31305199000190", 900, 3)
    assert got == "DPS150548623130519900019000900000000000000003"
    assert len(got) == 45


def test_alphanumeric_cnpj_masked_input() -> None:
    got = dps_id("4106902", "12.abc.345/01de-35", 1, 1)
    assert got == "DPS4106902212ABC34501DE3500001000000000000001"


def test_cpf_is_type_1_left_padded_to_14() -> None:
    got = dps_id("4106902", "529.982.247-25", 12, 345)
    assert got == "DPS4106902" + "1" + "00052998224725" + "00012" + "000000000000345"
    assert len(got) == 45
    assert got[10] == "1" and got[11:25] == "00052998224725"


def test_event_id_example() -> None:
    key = "41069022211222333000181000000000000126110123456789"
    assert event_id(key) == "PRE41069022211222333000181000000000000126110123456789101101"
    assert len(event_id(key)) == 59


def test_event_id_with_alphanumeric_key() -> None:
    key = "410690222" + "12ABC34501DE35" + "0" * 27
    assert event_id(key, "101101") == f"PRE{key}101101"


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("410690", "11222333000181", 1, 1), "cLocEmi"),
        (("4106902", "1122233300018", 1, 1), "CNPJ"),
        (("4106902", "11222333000181", 0, 1), "serie"),
        (("4106902", "11222333000181", 1, 10**15), "nDPS"),
    ],
)
def test_bad_parts_are_refused_naming_the_field(args: tuple, field: str) -> None:
    with pytest.raises(DpsInvalid) as caught:
        dps_id(*args)
    assert caught.value.field == field


def test_event_id_refuses_a_short_key() -> None:
    with pytest.raises(DpsInvalid, match="Chave de acesso"):
        event_id("4106902")
