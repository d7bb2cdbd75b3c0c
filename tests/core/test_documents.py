import random
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contoffice.core.documents import (
    format_cnpj,
    format_cpf,
    format_document,
    generate_cnpj,
    generate_cpf,
    is_valid_cnpj,
    is_valid_cpf,
    normalize_document,
    validate_cnpj,
    validate_cpf,
    validate_document,
)
from contoffice.core.validation import ValidationError

seeds = st.integers(min_value=0, max_value=2**32)


@pytest.mark.parametrize(
    "cnpj",
    [
        "02558157000162",
        "02.558.157/0001-62",
        "12ABC34501DE35",
        "12.abc.345/01de-35",
        "A87HBZHB000161",
        "A8.7HB.ZHB/0001-61",
        "LBNXQOB5000141",
    ],
)
def test_valid_cnpj_vectors(cnpj: str) -> None:
    assert is_valid_cnpj(cnpj)
    assert validate_cnpj(cnpj) == normalize_document(cnpj)


def test_letters_count_from_ord_minus_48_not_ten() -> None:
    # brutils PR #731 computed 63 with A=10; with ord(c) - 48 the DVs are 41.
    assert not is_valid_cnpj("LBNXQOB5000163")
    with pytest.raises(ValidationError, match="dígito verificador"):
        validate_cnpj("LB.NXQ.OB5/0001-63")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("0255815700016", "14 caracteres"),
        ("02558157000163", "dígito verificador"),
        ("00000000000000", "repetidos"),
        ("12ABC34501DEAB", "dois últimos"),
        ("12ABC3450#DE35", "12 primeiras"),
        ("12ÁBC34501DE35", "12 primeiras"),
        ("", "obrigatório"),
    ],
)
def test_validate_cnpj_says_what_is_wrong(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment) as info:
        validate_cnpj(text, field="CNPJ do tomador")
    assert info.value.field == "CNPJ do tomador"
    assert not is_valid_cnpj(text)


def test_cnpj_message_wording() -> None:
    with pytest.raises(ValidationError) as info:
        validate_cnpj("02558157000163")
    assert info.value.message == "CNPJ inválido: dígito verificador não confere."
    assert info.value.field == "CNPJ"


def test_cpf_vectors() -> None:
    assert is_valid_cpf("96881134258")
    assert is_valid_cpf("968.811.342-58")
    assert validate_cpf(" 968.811.342-58 ") == "96881134258"
    assert not is_valid_cpf("11111111111")
    assert not is_valid_cpf("96881134259")
    assert not is_valid_cpf("9688113425A")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("111.111.111-11", "repetidos"),
        ("968.811.342-5", "11 dígitos"),
        ("968.811.342-59", "dígito verificador"),
        ("96881134X58", "apenas números"),
    ],
)
def test_validate_cpf_says_what_is_wrong(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment) as info:
        validate_cpf(text)
    assert info.value.message.startswith("CPF inválido:")


def test_validate_document_picks_kind_by_length() -> None:
    assert validate_document("968.811.342-58") == ("CPF", "96881134258")
    assert validate_document("12.ABC.345/01DE-35") == ("CNPJ", "12ABC34501DE35")
    with pytest.raises(ValidationError, match="11 dígitos") as info:
        validate_document("123")
    assert info.value.field == "CPF/CNPJ"


def test_formatting() -> None:
    assert format_cpf("96881134258") == "968.811.342-58"
    assert format_cnpj("02558157000162") == "02.558.157/0001-62"
    assert format_cnpj("12abc34501de35") == "12.ABC.345/01DE-35"
    assert format_document("96881134258") == "968.811.342-58"
    assert format_document("12ABC34501DE35") == "12.ABC.345/01DE-35"
    assert format_document("12345") == "12345"
    assert format_cpf("abc") == "abc"


def test_normalize_keeps_unknown_characters_for_the_validator() -> None:
    assert normalize_document(" 12.abc.345/01de-35 ") == "12ABC34501DE35"
    assert normalize_document("12#4") == "12#4"
    assert normalize_document("ß") == "ß"  # no Unicode upper-casing that changes length


def test_generation_is_fast() -> None:
    rng = random.Random(7)
    start = time.perf_counter()
    for _ in range(100_000):
        generate_cnpj(rng)
        generate_cpf(rng)
    assert time.perf_counter() - start < 3.0


def test_generate_cnpj_branch() -> None:
    doc = generate_cnpj(random.Random(1), branch=12)
    assert doc[8:12] == "0012"
    assert is_valid_cnpj(doc)
    with pytest.raises(ValueError):
        generate_cnpj(random.Random(1), branch=0)


@given(seeds)
def test_generated_cpf_validates_and_round_trips(seed: int) -> None:
    doc = generate_cpf(random.Random(seed))
    assert validate_cpf(doc) == doc
    assert normalize_document(format_cpf(doc)) == doc
    assert validate_document(format_document(doc)) == ("CPF", doc)


@given(seeds, st.booleans())
def test_generated_cnpj_validates_and_round_trips(seed: int, alphanumeric: bool) -> None:
    doc = generate_cnpj(random.Random(seed), alphanumeric=alphanumeric)
    assert validate_cnpj(doc) == doc
    assert doc[12:].isdigit()
    assert any(c.isalpha() for c in doc[:8]) == alphanumeric
    assert normalize_document(format_cnpj(doc)) == doc
    assert normalize_document(format_cnpj(doc.lower())) == doc


@given(seeds, st.sampled_from([-2, -1]), st.integers(min_value=1, max_value=9))
def test_changing_one_check_digit_invalidates(seed: int, pos: int, delta: int) -> None:
    rng = random.Random(seed)
    for doc, check in (
        (generate_cpf(rng), is_valid_cpf),
        (generate_cnpj(rng), is_valid_cnpj),
        (generate_cnpj(rng, alphanumeric=True), is_valid_cnpj),
    ):
        chars = list(doc)
        chars[pos] = str((int(chars[pos]) + delta) % 10)
        assert not check("".join(chars))
