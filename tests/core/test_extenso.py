import pytest
from hypothesis import given
from hypothesis import strategies as st
from num2words import num2words

from contoffice.core.extenso import cardinal, valor_por_extenso, valor_por_extenso_upper

# features.md §4.3, worked out by hand (num2words alone gets 0,50, 1.234,56 and 2.114 wrong).
CASES = [
    (1, "um centavo"),
    (50, "cinquenta centavos"),
    (100, "um real"),
    (101, "um real e um centavo"),
    (10000, "cem reais"),
    (10100, "cento e um reais"),
    (100000, "mil reais"),
    (100100, "mil e um reais"),
    (108000, "mil e oitenta reais"),
    (110000, "mil e cem reais"),
    (120000, "mil e duzentos reais"),
    (123456, "mil duzentos e trinta e quatro reais e cinquenta e seis centavos"),
    (211400, "dois mil cento e catorze reais"),
    (100000000, "um milhão de reais"),
    (150000000, "um milhão e quinhentos mil reais"),
    (200000001, "dois milhões de reais e um centavo"),
    # beyond the research table
    (0, "zero reais"),
    (200, "dois reais"),
    (2, "dois centavos"),
    (2100000, "vinte e um mil reais"),
    (10000000, "cem mil reais"),
    (10100000, "cento e um mil reais"),
    (200000100, "dois milhões e um reais"),
    (100100000, "um milhão e mil reais"),
    (120030000, "um milhão duzentos mil e trezentos reais"),
    (100000000000, "um bilhão de reais"),
    (
        99999999,
        "novecentos e noventa e nove mil novecentos e noventa e nove reais e "
        "noventa e nove centavos",
    ),
]


@pytest.mark.parametrize(("cents", "expected"), CASES)
def test_valor_por_extenso(cents: int, expected: str) -> None:
    assert valor_por_extenso(cents) == expected


def test_upper() -> None:
    assert valor_por_extenso_upper(123456) == (
        "MIL DUZENTOS E TRINTA E QUATRO REAIS E CINQUENTA E SEIS CENTAVOS"
    )
    assert valor_por_extenso_upper(100000000) == "UM MILHÃO DE REAIS"


def test_rejects_negative_float_and_huge() -> None:
    with pytest.raises(ValueError):
        valor_por_extenso(-1)
    with pytest.raises(TypeError):
        valor_por_extenso(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        valor_por_extenso(10**38)  # 10^36 reais: past decilhões


@given(st.integers(min_value=1, max_value=999_999))
def test_cardinal_matches_num2words_without_its_comma(n: int) -> None:
    # Below a million the only difference from num2words is its comma after "mil".
    assert cardinal(n) == num2words(n, lang="pt_BR").replace(", ", " ")


@given(st.integers(min_value=0, max_value=10**14))
def test_no_comma_no_double_spaces_and_right_plural(cents: int) -> None:
    text = valor_por_extenso(cents)
    assert "," not in text and "  " not in text
    assert "zero" not in text or cents == 0
    reais, centavos = divmod(cents, 100)
    assert text.endswith("centavo" if centavos == 1 else "centavos") == bool(centavos)
    if reais == 1:
        assert text.startswith("um real")
    assert not text.startswith("um mil ")  # 1.000 is "mil", never "um mil"
